// Package release is `mkt nest artifact release`.
package release

import (
	"context"
	"time"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/nest/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// Options are the inputs of `mkt nest artifact release`.
type Options struct {
	Factory *cmdutil.Factory
	ID      string
	Wait    bool
	Timeout time.Duration
}

// NewCmdRelease builds `mkt nest artifact release`.
func NewCmdRelease(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "release <artifact-id>",
		Short: "Release an artifact's newest version (it is scanned, then available)",
		Long: `Release the newest version of an artifact: Compute Nest scans it (an image is also
delivered to its regions), then it is Available and services may use it. --wait follows it
until then.`,
		Example: `  mkt nest artifact release artifact-8b1c0d2e3f4a5b6c7d8e --wait`,
		Args:    cmdutil.ExactArgs(1, "<artifact-id>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = args[0]
			if err := shared.CheckArtifactID(opts.ID); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return releaseRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Wait, "wait", false, "wait until it is available")
	cmd.Flags().DurationVar(&opts.Timeout, "wait-timeout", shared.DefaultWaitTimeout, "give up waiting after this long, e.g. 30m")
	return cmd
}

func releaseRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	client, err := f.Client()
	if err != nil {
		return err
	}
	a, err := client.ReleaseArtifact(ctx, opts.ID, "")
	if err != nil {
		return err
	}
	f.Success("nest.artifact.released", a.ArtifactId, a.ArtifactVersion)
	if opts.Wait {
		if a, err = shared.WaitArtifact(ctx, client, opts.ID, opts.Timeout); err != nil {
			return err
		}
	}
	return shared.PrintArtifact(f, a)
}
