// Package list is `mkt product list`.
package list

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/catalog"
	"github.com/mkt-cli/mkt/internal/cli/product/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/exitcode"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/rules"
)

// Options are the inputs of `mkt product list`.
type Options struct {
	Factory *cmdutil.Factory
	Type    string
	Status  []string
	Limit   int
}

// NewCmdList builds `mkt product list`.
func NewCmdList(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:     "list",
		Aliases: []string{"ls"},
		Short:   "List your products, newest first",
		Long: `List your products, following the pages to the end (or up to --limit). Deleted products
are left out unless asked for with --status DELETED.

Against the live marketplace, Alibaba Cloud's public API shows your listed products only
(found by the account your credentials belong to): a --status without listed is refused
before anything is sent (exit 10); drafts and products in review are in the seller console.`,
		Example: `  mkt product list
  mkt product list --type saas --status listed,delisted
  mkt product list --limit 20 -o json
  mkt product list | cut -f1        # codes only, in a script`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Type != "" {
				t, ok := rules.ParseType(opts.Type)
				if !ok {
					return cmdutil.FlagError("product.type.invalid", opts.Type)
				}
				opts.Type = string(t)
			}
			for i, s := range opts.Status {
				st, ok := rules.ParseState(s)
				if !ok {
					return cmdutil.FlagError("product.status.invalid", s)
				}
				opts.Status[i] = string(st)
			}
			if opts.Limit < 0 {
				return cmdutil.FlagError("product.limit.invalid", opts.Limit)
			}
			if runF != nil {
				return runF(opts)
			}
			return listRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Type, "type", "", "only this type: saas, api, image, service")
	cmd.Flags().StringSliceVar(&opts.Status, "status", nil, "only these states: draft, testing, reviewing, rejected, listed, delisted, deleted")
	cmd.Flags().IntVarP(&opts.Limit, "limit", "L", 0, "at most this many products (0: all)")
	_ = cmd.RegisterFlagCompletionFunc("type", cobra.FixedCompletions([]string{"saas", "api", "image", "service"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("status", cobra.FixedCompletions([]string{"draft", "testing", "reviewing", "rejected", "listed", "delisted", "deleted"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func listRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	client, err := f.Client()
	if err != nil {
		return err
	}
	products := []marketapi.Product{}
	if f.PublicOnly() {
		if len(opts.Status) > 0 && !slices.Contains(opts.Status, catalog.Listed) {
			// The public API shows listed products only: an empty list would read as "you have
			// no drafts", which it cannot know.
			return &cmdutil.Error{Kind: exitcode.NotOffered, Code: "NotOffered", Msg: i18n.M("product.live.status", strings.Join(opts.Status, ",")), Remedy: i18n.M("remedy.live.status")}
		}
		if products, err = listedProducts(ctx, f, client, opts.Type, opts.Limit); err != nil {
			return err
		}
		return printList(f, products, "product.none.live")
	}
	flt := market.ProductFilter{Type: opts.Type, Status: opts.Status}
	if opts.Limit > 0 && opts.Limit < 100 {
		flt.PageSize = opts.Limit
	}
	err = client.ListProducts(ctx, flt, func(page marketapi.ProductPage) bool {
		for _, p := range page.Products {
			if opts.Limit > 0 && len(products) >= opts.Limit {
				return false
			}
			products = append(products, p)
		}
		return opts.Limit == 0 || len(products) < opts.Limit
	})
	if err != nil {
		return err
	}
	return printList(f, products, "product.none")
}

// listedProducts is what the public API shows of the caller's catalogue: its listed products
// (DescribeProducts filtered by the account STS names), of type typ when it is not "" (the
// public API does not filter by type: a product's type is its code's prefix).
func listedProducts(ctx context.Context, f *cmdutil.Factory, client *market.Client, typ string, limit int) ([]marketapi.Product, error) {
	account, err := f.CallerAccount(ctx)
	if err != nil {
		return nil, err
	}
	products := []marketapi.Product{}
	err = client.ListedProducts(ctx, account, func(items []marketapi.ProductItem) bool {
		for _, it := range items {
			if limit > 0 && len(products) >= limit {
				return false
			}
			if p := catalog.FromItem(it); typ == "" || p.Type == typ {
				products = append(products, p)
			}
		}
		return true
	})
	if err == nil && f.IOStreams.IsStderrTTY() {
		fmt.Fprintln(f.IOStreams.ErrOut, f.T("product.live.listedonly"))
	}
	return products, err
}

// printList prints products; none says what an empty list means on a terminal.
func printList(f *cmdutil.Factory, products []marketapi.Product, none string) error {
	return f.Print(products, func() error {
		ios := f.IOStreams
		st := ios.Styles()
		t := ios.NewTable(f.T("col.code"), f.T("col.name"), f.T("col.type"), f.T("col.status"), f.T("col.updated"))
		for _, p := range products {
			t.AddStyledField(p.Code, st.ID)
			t.AddField(p.Name)
			t.AddField(shared.TypeLabel(f, p.Type))
			t.AddStyledField(f.Enum(i18n.EnumProductState, p.Status), shared.StateStyle(st, p.Status))
			t.AddStyledField(f.FormatTime(p.ModifyTime), st.Muted)
			t.EndRow()
		}
		if err := t.Render(); err != nil {
			return err
		}
		if len(products) == 0 && ios.IsStderrTTY() {
			ios.ErrOut.Write([]byte(f.T(none) + "\n"))
		}
		return nil
	})
}
