// Package export is `mkt export`.
package export

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/manifest"
)

// Options are the inputs of `mkt export`.
type Options struct {
	Factory *cmdutil.Factory
}

// NewCmdExport builds `mkt export`.
func NewCmdExport(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:   "export",
		Short: "Write your current listings as a manifest (to adopt mkt apply)",
		Example: `  mkt export > listing.yaml
  mkt plan -f listing.yaml      # nothing to do`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return exportRun(cmd.Context(), opts)
		},
	}
}

func exportRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	client, err := f.Client()
	if err != nil {
		return err
	}
	snap, err := manifest.Fetch(ctx, client)
	if err != nil {
		return err
	}
	m := manifest.Export(snap)
	if f.OutputFormat() == "json" {
		return cmdutil.WriteJSON(f.IOStreams.Out, m)
	}
	b, err := manifest.Encode(m)
	if err != nil {
		return err
	}
	_, err = f.IOStreams.Out.Write(b)
	return err
}
