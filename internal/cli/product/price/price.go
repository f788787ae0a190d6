// Package price is `mkt product price`.
package price

import (
	"context"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/rules"
)

// Options are the inputs of `mkt product price`.
type Options struct {
	Factory   *cmdutil.Factory
	Commodity marketapi.Commodity
}

// NewCmdPrice builds `mkt product price`; runF replaces the run in tests.
func NewCmdPrice(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	var sku, period string
	var quantity int
	cmd := &cobra.Command{
		Use:   "price <product-code> [--sku <sku-code>] [--period 1m|3m|1y…]",
		Short: "What a buyer pays for a listed product: a SKU for a period (DescribePrice)",
		Long: `Ask the marketplace what a buyer pays for a listed product's SKU for a period — the price
before and after promotions, as DescribePrice answers it. A public action: it works against the
real marketplace as well as the sandbox.`,
		Example: `  mkt product price cmgj00012345 --period 1y
  mkt product price cmgj00012345 --sku yuncode12928000016 --period 3m -o json`,
		Args:              cmdutil.ExactArgs(1, "<product-code>"),
		ValidArgsFunction: cmdutil.CompleteArgs(0, cmdutil.ProductCodes, f),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := cmdutil.CheckProductCode(args[0]); err != nil {
				return err
			}
			com, err := commodity(args[0], sku, period, quantity)
			if err != nil {
				return err
			}
			opts.Commodity = com
			if runF != nil {
				return runF(opts)
			}
			return priceRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&sku, "sku", "", "the SKU's code (default: the first)")
	cmd.Flags().StringVar(&period, "period", "1m", "how long: months or years (1m, 3m, 1y, 2y)")
	cmd.Flags().IntVar(&quantity, "quantity", 1, "how many")
	return cmd
}

// commodity is what DescribePrice prices: months stay months, years are priced as years.
func commodity(code, sku, period string, quantity int) (marketapi.Commodity, error) {
	ps, v := rules.ParsePeriods(rules.TypeSaaS, []string{period})
	if v != nil {
		return marketapi.Commodity{}, cmdutil.RuleViolation(v)
	}
	p := ps[0]
	if quantity < 1 {
		return marketapi.Commodity{}, cmdutil.FlagError("product.price.quantity", quantity)
	}
	com := marketapi.Commodity{ProductCode: code, SkuCode: "prepay", Quantity: quantity, Duration: p.N, PricingCycle: "Month"}
	switch p.Unit {
	case 'y':
		com.PricingCycle = "Year"
	case 'm':
	default:
		return marketapi.Commodity{}, cmdutil.FlagError("product.price.period", period)
	}
	com.Components.PackageVersion = sku
	return com, nil
}

func priceRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	client, err := f.Client()
	if err != nil {
		return err
	}
	p, err := client.Price(ctx, opts.Commodity)
	if err != nil {
		return err
	}
	return f.Print(p, func() error {
		money := func(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) + " " + p.Currency }
		kv := f.IOStreams.NewKeyValue()
		kv.Add(f.T("field.price.product"), p.ProductCode)
		kv.Add(f.T("field.price.period"), period(p.Duration, p.Cycle))
		kv.Add(f.T("field.price.original"), money(p.OriginalPrice))
		kv.Add(f.T("field.price.trade"), money(p.TradePrice))
		if p.DiscountPrice > 0 {
			kv.Add(f.T("field.price.discount"), money(p.DiscountPrice))
		}
		return kv.Render()
	})
}

// period writes the priced period in the notation --period takes (1m, 3m, 1y).
func period(n int, cycle string) string {
	if strings.EqualFold(cycle, "YEAR") {
		return strconv.Itoa(n) + "y"
	}
	return strconv.Itoa(n) + "m"
}
