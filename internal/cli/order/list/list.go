// Package list is `mkt order list`.
package list

import (
	"context"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/order/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// Options are the inputs of `mkt order list`.
type Options struct {
	Factory *cmdutil.Factory
	Product string
}

// NewCmdList builds `mkt order list`; runF replaces the run in tests.
func NewCmdList(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the orders that opened your instances",
		Long: `List the orders that opened your instances. The public API has no order listing for
sellers, so mkt walks the instances (DescribeInstances) and reads each one's order
(DescribeOrderForIsv): one call per instance.`,
		Example: "  mkt order list --product cmgj10000001",
		Args:    cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return listRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Product, "product", "", "only orders of these products (comma-separated codes)")
	return cmd
}

func listRun(ctx context.Context, opts *Options) error {
	client, err := opts.Factory.Client()
	if err != nil {
		return err
	}
	var items []marketapi.InstanceItem
	if err := client.ListInstances(ctx, opts.Product, "", func(it []marketapi.InstanceItem, _ int) bool {
		items = append(items, it...)
		return true
	}); err != nil {
		return err
	}
	orders := []marketapi.OrderForIsv{}
	for _, it := range items {
		o, err := client.GetOrder(ctx, strconv.FormatInt(it.OrderId, 10))
		if err != nil {
			return err
		}
		orders = append(orders, o)
	}
	return shared.PrintOrders(opts.Factory, orders, orders)
}
