// Package show is `mkt settlement account show`.
package show

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/settlement/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// Options are the inputs of `mkt settlement account show`.
type Options struct {
	Factory *cmdutil.Factory
}

// NewCmdShow builds `mkt settlement account show`; runF replaces the run in tests.
func NewCmdShow(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:     "show",
		Short:   "Show the settlement account and its verification: VERIFYING, BOUND, FAILED (with the reason)",
		Example: "  mkt settlement account show\n  mkt settlement account show -o json",
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
	a, err := client.SettlementAccount(ctx)
	if err != nil {
		return err
	}
	return shared.PrintAccount(opts.Factory, a)
}
