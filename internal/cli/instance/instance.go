// Package instance is `mkt instance`: instances as the ISV sees them.
package instance

import (
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// NewCmdInstance builds `mkt instance`.
func NewCmdInstance(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "instance <command>",
		Short: "Instances buyers bought (DescribeInstanceForIsv, DescribeInstances)",
		Args:  cobra.ArbitraryArgs,
		RunE:  cmdutil.GroupRunE,
	}
	get := &cobra.Command{
		Use:   "get <instance-id>",
		Short: "Show an instance, with what your createInstance answered (appInfo, hostInfo)",
		Example: `  mkt instance get 10000001
  mkt instance get 10000001 -o json`,
		Args: cmdutil.ExactArgs(1, "<instance-id>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, err := strconv.ParseInt(args[0], 10, 64); err != nil {
				return cmdutil.FlagError("instance.id.invalid", args[0])
			}
			client, err := f.Client()
			if err != nil {
				return err
			}
			i, err := client.GetInstance(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			return f.Print(i, func() error {
				ios := f.IOStreams
				st := ios.Styles()
				t := ios.NewTable()
				row := func(k, v string) {
					if v != "" {
						t.AddStyledField(k, st.Bold)
						t.AddField(v)
						t.EndRow()
					}
				}
				row("Instance", strconv.FormatInt(i.InstanceId, 10))
				row("Order", strconv.FormatInt(i.OrderId, 10))
				row("Product", i.ProductCode+" "+i.ProductName)
				row("SKU", i.ProductSkuCode)
				row("Status", i.Status)
				row("Trial", strconv.FormatBool(i.IsTrial))
				row("Began", ms(i.BeganOn))
				row("Ends", ms(i.EndOn))
				row("AppJson", i.AppJson)
				row("HostJson", i.HostJson)
				row("License code", i.LicenseCode)
				row("Activation page", i.ActiveAddress)
				return t.Render()
			})
		},
	}
	var product, typ string
	var limit int
	list := &cobra.Command{
		Use:     "list",
		Aliases: []string{"ls"},
		Short:   "List instances, newest first",
		Example: `  mkt instance list
  mkt instance list --product cmgj10000001 -o json`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			client, err := f.Client()
			if err != nil {
				return err
			}
			all := []marketapi.InstanceItem{}
			err = client.ListInstances(cmd.Context(), product, typ, func(items []marketapi.InstanceItem, _ int) bool {
				for _, it := range items {
					if limit > 0 && len(all) >= limit {
						return false
					}
					all = append(all, it)
				}
				return true
			})
			if err != nil {
				return err
			}
			return f.Print(all, func() error {
				ios := f.IOStreams
				t := ios.NewTable("INSTANCE", f.T("col.code"), "SKU", f.T("col.status"), "ENDS")
				for _, it := range all {
					t.AddStyledField(strconv.FormatInt(it.InstanceId, 10), ios.Styles().ID)
					t.AddField(it.ProductCode)
					t.AddField(it.ProductSkuCode)
					t.AddField(it.Status)
					t.AddField(ms(it.EndOn))
					t.EndRow()
				}
				return t.Render()
			})
		},
	}
	list.Flags().StringVar(&product, "product", "", "only instances of these products (comma-separated codes)")
	list.Flags().StringVar(&typ, "type", "", "only this public product type: APP, SERVICE, MIRROR, API_SERVICE")
	list.Flags().IntVarP(&limit, "limit", "L", 0, "at most this many (0: all)")
	cmd.AddCommand(get, list)
	return cmd
}

func ms(v int64) string {
	if v == 0 {
		return ""
	}
	return time.UnixMilli(v).UTC().Format(time.RFC3339)
}
