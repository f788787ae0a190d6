// Package upgrade is `mkt sandbox simulate upgrade`.
package upgrade

import (
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/sandbox/simulate/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/market"
)

// NewCmdUpgrade builds `mkt sandbox simulate upgrade`.
func NewCmdUpgrade(f *cmdutil.Factory) *cobra.Command {
	var sku string
	cmd := shared.InstanceVerb(f, "upgrade", "The buyer upgrades an instance to another SKU (upgradeInstance)", "SandboxUpgrade", func(e *market.BuyerEvent) {
		e.SkuCode = sku
	})
	cmd.Flags().StringVar(&sku, "sku", "", "the SKU to upgrade to (required)")
	return cmd
}
