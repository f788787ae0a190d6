// Package validity is `mkt product validity show|set` (FAQ 三 Q6).
package validity

import (
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/product/validity/set"
	"github.com/mkt-cli/mkt/internal/cli/product/validity/show"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// NewCmdValidity builds `mkt product validity`.
func NewCmdValidity(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "validity <command>",
		Short: "Show or set the purchasable validity periods (商品有效期)",
		Long: `The validity is how long you serve a buyer for one purchase. Periods are finite: the
marketplace advises against long-term validity, and mkt refuses it (permanent, forever,
长期…). Service products need every period to be at least 3 months (FAQ 三 Q6).
The periods are those buyers can order — 1m, 3m, 6m, 1y and 2y (the order periods MONTH,
SEASON, HALFYEAR, YEAR, TWOYEARS; 12m and 24m read as 1y and 2y) — written the same way
everywhere, separated by commas, spaces or both: 1m,3m,1y or "1m 3m 1y", in arguments,
--validity and files.`,
		Args: cobra.ArbitraryArgs,
		RunE: cmdutil.GroupRunE,
	}
	cmd.AddCommand(show.NewCmdShow(f), set.NewCmdSet(f, nil))
	return cmd
}
