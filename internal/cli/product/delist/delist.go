// Package delist is `mkt product delist`.
package delist

import (
	"context"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/product/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/rules"
)

// Options are the inputs of `mkt product delist`.
type Options struct {
	Factory *cmdutil.Factory
	Code    string
}

// NewCmdDelist builds `mkt product delist`.
func NewCmdDelist(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:   "delist <product-code>",
		Short: "Take a listed product off sale",
		Long: `Take a listed product off sale (LISTED → DELISTED). Image products cannot be delisted,
only deleted (FAQ 三 Q7): use 'mkt product delete'. Bundles holding the product stop
being sellable until it is listed again: when a sellable bundle holds it, mkt names the
bundles and asks first (--yes answers in scripts; "n" changes nothing).`,
		Example:           `  mkt product delist cmgj10000001`,
		Args:              cmdutil.ExactArgs(1, "<product-code>"),
		ValidArgsFunction: cmdutil.CompleteArgs(0, cmdutil.ProductCodes, f),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Code = args[0]
			if err := cmdutil.CheckProductCode(opts.Code); err != nil {
				return err
			}
			// FAQ 三 Q7 is known from the code alone: refuse before any request.
			if t := shared.TypeOf(opts.Code); t == rules.TypeImage {
				_, v := rules.Transition(opts.Code, t, rules.StateListed, rules.StepDelist)
				return cmdutil.RuleViolation(v)
			}
			if runF != nil {
				return runF(opts)
			}
			return delistRun(cmd.Context(), opts)
		},
	}
}

func delistRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	client, err := f.Client()
	if err != nil {
		return err
	}
	// Delisting takes the product out of every sellable bundle holding it: ask first, naming them.
	var hit []string
	err = client.ListBundles(ctx, "", func(p marketapi.BundlePage) bool {
		for _, b := range p.Bundles {
			for _, bp := range b.Products {
				if bp.Code == opts.Code && b.Sellable {
					hit = append(hit, b.BundleId+" "+b.Name)
				}
			}
		}
		return true
	})
	if err != nil {
		return err
	}
	if len(hit) > 0 {
		if err := f.Confirm(f.T("product.delist.ask", opts.Code, len(hit), strings.Join(hit, ", "))); err != nil {
			return err
		}
	}
	return shared.Mutate(opts.Factory, func(c *market.Client) (marketapi.Product, error) { return c.DelistProduct(ctx, opts.Code) },
		"product.delisted", func(p marketapi.Product) []any { return []any{p.Code} })
}
