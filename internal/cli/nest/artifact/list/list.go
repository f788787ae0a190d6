// Package list is `mkt nest artifact list`.
package list

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/nest/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// Options are the inputs of `mkt nest artifact list`.
type Options struct {
	Factory  *cmdutil.Factory
	Type     string
	Versions string
}

// NewCmdList builds `mkt nest artifact list`.
func NewCmdList(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List your artifacts (images, files) or the versions of one",
		Example: `  mkt nest artifact list
  mkt nest artifact list --versions artifact-8b1c0d2e3f4a5b6c7d8e`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Versions != "" {
				if err := shared.CheckArtifactID(opts.Versions); err != nil {
					return err
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return listRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Type, "type", "", "only artifacts of this type (EcsImage, File…)")
	cmd.Flags().StringVar(&opts.Versions, "versions", "", "list the versions of this artifact instead")
	return cmd
}

func listRun(ctx context.Context, opts *Options) error {
	client, err := opts.Factory.Client()
	if err != nil {
		return err
	}
	filter := map[string][]string{}
	if opts.Type != "" {
		filter["ArtifactType"] = []string{opts.Type}
	}
	list, err := client.ListArtifacts(ctx, filter, opts.Versions)
	if err != nil {
		return err
	}
	return shared.PrintArtifacts(opts.Factory, list)
}
