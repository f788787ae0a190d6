// Package get is `mkt nest service get`.
package get

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/nest/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// Options are the inputs of `mkt nest service get`.
type Options struct {
	Factory *cmdutil.Factory
	ID      string
	Version string
}

// NewCmdGet builds `mkt nest service get`.
func NewCmdGet(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "get <service-id>",
		Short: "Show one version of a service",
		Example: `  mkt nest service get service-0e6fca6a51a54420
  mkt nest service get service-0e6fca6a51a54420 --version 2 --jq .status`,
		Args: cmdutil.ExactArgs(1, "<service-id>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = args[0]
			if err := shared.CheckServiceID(opts.ID); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return getRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Version, "version", "", "the version (default: the online one, else the newest)")
	return cmd
}

func getRun(ctx context.Context, opts *Options) error {
	client, err := opts.Factory.Client()
	if err != nil {
		return err
	}
	s, err := client.GetService(ctx, opts.ID, opts.Version)
	if err != nil {
		return err
	}
	return shared.PrintService(opts.Factory, s)
}
