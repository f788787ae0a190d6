// Package list is `mkt distribution list`.
package list

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// Options are the inputs of `mkt distribution list`.
type Options struct {
	Factory *cmdutil.Factory
	Filter  market.DistributionFilter
	Limit   int
}

// Product is one row as printed.
type Product struct {
	Code       string `json:"code"`
	Name       string `json:"name"`
	Type       string `json:"type"`
	Price      string `json:"price"`
	Commission string `json:"commissionPercent"`
	Orders     string `json:"orders"`
	Score      string `json:"score"`
	Supplier   string `json:"supplier"`
	SupplierId string `json:"supplierId"`
}

// NewCmdList builds `mkt distribution list`; runF replaces the run in tests.
func NewCmdList(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:     "list",
		Aliases: []string{"ls"},
		Short:   "List the products promoters can promote, with their commission",
		Example: `  mkt distribution list
  mkt distribution list --supplier 示例科技 -o json`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return listRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Filter.Code, "code", "", "only this product")
	cmd.Flags().StringVar(&opts.Filter.Name, "name", "", "only products whose name contains this")
	cmd.Flags().StringVar(&opts.Filter.Supplier, "supplier", "", "only products of suppliers whose name contains this")
	cmd.Flags().IntVarP(&opts.Limit, "limit", "L", 0, "at most this many (0: all)")
	return cmd
}

func listRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	client, err := f.Client()
	if err != nil {
		return err
	}
	col := func(h string, text func(Product) string) cmdutil.Column[Product] {
		return cmdutil.Column[Product]{Header: h, Text: text}
	}
	p := cmdutil.NewListPrinter(f,
		col(f.T("col.code"), func(d Product) string { return d.Code }),
		col(f.T("col.name"), func(d Product) string { return d.Name }),
		col(f.T("col.price"), func(d Product) string { return d.Price }),
		col(f.T("col.commission"), func(d Product) string { return d.Commission + "%" }),
		col(f.T("col.orders"), func(d Product) string { return d.Orders }),
		col(f.T("col.supplier"), func(d Product) string { return d.Supplier }))
	return p.Finish(client.DistributionProducts(ctx, opts.Filter, func(ds []marketapi.DistributionProduct) bool {
		rows := make([]Product, len(ds))
		for i, d := range ds {
			rows[i] = Product{Code: d.Code, Name: d.Name, Type: d.Type, Price: d.Price, Commission: d.SubmissionRadio, Orders: d.TradeCount,
				Score: d.Score, Supplier: d.SupplierName, SupplierId: d.SupplierUId}
		}
		return p.AddPage(rows, opts.Limit)
	}))
}
