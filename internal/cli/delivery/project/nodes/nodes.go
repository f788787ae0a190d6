// Package nodes is `mkt delivery project nodes`.
package nodes

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/delivery/project/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// Options are the inputs of `mkt delivery project nodes`.
type Options struct {
	Factory  *cmdutil.Factory
	Instance string
}

// NewCmdNodes builds `mkt delivery project nodes`; runF replaces the run in tests.
func NewCmdNodes(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:   "nodes <instance-id>",
		Short: "List a delivery project's steps: who acts, their status and form fields",
		Long: `List the project's nodes, first to last: the marketplace's order, then one per template step.
FORM lists each step's fields by title (* marks a required one) and the values entered;
-o json gives each field's key, for 'mkt delivery project finish --field KEY=VALUE'.`,
		Example: `  mkt delivery project nodes 10000001
  mkt delivery project nodes 10000001 -o json`,
		Args: cmdutil.ExactArgs(1, shared.Arg),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Instance = args[0]
			if err := shared.CheckInstance(opts.Instance); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return nodesRun(cmd.Context(), opts)
		},
	}
}

func nodesRun(ctx context.Context, opts *Options) error {
	client, err := opts.Factory.Client()
	if err != nil {
		return err
	}
	nodes, err := client.ProjectNodes(ctx, opts.Instance)
	if err != nil {
		return err
	}
	return shared.PrintNodes(opts.Factory, nodes)
}
