// Package delete is `mkt bundle delete`.
package delete

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/bundle/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// Options are the inputs of `mkt bundle delete`.
type Options struct {
	Factory *cmdutil.Factory
	ID      string
}

// NewCmdDelete builds `mkt bundle delete`; runF replaces the run in tests.
func NewCmdDelete(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:               "delete <bundle-id>",
		Short:             "Delete a bundle (asks first; --yes in scripts)",
		Example:           "  mkt bundle delete bdl-3k9x0abc12de45fg --yes",
		Args:              cmdutil.ExactArgs(1, "<bundle-id>"),
		ValidArgsFunction: cmdutil.CompleteArgs(0, cmdutil.BundleIDs, f),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = args[0]
			if runF != nil {
				return runF(opts)
			}
			return deleteRun(cmd.Context(), opts)
		},
	}
}

func deleteRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	b, err := shared.FindOne(ctx, f, opts.ID)
	if err != nil {
		return err
	}
	if err := f.Confirm(f.T("bundle.delete.ask", b.BundleId, b.Name)); err != nil {
		return err
	}
	client, err := f.Client()
	if err != nil {
		return err
	}
	if _, err := client.DeleteBundle(ctx, opts.ID); err != nil {
		return err
	}
	f.Success("bundle.deleted", opts.ID)
	return nil
}
