// Package reset is `mkt sandbox clock reset`.
package reset

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/sandbox/clock/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// Options are the inputs of `mkt sandbox clock reset`.
type Options struct {
	Factory *cmdutil.Factory
}

// NewCmdReset builds `mkt sandbox clock reset`; runF replaces the run in tests.
func NewCmdReset(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:     "reset",
		Short:   "Set the sandbox clock back to real time",
		Example: "  mkt sandbox clock reset",
		Args:    cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return resetRun(cmd.Context(), opts)
		},
	}
}

func resetRun(ctx context.Context, opts *Options) error {
	client, err := opts.Factory.SandboxClient()
	if err != nil {
		return err
	}
	clk, err := client.ResetClock(ctx)
	if err != nil {
		return err
	}
	return shared.PrintClock(opts.Factory, clk)
}
