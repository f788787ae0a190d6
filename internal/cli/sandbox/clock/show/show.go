// Package show is `mkt sandbox clock show`.
package show

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/sandbox/clock/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// Options are the inputs of `mkt sandbox clock show`.
type Options struct {
	Factory *cmdutil.Factory
}

// NewCmdShow builds `mkt sandbox clock show`; runF replaces the run in tests.
func NewCmdShow(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:     "show",
		Short:   "Show the sandbox time and its offset from real time",
		Example: "  mkt sandbox clock show",
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
	client, err := opts.Factory.SandboxClient()
	if err != nil {
		return err
	}
	clk, err := client.Clock(ctx)
	if err != nil {
		return err
	}
	return shared.PrintClock(opts.Factory, clk)
}
