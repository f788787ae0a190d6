// Package clock is `mkt sandbox clock`: show, move forward and reset the sandbox's clock.
package clock

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/timeutil"
)

// Options are the inputs of the clock verbs.
type Options struct {
	Factory  *cmdutil.Factory
	Action   string
	Duration string
}

// NewCmdClock builds `mkt sandbox clock`.
func NewCmdClock(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "clock <command>",
		Short: "Show, advance or reset the sandbox clock",
		Long: `The sandbox keeps its own clock: real time plus an offset stored with its state, so
deadlines (the 7-day invoice window) and expiries can be rehearsed. The clock only
moves forward; reset sets it back to real time.`,
		Args: cobra.ArbitraryArgs,
		RunE: cmdutil.GroupRunE,
	}
	cmd.AddCommand(
		newVerb(f, "show", "Show the sandbox time and its offset from real time", "SandboxDescribeClock", nil),
		newVerb(f, "advance <duration>", "Move the sandbox clock forward (6d, 36h, 1w2d)", "SandboxAdvanceClock", nil),
		newVerb(f, "reset", "Set the sandbox clock back to real time", "SandboxResetClock", nil),
	)
	return cmd
}

func newVerb(f *cmdutil.Factory, use, short, action string, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f, Action: action}
	cmd := &cobra.Command{
		Use:   use,
		Short: short,
		RunE: func(cmd *cobra.Command, args []string) error {
			if action == "SandboxAdvanceClock" {
				opts.Duration = args[0]
				if d, err := timeutil.ParseDuration(opts.Duration); err != nil || d <= 0 {
					if err == nil {
						err = errNotForward
					}
					return cmdutil.FlagError("sandbox.duration", opts.Duration, err)
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return clockRun(cmd.Context(), opts)
		},
	}
	if action == "SandboxAdvanceClock" {
		cmd.Args = cmdutil.ExactArgs(1, "<duration>")
		cmd.Example = "  mkt sandbox clock advance 6d\n  mkt sandbox clock advance 1w2d12h -o json"
	} else {
		cmd.Args = cmdutil.NoArgs
		cmd.Example = "  mkt sandbox clock " + cmd.Name()
	}
	return cmd
}

type forwardErr struct{}

func (forwardErr) Error() string { return "the clock only moves forward" }

var errNotForward = forwardErr{}

func clockRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	client, err := f.SandboxClient()
	if err != nil {
		return err
	}
	var clk marketapi.Clock
	switch opts.Action {
	case "SandboxAdvanceClock":
		clk, err = client.AdvanceClock(ctx, opts.Duration)
	case "SandboxResetClock":
		clk, err = client.ResetClock(ctx)
	default:
		clk, err = client.Clock(ctx)
	}
	if err != nil {
		return err
	}
	return f.Print(clk, func() error {
		st := f.IOStreams.Styles()
		kv := f.IOStreams.NewKeyValue()
		kv.AddStyled(f.T("col.clock.now"), clk.Now, st.ID)
		kv.Add(f.T("col.clock.offset"), clk.Offset)
		kv.AddStyled(f.T("col.clock.real"), clk.RealNow, st.Muted)
		return kv.Render()
	})
}
