// Package list is `mkt notification list`.
package list

import (
	"context"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/iostreams"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// Options are the inputs of `mkt notification list`.
type Options struct {
	Factory *cmdutil.Factory
}

// NewCmdList builds `mkt notification list`; runF replaces the run in tests.
func NewCmdList(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:     "list",
		Aliases: []string{"ls"},
		Short:   "List failed notifications not yet confirmed",
		Example: "  mkt notification list -o json",
		Args:    cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return listRun(cmd.Context(), opts)
		},
	}
}

func listRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	client, err := f.Client()
	if err != nil {
		return err
	}
	col := func(h string, text func(marketapi.Notification) string) cmdutil.Column[marketapi.Notification] {
		return cmdutil.Column[marketapi.Notification]{Header: h, Text: text}
	}
	id := col("ID", func(n marketapi.Notification) string { return n.NotificationRequestId })
	id.Style = func(st *iostreams.Styles, _ marketapi.Notification) *lipgloss.Style { return &st.ID }
	p := cmdutil.NewListPrinter(f, id,
		col(f.T("col.action"), func(n marketapi.Notification) string { return n.Action }),
		col(f.T("col.when"), func(n marketapi.Notification) string {
			return f.FormatTime(time.UnixMilli(n.CreateTime).UTC().Format(time.RFC3339))
		}),
		col(f.T("col.message"), func(n marketapi.Notification) string { return n.Message }))
	return p.Finish(client.ListFailedNotifications(ctx, func(ns []marketapi.Notification) bool { return p.AddPage(ns, 0) }))
}
