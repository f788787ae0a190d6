// Package create is `mkt nest artifact create`.
package create

import (
	"context"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/nest/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// Options are the inputs of `mkt nest artifact create`.
type Options struct {
	Factory     *cmdutil.Factory
	From        string
	Name        string
	VersionName string
	Description string
	File        string
	URL         string
	ImageID     string
	Region      string
}

// NewCmdCreate builds `mkt nest artifact create`.
func NewCmdCreate(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "create",
		Short: "Create an artifact: an ECS image or a file (uploaded for you)",
		Long: `Create an artifact, version 1 — or, with --from, a new version of an existing one. An ECS
image is named by --image-id and --region; a file by --file (uploaded through Compute Nest's
upload credentials) or --url. The artifact is Created; release it (mkt nest artifact release)
before a service that uses it goes to review.`,
		Example: `  mkt nest artifact create --name app-package --file dist/app.tgz
  mkt nest artifact create --name app-image --image-id m-bp1abcdefghijklmnopq --region-id cn-hangzhou
  mkt nest artifact create --from artifact-8b1c0d2e3f4a5b6c7d8e --file dist/app.tgz --version-name v2`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := check(opts); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return createRun(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.From, "from", "", "make a new version of this artifact")
	fl.StringVar(&opts.Name, "name", "", "the artifact's name")
	fl.StringVar(&opts.VersionName, "version-name", "v1", "this version's name")
	fl.StringVar(&opts.Description, "description", "", "what it is")
	fl.StringVar(&opts.File, "file", "", "a file to upload (a File artifact)")
	fl.StringVar(&opts.URL, "url", "", "the URL of a file already online (a File artifact)")
	fl.StringVar(&opts.ImageID, "image-id", "", "an ECS image ID, m-… (an EcsImage artifact)")
	fl.StringVar(&opts.Region, "region-id", "cn-hangzhou", "the image's region")
	return cmd
}

func check(opts *Options) error {
	var probs []error
	if opts.From != "" {
		if err := shared.CheckArtifactID(opts.From); err != nil {
			probs = append(probs, err)
		}
	} else if opts.Name == "" {
		probs = append(probs, cmdutil.FlagError("nest.flag.required", "--name"))
	}
	n := 0
	for _, v := range []string{opts.File, opts.URL, opts.ImageID} {
		if v != "" {
			n++
		}
	}
	if n != 1 {
		probs = append(probs, cmdutil.FlagError("nest.artifact.one"))
	}
	if opts.File != "" {
		if st, err := os.Stat(opts.File); err != nil || st.IsDir() {
			probs = append(probs, cmdutil.FlagError("nest.flag.nofile", opts.File))
		}
	}
	return cmdutil.Join(probs, "flags.problems")
}

func createRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	client, err := f.Client()
	if err != nil {
		return err
	}
	in := market.ArtifactInput{ArtifactID: opts.From, Name: opts.Name, VersionName: opts.VersionName, Description: opts.Description, Type: "File"}
	switch {
	case opts.ImageID != "":
		in.Type, in.Property = "EcsImage", marketapi.ArtifactProperty{RegionId: opts.Region, ImageId: opts.ImageID}
	case opts.URL != "":
		in.Property = marketapi.ArtifactProperty{Url: opts.URL}
	default:
		fh, err := os.Open(opts.File)
		if err != nil {
			return err
		}
		defer fh.Close()
		u, err := client.Upload(ctx, filepath.Base(opts.File), fh)
		if err != nil {
			return err
		}
		f.Success("nest.uploaded", opts.File)
		in.Property = marketapi.ArtifactProperty{Url: u}
	}
	if opts.From != "" {
		cur, err := client.GetArtifact(ctx, opts.From, "")
		if err != nil {
			return err
		}
		in.Type, in.Name = cur.ArtifactType, cur.Name
	}
	a, err := client.CreateArtifact(ctx, in, market.ContentToken("nest-artifact", in))
	if err != nil {
		return err
	}
	f.Success("nest.artifact.created", a.ArtifactId, a.ArtifactVersion)
	return shared.PrintArtifact(f, a)
}
