// Package list is `mkt nest usage list`.
package list

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/nest/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// Options are the inputs of `mkt nest usage list`.
type Options struct {
	Factory *cmdutil.Factory
	Service string
	Status  string
}

// NewCmdList builds `mkt nest usage list`.
func NewCmdList(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List buyers' requests to use your restricted services",
		Long: `List usage requests: buyers of a restricted service (ShareType Restricted…) ask before they
may deploy it; answer with mkt nest usage approve or reject.`,
		Example: `  mkt nest usage list --status Submitted`,
		Args:    cmdutil.NoArgs,
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
	cmd.Flags().StringVar(&opts.Service, "service", "", "only requests for this service")
	cmd.Flags().StringVar(&opts.Status, "status", "", "only requests in this status (Submitted, Approved, Rejected)")
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
	list, err := client.ServiceUsages(ctx, filter)
	if err != nil {
		return err
	}
	return shared.PrintUsages(opts.Factory, list)
}
