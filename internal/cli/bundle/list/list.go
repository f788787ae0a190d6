// Package list is `mkt bundle list`.
package list

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/bundle/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// Options are the inputs of `mkt bundle list`.
type Options struct {
	Factory *cmdutil.Factory
}

// NewCmdList builds `mkt bundle list`; runF replaces the run in tests.
func NewCmdList(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:     "list",
		Aliases: []string{"ls"},
		Short:   "List bundles and whether each can be bought now",
		Example: `  mkt bundle list
  mkt bundle list -o json | jq -r '.[] | select(.sellable | not) | .bundleId'`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return listRun(cmd.Context(), opts)
		},
	}
}

func listRun(ctx context.Context, opts *Options) error {
	bs, err := shared.Find(ctx, opts.Factory, "")
	if err != nil {
		return err
	}
	return shared.PrintBundles(opts.Factory, bs, bs)
}
