// Package clock is `mkt sandbox clock`: show, move forward and reset the sandbox's clock.
package clock

import (
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/sandbox/clock/advance"
	"github.com/mkt-cli/mkt/internal/cli/sandbox/clock/reset"
	"github.com/mkt-cli/mkt/internal/cli/sandbox/clock/show"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

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
	cmd.AddCommand(show.NewCmdShow(f, nil), advance.NewCmdAdvance(f, nil), reset.NewCmdReset(f, nil))
	return cmd
}
