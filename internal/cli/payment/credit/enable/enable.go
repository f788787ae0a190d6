// Package enable is `mkt payment credit enable`.
package enable

import (
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/payment/credit/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// NewCmdEnable builds `mkt payment credit enable`; runF replaces the run in tests.
func NewCmdEnable(f *cmdutil.Factory, runF func(*shared.ToggleOptions) error) *cobra.Command {
	return shared.NewCmdToggle(f, true, "enable", "Take credit payment (all listed products, or one)", runF)
}
