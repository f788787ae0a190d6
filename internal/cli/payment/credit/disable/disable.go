// Package disable is `mkt payment credit disable`.
package disable

import (
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/payment/credit/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// NewCmdDisable builds `mkt payment credit disable`; runF replaces the run in tests.
func NewCmdDisable(f *cmdutil.Factory, runF func(*shared.ToggleOptions) error) *cobra.Command {
	return shared.NewCmdToggle(f, false, "disable", "Stop taking credit payment (all listed products, or one)", runF)
}
