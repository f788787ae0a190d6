// Package distribution is `mkt distribution`: the marketplace's distribution programme (推广),
// in which promoters earn a commission on the products they bring buyers to.
package distribution

import (
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/distribution/link"
	"github.com/mkt-cli/mkt/internal/cli/distribution/list"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// NewCmdDistribution builds `mkt distribution`.
func NewCmdDistribution(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "distribution <command>",
		Short: "Promoted products and their promotion links (推广商品)",
		Long: `The marketplace's distribution programme (推广) lets promoters earn a commission on the
listed products it takes. 'list' shows those products with their commission; 'link' gives the
promotion links to share. The programme enrols products itself; these commands read.`,
		Args: cobra.ArbitraryArgs,
		RunE: cmdutil.GroupRunE,
	}
	cmd.AddCommand(list.NewCmdList(f, nil), link.NewCmdLink(f, nil))
	return cmd
}
