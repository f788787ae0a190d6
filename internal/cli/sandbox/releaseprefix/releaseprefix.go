// Package releaseprefix is `mkt sandbox release-prefix`: the API Gateway console step, played
// in the sandbox.
package releaseprefix

import (
	"github.com/spf13/cobra"

	productshared "github.com/mkt-cli/mkt/internal/cli/product/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// NewCmdReleasePrefix builds `mkt sandbox release-prefix`.
func NewCmdReleasePrefix(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "release-prefix <api-product-code>",
		Short: "Release an API product's bound gateway prefix (the API Gateway console step)",
		Long: `An API product's name is bound to its gateway group prefix once published, and renaming
it is refused (FAQ 三 Q4). The remedy is to delete the API list entry in the API Gateway
console and republish; this command plays that console step in the sandbox, so the
remedy can be rehearsed end to end.`,
		Example: `  mkt sandbox release-prefix cmapi10000002
  mkt product edit cmapi10000002 --name "Weather API v2"`,
		Args:              cmdutil.ExactArgs(1, "<api-product-code>"),
		ValidArgsFunction: cmdutil.CompleteArgs(0, cmdutil.ProductCodes, f),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := cmdutil.CheckProductCode(args[0]); err != nil {
				return err
			}
			client, err := f.SandboxClient()
			if err != nil {
				return err
			}
			p, err := client.ReleaseAPIPrefix(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			f.Success("review.released", p.Code, p.ApiPrefix)
			return productshared.PrintCode(f, p)
		},
	}
}
