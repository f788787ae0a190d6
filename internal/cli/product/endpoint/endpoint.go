// Package endpoint is `mkt product endpoint show|set`: the production URL (FAQ 三 Q1).
package endpoint

import (
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/product/endpoint/set"
	"github.com/mkt-cli/mkt/internal/cli/product/endpoint/show"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// NewCmdEndpoint builds `mkt product endpoint`.
func NewCmdEndpoint(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "endpoint <command>",
		Short: "Show or change a product's production URL (生产接口地址)",
		Long: `The production URL is where the marketplace calls your SPI (createInstance, renewInstance…)
after a purchase. It cannot change while the product is in testing, in review or listed:
marketplace operations must reject the product first (FAQ 三 Q1). It can change in draft,
rejected and delisted states.`,
		Args: cobra.ArbitraryArgs,
		RunE: cmdutil.GroupRunE,
	}
	cmd.AddCommand(show.NewCmdShow(f, nil), set.NewCmdSet(f, nil))
	return cmd
}
