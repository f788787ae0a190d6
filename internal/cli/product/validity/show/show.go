// Package show is `mkt product validity show`.
package show

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/catalog"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/marketapi"
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
		Use:               "show <product-code>",
		Short:             "Show the validity periods",
		Example:           "  mkt product validity show cmfw10000003",
		Args:              cmdutil.ExactArgs(1, "<product-code>"),
		ValidArgsFunction: cmdutil.CompleteArgs(0, cmdutil.ProductCodes, f),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Code = args[0]
			if err := cmdutil.CheckProductCode(opts.Code); err != nil {
				return err
			}
			return showRun(cmd.Context(), opts)
		},
	}
}

// showRun reads the periods: from the seller's view, or — against a live endpoint without the
// seller extension — from the public DescribeProduct (the periods its SKUs can be bought for).
func showRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	client, err := f.Client()
	if err != nil {
		return err
	}
	var p marketapi.Product
	if f.PublicOnly() {
		pub, err := client.PublicProduct(ctx, opts.Code)
		if err != nil {
			return err
		}
		p = catalog.FromPublic(pub)
	} else if p, err = client.GetProduct(ctx, opts.Code); err != nil {
		return err
	}
	v := Validity{Code: p.Code, Type: p.Type, ValidityPeriods: p.ValidityPeriods}
	return f.Print(v, func() error {
		// In a pipe the periods as they are typed (validity set takes them back); on a
		// terminal as the merchant reads them.
		line := strings.Join(v.ValidityPeriods, " ")
		if f.IOStreams.IsStdoutTTY() {
			line = i18n.Periods(f.Lang(), v.ValidityPeriods)
		}
		_, err := fmt.Fprintln(f.IOStreams.Out, line)
		return err
	})
}
