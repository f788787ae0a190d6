// Package rollback is `mkt delivery project rollback`.
package rollback

import (
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/delivery/project/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/project"
)

// Options are the inputs of `mkt delivery project rollback`.
type Options = shared.StepOptions

// NewCmdRollback builds `mkt delivery project rollback`; runF replaces the run in tests.
func NewCmdRollback(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "rollback <instance-id>",
		Short: "Send the current step of a delivery project back to the one before",
		Long: `Send the current node back: it waits again and the node before it becomes current (its form keeps
what was entered). The node's template step must allow it. The remark tells the buyer why.`,
		Example: `  mkt delivery project rollback 10000001 --remark "…"`,
		Args:    cmdutil.ExactArgs(1, shared.Arg),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Instance = args[0]
			if err := shared.CheckInstance(opts.Instance); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return shared.Take(cmd.Context(), opts, project.Rollback, nil)
		},
	}
	cmd.Flags().Int64Var(&opts.Node, "node", 0, "the node (default: the current node)")
	cmd.Flags().StringVar(&opts.Remark, "remark", "", "a note the buyer sees")
	return cmd
}
