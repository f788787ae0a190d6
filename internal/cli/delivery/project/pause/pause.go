// Package pause is `mkt delivery project pause`.
package pause

import (
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/delivery/project/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/project"
)

// Options are the inputs of `mkt delivery project pause`.
type Options = shared.StepOptions

// NewCmdPause builds `mkt delivery project pause`; runF replaces the run in tests.
func NewCmdPause(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "pause <instance-id>",
		Short: "Pause a delivery project",
		Long: `Pause the project at its current node: nothing can be finished or sent back until it is resumed.
The remark tells the buyer why. A project already paused is reported, not paused again.`,
		Example: `  mkt delivery project pause 10000001 --remark "…"`,
		Args:    cmdutil.ExactArgs(1, shared.Arg),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Instance = args[0]
			if err := shared.CheckInstance(opts.Instance); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return shared.Take(cmd.Context(), opts, project.Pause, nil)
		},
	}
	cmd.Flags().Int64Var(&opts.Node, "node", 0, "the node (default: the current node)")
	cmd.Flags().StringVar(&opts.Remark, "remark", "", "a note the buyer sees")
	return cmd
}
