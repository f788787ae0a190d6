// Package purchase is `mkt sandbox simulate purchase`.
package purchase

import (
	"strconv"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/sandbox/simulate/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/market"
)

// NewCmdPurchase builds `mkt sandbox simulate purchase`.
func NewCmdPurchase(f *cmdutil.Factory) *cobra.Command {
	var sku, period, pay, uid string
	var trial bool
	var retries, months int
	var quota int64
	cmd := &cobra.Command{
		Use:   "purchase <product-code>",
		Short: "A buyer buys a product",
		Example: `  mkt sandbox simulate purchase cmgj10000001
  mkt sandbox simulate purchase cmgj10000001 --sku pro --period 1y --pay credit
  mkt sandbox simulate purchase cmgj10000001 --months 3 --trial`,
		Args:              cmdutil.ExactArgs(1, "<product-code>"),
		ValidArgsFunction: cmdutil.CompleteArgs(0, cmdutil.ProductCodes, f),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := cmdutil.CheckProductCode(args[0]); err != nil {
				return err
			}
			if months > 0 {
				if period != "" {
					return cmdutil.FlagError("simulate.period.both")
				}
				period = strconv.Itoa(months) + "m"
			}
			return shared.Run(cmd, f, "SandboxPurchase", market.BuyerEvent{Code: args[0], SkuCode: sku, Period: period,
				PayMethod: pay, AliUid: uid, Trial: trial, SpiRetries: retries, ApiQuota: quota})
		},
	}
	cmd.Flags().StringVar(&sku, "sku", "", "SKU code or name (default: the first)")
	cmd.Flags().StringVar(&period, "period", "", "a validity period of the product, e.g. 1m, 1y (default: its first)")
	cmd.Flags().IntVar(&months, "months", 0, "buy N months (the same as --period Nm)")
	cmd.Flags().BoolVar(&trial, "trial", false, "a free trial order")
	cmd.Flags().StringVar(&pay, "pay", "", "balance (default) or credit (信控支付)")
	cmdutil.EnumFlag(cmd, "pay", "balance", "credit")
	cmd.Flags().StringVar(&uid, "buyer", "", "the buyer's account ID (default: made up)")
	cmd.Flags().IntVar(&retries, "spi-retries", 0, "createInstance calls while it answers instanceId=0 (default 5)")
	cmd.Flags().Int64Var(&quota, "api-quota", 0, "API products: the calls bought (default 10000)")

	return cmd
}
