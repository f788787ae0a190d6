// Package bundle is `mkt bundle`: product bundles (商品组合, FAQ 三 Q2).
package bundle

import (
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/bundle/create"
	"github.com/mkt-cli/mkt/internal/cli/bundle/delete"
	"github.com/mkt-cli/mkt/internal/cli/bundle/get"
	"github.com/mkt-cli/mkt/internal/cli/bundle/list"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// NewCmdBundle builds `mkt bundle`.
func NewCmdBundle(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "bundle <command>",
		Short: "Sell products together (商品组合)",
		Long: `A bundle sells two or more of your products together, with a discount or a price of its
own (FAQ 三 Q2). It holds at least two distinct products, none deleted, and can be bought
only while every product in it is listed: 'mkt bundle list' shows whether it is sellable.`,
		Args: cobra.ArbitraryArgs,
		RunE: cmdutil.GroupRunE,
	}
	cmd.AddCommand(create.NewCmdCreate(f, nil), list.NewCmdList(f, nil), get.NewCmdGet(f, nil), delete.NewCmdDelete(f, nil))
	return cmd
}
