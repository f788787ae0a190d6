// Package list is `mkt delivery template list`.
package list

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/delivery/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// Options are the inputs of `mkt delivery template list`.
type Options struct {
	Factory *cmdutil.Factory
}

// NewCmdList builds `mkt delivery template list`; runF replaces the run in tests.
func NewCmdList(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:     "list",
		Aliases: []string{"ls"},
		Short:   "List delivery templates",
		Example: "  mkt delivery template list",
		Args:    cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return listRun(cmd.Context(), opts)
		},
	}
}

func listRun(ctx context.Context, opts *Options) error {
	client, err := opts.Factory.Client()
	if err != nil {
		return err
	}
	all := []marketapi.DeliveryTemplate{}
	err = client.ListDeliveryTemplates(ctx, func(p marketapi.DeliveryTemplatePage) bool {
		all = append(all, p.Templates...)
		return true
	})
	if err != nil {
		return err
	}
	return shared.PrintTemplates(opts.Factory, all, all)
}
