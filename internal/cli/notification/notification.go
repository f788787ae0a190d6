// Package notification is `mkt notification`: SPI calls that failed, to pull and confirm.
package notification

import (
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// NewCmdNotification builds `mkt notification`.
func NewCmdNotification(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "notification <command>",
		Short: "Failed SPI notifications: list them, confirm them once handled",
		Long: `When the marketplace cannot complete an SPI call to your production URL (after its
retries), the call is kept as a failed notification. Pull them, act on them, then confirm
each so it is not listed again (DescribeFailedNotifications, ConfirmNotification).`,
		Args: cobra.ArbitraryArgs,
		RunE: cmdutil.GroupRunE,
	}
	list := &cobra.Command{
		Use:     "list",
		Aliases: []string{"ls"},
		Short:   "List failed notifications not yet confirmed",
		Example: "  mkt notification list -o json",
		Args:    cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			client, err := f.Client()
			if err != nil {
				return err
			}
			all := []marketapi.Notification{}
			if err := client.ListFailedNotifications(cmd.Context(), func(n []marketapi.Notification) bool { all = append(all, n...); return true }); err != nil {
				return err
			}
			return f.Print(all, func() error {
				ios := f.IOStreams
				t := ios.NewTable("ID", "ACTION", "WHEN", "MESSAGE")
				for _, n := range all {
					t.AddStyledField(n.NotificationRequestId, ios.Styles().ID)
					t.AddField(n.Action)
					t.AddField(f.FormatTime(time.UnixMilli(n.CreateTime).UTC().Format(time.RFC3339)))
					t.AddField(n.Message)
					t.EndRow()
				}
				return t.Render()
			})
		},
	}
	confirm := &cobra.Command{
		Use:     "confirm <notification-id>...",
		Short:   "Confirm notifications you have handled",
		Example: "  mkt notification confirm 3f1c…",
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			client, err := f.Client()
			if err != nil {
				return err
			}
			for _, id := range args {
				if err := client.ConfirmNotification(cmd.Context(), id); err != nil {
					return err
				}
			}
			f.Success("notification.confirmed", strconv.Itoa(len(args)))
			return nil
		},
	}
	cmd.AddCommand(list, confirm)
	return cmd
}
