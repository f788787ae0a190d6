// Package show is `mkt shop show`.
package show

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/shop/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// Options are the inputs of `mkt shop show`.
type Options struct {
	Factory *cmdutil.Factory
}

// NewCmdShow builds `mkt shop show`; runF replaces the run in tests.
func NewCmdShow(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:     "show",
		Short:   "Show the shop and its contacts",
		Example: "  mkt shop show\n  mkt shop show -o json",
		Args:    cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return showRun(cmd.Context(), opts)
		},
	}
}

func showRun(ctx context.Context, opts *Options) error {
	client, err := opts.Factory.Client()
	if err != nil {
		return err
	}
	s, err := client.Shop(ctx)
	if err != nil {
		return err
	}
	return shared.PrintShop(opts.Factory, s)
}
