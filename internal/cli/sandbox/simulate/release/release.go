// Package release is `mkt sandbox simulate release`.
package release

import (
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/sandbox/simulate/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/market"
)

// NewCmdRelease builds `mkt sandbox simulate release`.
func NewCmdRelease(f *cmdutil.Factory) *cobra.Command {
	var refund bool
	cmd := shared.InstanceVerb(f, "release", "The instance is released (releaseInstance)", "SandboxRelease", func(e *market.BuyerEvent) {
		e.IsRefund = &refund
	})
	cmd.Flags().BoolVar(&refund, "refund", false, "the buyer is refunded")
	return cmd
}
