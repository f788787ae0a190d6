// Package list is `mkt nest instance list`.
package list

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/nest/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// Options are the inputs of `mkt nest instance list`.
type Options struct {
	Factory *cmdutil.Factory
	Service string
	Status  string
}

// NewCmdList builds `mkt nest instance list`.
func NewCmdList(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the service instances buyers deployed",
		Example: `  mkt nest instance list
  mkt nest instance list --service service-0e6fca6a51a54420 -o json`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Service != "" {
				if err := shared.CheckServiceID(opts.Service); err != nil {
					return err
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return listRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Service, "service", "", "only instances of this service")
	cmd.Flags().StringVar(&opts.Status, "status", "", "only instances in this status (Deployed, Deploying…)")
	return cmd
}

func listRun(ctx context.Context, opts *Options) error {
	client, err := opts.Factory.Client()
	if err != nil {
		return err
	}
	filter := map[string][]string{}
	if opts.Service != "" {
		filter["ServiceId"] = []string{opts.Service}
	}
	if opts.Status != "" {
		filter["Status"] = []string{opts.Status}
	}
	list, err := client.ServiceInstances(ctx, filter)
	if err != nil {
		return err
	}
	return shared.PrintInstances(opts.Factory, list)
}
