// Package versions is `mkt nest service versions`.
package versions

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/nest/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// Options are the inputs of `mkt nest service versions`.
type Options struct {
	Factory *cmdutil.Factory
	ID      string
}

// NewCmdVersions builds `mkt nest service versions`.
func NewCmdVersions(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:   "versions <service-id>",
		Short: "List the versions of a service and their statuses",
		Long: `List every version of a service with its status. Only a Draft version changes; an Online
version is locked, and a change goes into a new draft version (mkt nest apply makes one).`,
		Example: `  mkt nest service versions service-0e6fca6a51a54420`,
		Args:    cmdutil.ExactArgs(1, "<service-id>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = args[0]
			if err := shared.CheckServiceID(opts.ID); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return versionsRun(cmd.Context(), opts)
		},
	}
}

func versionsRun(ctx context.Context, opts *Options) error {
	client, err := opts.Factory.Client()
	if err != nil {
		return err
	}
	list, err := client.ListServices(ctx, map[string][]string{"ServiceId": {opts.ID}}, true)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		if _, err := client.GetService(ctx, opts.ID, ""); err != nil {
			return err
		}
	}
	return shared.PrintServices(opts.Factory, list, true)
}
