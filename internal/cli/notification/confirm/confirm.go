// Package confirm is `mkt notification confirm`.
package confirm

import (
	"context"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// Options are the inputs of `mkt notification confirm`.
type Options struct {
	Factory *cmdutil.Factory
	IDs     []string
}

// NewCmdConfirm builds `mkt notification confirm`; runF replaces the run in tests.
func NewCmdConfirm(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:     "confirm <notification-id>...",
		Short:   "Confirm notifications you have handled",
		Example: "  mkt notification confirm 3f1c…",
		Args:    cmdutil.MinimumArgs(1, "<notification-id>..."),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.IDs = args
			if runF != nil {
				return runF(opts)
			}
			return confirmRun(cmd.Context(), opts)
		},
	}
}

func confirmRun(ctx context.Context, opts *Options) error {
	client, err := opts.Factory.Client()
	if err != nil {
		return err
	}
	for _, id := range opts.IDs {
		if err := client.ConfirmNotification(ctx, id); err != nil {
			return err
		}
	}
	opts.Factory.Success("notification.confirmed", strconv.Itoa(len(opts.IDs)))
	return nil
}
