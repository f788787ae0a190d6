// Package list is `mkt nest service list`.
package list

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/nest/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// Options are the inputs of `mkt nest service list`.
type Options struct {
	Factory     *cmdutil.Factory
	Status      string
	Name        string
	AllVersions bool
}

// NewCmdList builds `mkt nest service list`.
func NewCmdList(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List your Compute Nest services",
		Long: `List your Compute Nest services: one row per service, its default version (the online one,
else the newest), marked when a draft version exists beside it.`,
		Example: `  mkt nest service list
  mkt nest service list --status Online -o json`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return listRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Status, "status", "", "only services in this status (Draft, Submitted, Approved, Online, Offline, Beta)")
	cmd.Flags().StringVar(&opts.Name, "name", "", "only the service of this name")
	cmd.Flags().BoolVar(&opts.AllVersions, "all-versions", false, "one row per version")
	return cmd
}

func listRun(ctx context.Context, opts *Options) error {
	client, err := opts.Factory.Client()
	if err != nil {
		return err
	}
	filter := map[string][]string{}
	if opts.Status != "" {
		filter["Status"] = []string{opts.Status}
	}
	if opts.Name != "" {
		filter["Name"] = []string{opts.Name}
	}
	list, err := client.ListServices(ctx, filter, opts.AllVersions)
	if err != nil {
		return err
	}
	return shared.PrintServices(opts.Factory, list, false)
}
