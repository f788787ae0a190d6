// Package expire is `mkt sandbox simulate expire`.
package expire

import (
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/sandbox/simulate/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// NewCmdExpire builds `mkt sandbox simulate expire`.
func NewCmdExpire(f *cmdutil.Factory) *cobra.Command {
	cmd := shared.InstanceVerb(f, "expire", "The instance expires (expiredInstance)", "SandboxExpire", nil)
	return cmd
}
