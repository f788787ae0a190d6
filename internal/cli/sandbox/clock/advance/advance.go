// Package advance is `mkt sandbox clock advance`.
package advance

import (
	"context"
	"errors"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/sandbox/clock/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/timeutil"
)

// Options are the inputs of `mkt sandbox clock advance`.
type Options struct {
	Factory  *cmdutil.Factory
	Duration string
}

var errNotForward = errors.New("the clock only moves forward")

// NewCmdAdvance builds `mkt sandbox clock advance`; runF replaces the run in tests.
func NewCmdAdvance(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:     "advance <duration>",
		Short:   "Move the sandbox clock forward (6d, 36h, 1w2d)",
		Example: "  mkt sandbox clock advance 6d\n  mkt sandbox clock advance 1w2d12h -o json",
		Args:    cmdutil.ExactArgs(1, "<duration>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Duration = args[0]
			if d, err := timeutil.ParseDuration(opts.Duration); err != nil || d <= 0 {
				if err == nil {
					err = errNotForward
				}
				return cmdutil.FlagError("sandbox.duration", opts.Duration, err)
			}
			if runF != nil {
				return runF(opts)
			}
			return advanceRun(cmd.Context(), opts)
		},
	}
}

func advanceRun(ctx context.Context, opts *Options) error {
	client, err := opts.Factory.SandboxClient()
	if err != nil {
		return err
	}
	clk, err := client.AdvanceClock(ctx, opts.Duration)
	if err != nil {
		return err
	}
	return shared.PrintClock(opts.Factory, clk)
}
