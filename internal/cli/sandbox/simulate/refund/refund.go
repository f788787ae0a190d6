// Package refund is `mkt sandbox simulate refund`.
package refund

import (
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/sandbox/simulate/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// NewCmdRefund builds `mkt sandbox simulate refund`.
func NewCmdRefund(f *cmdutil.Factory) *cobra.Command {
	cmd := shared.InstanceVerb(f, "refund", "The buyer refunds the latest renewal (refundRenewInstance)", "SandboxRefund", nil)
	return cmd
}
