// Package resume is `mkt delivery project resume`.
package resume

import (
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/delivery/project/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/project"
)

// Options are the inputs of `mkt delivery project resume`.
type Options = shared.StepOptions

// NewCmdResume builds `mkt delivery project resume`; runF replaces the run in tests.
func NewCmdResume(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "resume <instance-id>",
		Short: "Resume a paused delivery project",
		Long: `Resume a paused project; the current node's time moves on by the time it was paused. A project
already running is reported, not resumed again.`,
		Example: `  mkt delivery project resume 10000001 --remark "…"`,
		Args:    cmdutil.ExactArgs(1, shared.Arg),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Instance = args[0]
			if err := shared.CheckInstance(opts.Instance); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return shared.Take(cmd.Context(), opts, project.Resume, nil)
		},
	}
	cmd.Flags().Int64Var(&opts.Node, "node", 0, "the node (default: the current node)")
	cmd.Flags().StringVar(&opts.Remark, "remark", "", "a note the buyer sees")
	return cmd
}
