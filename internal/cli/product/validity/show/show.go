// Package show is `mkt product validity show`.
package show

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// Options are the inputs of the validity verbs.
type Options struct {
	Factory *cmdutil.Factory
	Code    string
	Periods []string
}

// Validity is what `validity show -o json` prints.
type Validity struct {
	Code            string
	Type            string
	ValidityPeriods []string
}

// NewCmdShow builds `mkt product validity show`.
func NewCmdShow(f *cmdutil.Factory) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:     "show <product-code>",
		Short:   "Show the validity periods",
		Example: "  mkt product validity show cmfw10000003",
		Args:    cmdutil.ExactArgs(1, "<product-code>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Code = args[0]
			if err := cmdutil.CheckProductCode(opts.Code); err != nil {
				return err
			}
			client, err := f.Client()
			if err != nil {
				return err
			}
			p, err := client.GetProduct(cmd.Context(), opts.Code)
			if err != nil {
				return err
			}
			v := Validity{Code: p.Code, Type: p.Type, ValidityPeriods: p.ValidityPeriods}
			return f.Print(v, func() error {
				_, err := fmt.Fprintln(f.IOStreams.Out, strings.Join(v.ValidityPeriods, " "))
				return err
			})
		},
	}
}
