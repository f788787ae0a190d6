// Package set is `mkt product validity set`.
package set

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/product/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/rules"
)

// Options are the inputs of the validity verbs.
type Options struct {
	Factory *cmdutil.Factory
	Code    string
	Periods []string
}

// NewCmdSet builds `mkt product validity set`.
func NewCmdSet(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:   "set <product-code> <period>...",
		Short: "Replace the validity periods",
		Example: `  mkt product validity set cmgj10000001 1m 3m 6m 1y
  mkt product validity set cmfw10000003 3m 6m 1y   # service products: at least 3 months`,
		Args:              cmdutil.MinimumArgs(2, "<product-code> <period>..."),
		ValidArgsFunction: cmdutil.CompleteArgs(0, cmdutil.ProductCodes, f),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Code = args[0]
			if err := cmdutil.CheckProductCode(opts.Code); err != nil {
				return err
			}
			// The code says the type, so the rules run before any request.
			ps, v := rules.ParsePeriods(shared.TypeOf(opts.Code), args[1:])
			if v != nil {
				return cmdutil.RuleViolation(v)
			}
			opts.Periods = rules.PeriodStrings(ps)
			if runF != nil {
				return runF(opts)
			}
			return setRun(cmd.Context(), opts)
		},
	}
}

func setRun(ctx context.Context, opts *Options) error {
	return shared.Mutate(opts.Factory, func(c *market.Client) (marketapi.Product, error) {
		return c.ModifyProductValidity(ctx, opts.Code, opts.Periods, "")
	},
		"product.validity.set", func(p marketapi.Product) []any { return []any{p.Code, i18n.Ps(p.ValidityPeriods)} })
}
