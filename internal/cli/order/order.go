// Package order is `mkt order`: orders as the ISV sees them.
package order

import (
	"fmt"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// NewCmdOrder builds `mkt order`.
func NewCmdOrder(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "order <command>",
		Short: "Orders of your products (DescribeOrderForIsv)",
		Args:  cobra.ArbitraryArgs,
		RunE:  cmdutil.GroupRunE,
	}
	get := &cobra.Command{
		Use:     "get <order-id>",
		Short:   "Show an order",
		Example: "  mkt order get 200000000000001 -o json",
		Args:    cmdutil.ExactArgs(1, "<order-id>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, err := strconv.ParseInt(args[0], 10, 64); err != nil {
				return cmdutil.FlagError("order.id.invalid", args[0])
			}
			client, err := f.Client()
			if err != nil {
				return err
			}
			o, err := client.GetOrder(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			return f.Print(o, func() error { return table(f, []marketapi.OrderForIsv{o}) })
		},
	}
	var product string
	list := &cobra.Command{
		Use:   "list",
		Short: "List the orders that opened your instances",
		Long: `List the orders that opened your instances. The public API has no order listing for
sellers, so mkt walks the instances (DescribeInstances) and reads each one's order
(DescribeOrderForIsv): one call per instance.`,
		Example: "  mkt order list --product cmgj10000001",
		Args:    cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			client, err := f.Client()
			if err != nil {
				return err
			}
			var items []marketapi.InstanceItem
			if err := client.ListInstances(cmd.Context(), product, "", func(it []marketapi.InstanceItem, _ int) bool { items = append(items, it...); return true }); err != nil {
				return err
			}
			orders := []marketapi.OrderForIsv{}
			for _, it := range items {
				o, err := client.GetOrder(cmd.Context(), strconv.FormatInt(it.OrderId, 10))
				if err != nil {
					return err
				}
				orders = append(orders, o)
			}
			return f.Print(orders, func() error { return table(f, orders) })
		},
	}
	list.Flags().StringVar(&product, "product", "", "only orders of these products (comma-separated codes)")
	cmd.AddCommand(get, list)
	return cmd
}

func table(f *cmdutil.Factory, os []marketapi.OrderForIsv) error {
	ios := f.IOStreams
	t := ios.NewTable("ORDER", "TYPE", f.T("col.code"), "SKU", "PERIOD", "PRICE", "BUYER")
	for _, o := range os {
		t.AddStyledField(strconv.FormatInt(o.OrderId, 10), ios.Styles().ID)
		t.AddField(o.OrderType)
		t.AddField(o.ProductCode)
		t.AddField(o.ProductSkuCode)
		t.AddField(o.PeriodType)
		t.AddField(fmt.Sprintf("%.2f", o.PaymentPrice))
		t.AddField(strconv.FormatInt(o.AliUid, 10))
		t.EndRow()
	}
	return t.Render()
}
