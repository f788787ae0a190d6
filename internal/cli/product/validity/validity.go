// Package validity is `mkt product validity show|set` (FAQ 三 Q6).
package validity

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/product/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
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

// Validity is what `validity show -o json` prints.
type Validity struct {
	Code            string
	Type            string
	ValidityPeriods []string
}

// NewCmdValidity builds `mkt product validity`.
func NewCmdValidity(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "validity <command>",
		Short: "Show or set the purchasable validity periods (商品有效期)",
		Long: `The validity is how long you serve a buyer for one purchase. Periods are finite: the
marketplace advises against long-term validity, and mkt refuses it (permanent, forever,
长期…). Service products need every period to be at least 3 months (FAQ 三 Q6).
Periods are written with days d, weeks w, months m or years y: 1m 3m 6m 1y 2y.`,
		Args: cobra.ArbitraryArgs,
		RunE: cmdutil.GroupRunE,
	}
	cmd.AddCommand(newShow(f), newSet(f, nil))
	return cmd
}

func newShow(f *cmdutil.Factory) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:     "show <product-code>",
		Short:   "Show the validity periods",
		Example: "  mkt product validity show cmfw10000003",
		Args:    cmdutil.ExactArgs(1, "<product-code>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Code = args[0]
			if err := cmdutil.CheckProductCode(opts.Code); err != nil {
				return err
			}
			client, err := f.Client()
			if err != nil {
				return err
			}
			p, err := client.GetProduct(cmd.Context(), opts.Code)
			if err != nil {
				return err
			}
			v := Validity{Code: p.Code, Type: p.Type, ValidityPeriods: p.ValidityPeriods}
			return f.Print(v, func() error {
				_, err := fmt.Fprintln(f.IOStreams.Out, strings.Join(v.ValidityPeriods, " "))
				return err
			})
		},
	}
}

func newSet(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:   "set <product-code> <period>...",
		Short: "Replace the validity periods",
		Example: `  mkt product validity set cmgj10000001 1m 3m 6m 1y
  mkt product validity set cmfw10000003 3m 6m 1y   # service products: at least 3 months`,
		Args: cmdutil.MinimumArgs(2, "<product-code> <period>..."),
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
		"product.validity.set", func(p marketapi.Product) []any { return []any{p.Code, strings.Join(p.ValidityPeriods, " ")} })
}
