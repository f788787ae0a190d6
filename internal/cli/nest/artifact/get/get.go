// Package get is `mkt nest artifact get`.
package get

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/nest/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// Options are the inputs of `mkt nest artifact get`.
type Options struct {
	Factory *cmdutil.Factory
	ID      string
	Version string
}

// NewCmdGet builds `mkt nest artifact get`.
func NewCmdGet(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:     "get <artifact-id>",
		Short:   "Show one version of an artifact",
		Example: `  mkt nest artifact get artifact-8b1c0d2e3f4a5b6c7d8e --jq .status`,
		Args:    cmdutil.ExactArgs(1, "<artifact-id>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = args[0]
			if err := shared.CheckArtifactID(opts.ID); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return getRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Version, "version", "", "the version (default: the newest)")
	return cmd
}

func getRun(ctx context.Context, opts *Options) error {
	client, err := opts.Factory.Client()
	if err != nil {
		return err
	}
	a, err := client.GetArtifact(ctx, opts.ID, opts.Version)
	if err != nil {
		return err
	}
	return shared.PrintArtifact(opts.Factory, a)
}
