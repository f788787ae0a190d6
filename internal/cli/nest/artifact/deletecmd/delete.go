// Package deletecmd is `mkt nest artifact delete`.
package deletecmd

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/nest/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// Options are the inputs of `mkt nest artifact delete`.
type Options struct {
	Factory *cmdutil.Factory
	ID      string
	Version string
}

// NewCmdDelete builds `mkt nest artifact delete`.
func NewCmdDelete(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "delete <artifact-id>",
		Short: "Delete an artifact, or one version of it (asks first; --yes in scripts)",
		Long: `Delete an artifact (every version), or one version with --version. An artifact that a
service version in review or online uses cannot be deleted.`,
		Example: `  mkt nest artifact delete artifact-8b1c0d2e3f4a5b6c7d8e --version 1 --yes`,
		Args:    cmdutil.ExactArgs(1, "<artifact-id>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = args[0]
			if err := shared.CheckArtifactID(opts.ID); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return deleteRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Version, "version", "", "only this version")
	return cmd
}

func deleteRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	client, err := f.Client()
	if err != nil {
		return err
	}
	a, err := client.GetArtifact(ctx, opts.ID, opts.Version)
	if err != nil {
		return err
	}
	what := f.T("nest.artifact.all")
	if opts.Version != "" {
		what = opts.Version
	}
	if err := f.Confirm(f.T("nest.artifact.delete.ask", a.ArtifactId, a.Name, what)); err != nil {
		return err
	}
	if err := client.DeleteArtifact(ctx, opts.ID, opts.Version, ""); err != nil {
		return err
	}
	f.Success("nest.artifact.deleted", a.ArtifactId)
	return f.Print(map[string]string{"artifactId": a.ArtifactId, "version": opts.Version, "status": "Deleted"}, nil)
}
