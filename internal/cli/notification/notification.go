// Package notification is `mkt notification`: SPI calls that failed, to pull and confirm.
package notification

import (
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/notification/confirm"
	"github.com/mkt-cli/mkt/internal/cli/notification/list"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// NewCmdNotification builds `mkt notification`.
func NewCmdNotification(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "notification <command>",
		Short: "Failed message notifications (orderPay…): list them, confirm them once handled",
		Long: `When your endpoint does not take a message the marketplace sends (orderPay after each paid
order), the message is kept as a failed notification. Pull them, act on them, then confirm
each so it is not listed again (DescribeFailedNotifications, ConfirmNotification).`,
		Args: cobra.ArbitraryArgs,
		RunE: cmdutil.GroupRunE,
	}
	cmd.AddCommand(list.NewCmdList(f, nil), confirm.NewCmdConfirm(f, nil))
	return cmd
}
