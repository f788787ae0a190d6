// Package settlement is `mkt settlement`: the settlement account and settlements per order.
package settlement

import (
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/settlement/account/set"
	"github.com/mkt-cli/mkt/internal/cli/settlement/account/show"
	"github.com/mkt-cli/mkt/internal/cli/settlement/list"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// NewCmdSettlement builds `mkt settlement`.
func NewCmdSettlement(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "settlement <command>",
		Short: "The settlement account (enterprise Alipay) and settlements per order",
		Args:  cobra.ArbitraryArgs,
		RunE:  cmdutil.GroupRunE,
	}
	acct := &cobra.Command{
		Use:   "account <command>",
		Short: "Bind and show the enterprise Alipay account the marketplace pays into (FAQ 二 Q2)",
		Args:  cobra.ArbitraryArgs,
		RunE:  cmdutil.GroupRunE,
	}
	acct.AddCommand(set.NewCmdSet(f, nil), show.NewCmdShow(f, nil))
	cmd.AddCommand(acct, list.NewCmdList(f, nil))
	return cmd
}
