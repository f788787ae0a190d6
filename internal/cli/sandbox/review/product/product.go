// Package product is `mkt sandbox review product`.
package product

import (
	"github.com/spf13/cobra"

	productshared "github.com/mkt-cli/mkt/internal/cli/product/shared"
	reviewshared "github.com/mkt-cli/mkt/internal/cli/sandbox/review/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/i18n"
)

// NewCmdProduct builds `mkt sandbox review product`.
func NewCmdProduct(f *cmdutil.Factory) *cobra.Command {
	var approve, reject bool
	var reason string
	cmd := &cobra.Command{
		Use:   "product <product-code> (--approve | --reject --reason <text>)",
		Short: "Approve a product in review, or reject one in testing, review or on sale",
		Long: `Approve a product in review (it is listed), or reject a product in testing, in review
or listed (it goes back to the seller with the reason, and its production URL can change
again: FAQ 三 Q1).`,
		Example: `  mkt sandbox review product cmgj10000001 --approve
  mkt sandbox review product cmgj10000001 --reject --reason "SPI answers too slowly"`,
		Args:              cmdutil.ExactArgs(1, "<product-code>"),
		ValidArgsFunction: cmdutil.CompleteArgs(0, cmdutil.ProductCodes, f),
		RunE: func(cmd *cobra.Command, args []string) error {
			code := args[0]
			if err := cmdutil.CheckProductCode(code); err != nil {
				return err
			}
			decision, err := reviewshared.Decide(cmd, approve, reject, reason)
			if err != nil {
				return err
			}
			client, err := f.SandboxClient()
			if err != nil {
				return err
			}
			p, err := client.ReviewProduct(cmd.Context(), code, decision, reason)
			if err != nil {
				return err
			}
			f.Success("review.done", p.Code, i18n.E(i18n.EnumProductState, p.Status))
			return productshared.PrintCode(f, p)
		},
	}
	cmd.Flags().BoolVar(&approve, "approve", false, "approve: the product is listed")
	cmd.Flags().BoolVar(&reject, "reject", false, "reject: the product goes back to the seller")
	cmd.Flags().StringVar(&reason, "reason", "", "why (required to reject; the seller sees it)")
	return cmd
}
