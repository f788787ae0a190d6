// Package get is `mkt bundle get`.
package get

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/bundle/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// Options are the inputs of `mkt bundle get`.
type Options struct {
	Factory *cmdutil.Factory
	ID      string
}

// NewCmdGet builds `mkt bundle get`; runF replaces the run in tests.
func NewCmdGet(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:               "get <bundle-id>",
		Short:             "Show one bundle",
		Example:           "  mkt bundle get bdl-3k9x0abc12de45fg",
		Args:              cmdutil.ExactArgs(1, "<bundle-id>"),
		ValidArgsFunction: cmdutil.CompleteArgs(0, cmdutil.BundleIDs, f),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = args[0]
			if runF != nil {
				return runF(opts)
			}
			return getRun(cmd.Context(), opts)
		},
	}
}

func getRun(ctx context.Context, opts *Options) error {
	b, err := shared.FindOne(ctx, opts.Factory, opts.ID)
	if err != nil {
		return err
	}
	return shared.PrintBundles(opts.Factory, []marketapi.Bundle{b}, b)
}
