// Package order is `mkt order`: orders of the ISV's products.
package order

import (
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/order/get"
	"github.com/mkt-cli/mkt/internal/cli/order/list"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// NewCmdOrder builds `mkt order`.
func NewCmdOrder(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "order <command>",
		Short: "Orders of your products (DescribeOrderForIsv)",
		Args:  cobra.ArbitraryArgs,
		RunE:  cmdutil.GroupRunE,
	}
	cmd.AddCommand(get.NewCmdGet(f, nil), list.NewCmdList(f, nil))
	return cmd
}
