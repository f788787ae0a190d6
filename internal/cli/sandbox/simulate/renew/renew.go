// Package renew is `mkt sandbox simulate renew`.
package renew

import (
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/sandbox/simulate/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/market"
)

// NewCmdRenew builds `mkt sandbox simulate renew`.
func NewCmdRenew(f *cmdutil.Factory) *cobra.Command {
	var period string
	cmd := shared.InstanceVerb(f, "renew", "The buyer renews an instance (renewInstance)", "SandboxRenew", func(e *market.BuyerEvent) {
		e.Period = period
	})
	cmd.Flags().StringVar(&period, "period", "", "a validity period of the product (default: its first)")
	return cmd
}
