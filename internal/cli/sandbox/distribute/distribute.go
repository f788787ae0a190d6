// Package distribute is `mkt sandbox distribute`: the distribution programme enrolling a
// product, played in the sandbox.
package distribute

import (
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// NewCmdDistribute builds `mkt sandbox distribute`.
func NewCmdDistribute(f *cmdutil.Factory) *cobra.Command {
	var commission string
	cmd := &cobra.Command{
		Use:   "distribute <product-code> --commission PERCENT",
		Short: "Enrol a listed product in the distribution programme (推广), as the marketplace does",
		Long: `The marketplace's distribution programme takes listed products and pays promoters a
commission on them; no seller API enrols a product. This plays the programme in the sandbox,
for 'mkt distribution list' and 'link'. --commission 0 takes the product out.`,
		Example: `  mkt sandbox distribute cmgj10000001 --commission 30
  mkt sandbox distribute cmgj10000001 --commission 0`,
		Args:              cmdutil.ExactArgs(1, "<product-code>"),
		ValidArgsFunction: cmdutil.CompleteArgs(0, cmdutil.ProductCodes, f),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := cmdutil.CheckProductCode(args[0]); err != nil {
				return err
			}
			n, err := strconv.Atoi(strings.TrimSuffix(commission, "%"))
			if err != nil || n < 0 || n > 90 {
				return cmdutil.FlagError("distribute.commission", commission)
			}
			client, err := f.SandboxClient()
			if err != nil {
				return err
			}
			out, err := client.Distribute(cmd.Context(), args[0], n)
			if err != nil {
				return err
			}
			if out.Commission == 0 {
				f.Success("distribute.out", out.Code)
				return nil
			}
			f.Success("distribute.in", out.Code, out.Commission)
			return nil
		},
	}
	cmd.Flags().StringVar(&commission, "commission", "", "the promoters' commission in percent, 1 to 90 (0: take the product out)")
	return cmd
}
