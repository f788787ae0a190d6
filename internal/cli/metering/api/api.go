// Package api is `mkt metering api`.
package api

import (
	"context"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// Options are the inputs of `mkt metering api`.
type Options struct {
	Factory *cmdutil.Factory
	Product string
	Limit   int
}

// Usage is one row as printed: a buyer's calls of one API product.
type Usage struct {
	Buyer       int64  `json:"buyer"`
	Product     string `json:"product"`
	ProductName string `json:"productName"`
	Quota       int64  `json:"quota"`
	Used        int64  `json:"used"`
	Left        int64  `json:"left"`
	Unit        string `json:"unit"`
}

// NewCmdAPI builds `mkt metering api`; runF replaces the run in tests.
func NewCmdAPI(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "api",
		Short: "Show your API products' usage: calls bought and used, by buyer (DescribeApiMetering)",
		Long: `Show the usage of your API products (cmapi…, sold through API Gateway): for each buyer and
product, the calls bought (QUOTA), used and left. The marketplace counts the calls; you push
nothing for API products.`,
		Example: `  mkt metering api
  mkt metering api --product cmapi10000001 -o json`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Product != "" {
				if err := cmdutil.CheckProductCode(opts.Product); err != nil {
					return err
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return apiRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Product, "product", "", "only this API product")
	cmd.Flags().IntVarP(&opts.Limit, "limit", "L", 0, "at most this many rows (0: all)")
	return cmd
}

func apiRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	client, err := f.Client()
	if err != nil {
		return err
	}
	col := func(h string, text func(Usage) string) cmdutil.Column[Usage] {
		return cmdutil.Column[Usage]{Header: h, Text: text}
	}
	num := func(n int64) string { return strconv.FormatInt(n, 10) }
	p := cmdutil.NewListPrinter(f,
		col(f.T("col.buyer"), func(u Usage) string { return num(u.Buyer) }),
		col(f.T("col.code"), func(u Usage) string { return u.Product }),
		col(f.T("col.name"), func(u Usage) string { return u.ProductName }),
		col(f.T("col.quota"), func(u Usage) string { return num(u.Quota) }),
		col(f.T("col.used"), func(u Usage) string { return num(u.Used) }),
		col(f.T("col.remaining"), func(u Usage) string { return num(u.Left) }),
		col(f.T("col.unit"), func(u Usage) string { return u.Unit }))
	return p.Finish(client.APIMetering(ctx, opts.Product, func(us []marketapi.APIUsage) bool {
		rows := make([]Usage, len(us))
		for i, u := range us {
			rows[i] = Usage{Buyer: u.AliyunPk, Product: u.ProductCode, ProductName: u.ProductName, Quota: u.TotalQuota, Used: u.TotalUsage,
				Left: u.TotalCapacity, Unit: u.Unit}
		}
		return p.AddPage(rows, opts.Limit)
	}))
}
