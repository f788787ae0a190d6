// Package list is `mkt instance list`.
package list

import (
	"context"
	"strconv"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/iostreams"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// Options are the inputs of `mkt instance list`.
type Options struct {
	Factory *cmdutil.Factory
	Product string
	Type    string
	Limit   int
}

// NewCmdList builds `mkt instance list`; runF replaces the run in tests.
func NewCmdList(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:     "list",
		Aliases: []string{"ls"},
		Short:   "List instances, newest first",
		Example: `  mkt instance list
  mkt instance list --product cmgj10000001 -o json`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return listRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Product, "product", "", "only instances of these products (comma-separated codes)")
	cmd.Flags().StringVar(&opts.Type, "type", "", "only this public product type: APP, SERVICE, MIRROR, API_SERVICE")
	cmdutil.EnumFlag(cmd, "type", "APP", "SERVICE", "MIRROR", "API_SERVICE")
	cmd.Flags().IntVarP(&opts.Limit, "limit", "L", 0, "at most this many (0: all)")
	return cmd
}

func listRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	client, err := f.Client()
	if err != nil {
		return err
	}
	col := func(h string, text func(marketapi.InstanceItem) string) cmdutil.Column[marketapi.InstanceItem] {
		return cmdutil.Column[marketapi.InstanceItem]{Header: h, Text: text}
	}
	id := col(f.T("col.instance"), func(it marketapi.InstanceItem) string { return strconv.FormatInt(it.InstanceId, 10) })
	id.Style = func(st *iostreams.Styles, _ marketapi.InstanceItem) *lipgloss.Style { return &st.ID }
	p := cmdutil.NewListPrinter(f, id,
		col(f.T("col.code"), func(it marketapi.InstanceItem) string { return it.ProductCode }),
		col(f.T("col.sku"), func(it marketapi.InstanceItem) string { return it.ProductSkuCode }),
		col(f.T("col.status"), func(it marketapi.InstanceItem) string { return f.Enum(i18n.EnumInstanceState, it.Status) }),
		col(f.T("col.ends"), func(it marketapi.InstanceItem) string {
			if it.EndOn == 0 {
				return ""
			}
			return time.UnixMilli(it.EndOn).UTC().Format(time.RFC3339)
		}))
	return p.Finish(client.ListInstances(ctx, opts.Product, opts.Type, func(items []marketapi.InstanceItem, _ int) bool {
		return p.AddPage(items, opts.Limit)
	}))
}
