// Package bundle is `mkt bundle`: product bundles (商品组合, FAQ 三 Q2).
package bundle

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/rules"
)

// NewCmdBundle builds `mkt bundle`.
func NewCmdBundle(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "bundle <command>",
		Short: "Sell products together (商品组合)",
		Long: `A bundle sells two or more of your products together, with a discount or a price of its
own (FAQ 三 Q2). It holds at least two distinct products, none deleted, and can be bought
only while every product in it is listed: 'mkt bundle list' shows whether it is sellable.`,
		Args: cobra.ArbitraryArgs,
		RunE: cmdutil.GroupRunE,
	}
	cmd.AddCommand(newCreate(f), newList(f), newGet(f), newDelete(f))
	return cmd
}

func newCreate(f *cmdutil.Factory) *cobra.Command {
	var in market.BundleInput
	cmd := &cobra.Command{
		Use:   "create --name <name> --product <code> --product <code> [--discount 10% | --price 199]",
		Short: "Create a bundle of two or more products",
		Example: `  mkt bundle create --name "Finance suite" --product cmgj10000001 --product cmapi10000002 --discount 10%
  mkt bundle create --name "Starter pack" --product cmgj10000001 --product cmfw10000003 --price 1999`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if strings.TrimSpace(in.Name) == "" {
				return cmdutil.FlagError("bundle.name.missing").WithRemedy("remedy.help", cmd.CommandPath())
			}
			if err := checkBundle(in); err != nil {
				return err
			}
			return createRun(cmd.Context(), f, in)
		},
	}
	cmd.Flags().StringVar(&in.Name, "name", "", "bundle name")
	cmd.Flags().StringArrayVar(&in.Products, "product", nil, "a product code; at least two, repeatable")
	cmd.Flags().StringVar(&in.Discount, "discount", "", "percent off, e.g. 10%")
	cmd.Flags().StringVar(&in.Price, "price", "", "a price of the bundle's own, in yuan")
	return cmd
}

// checkBundle refuses, before any request, what the marketplace would: codes that are not
// product codes, fewer than two products, a discount and a price together, either malformed.
func checkBundle(in market.BundleInput) error {
	for _, c := range in.Products {
		if err := cmdutil.CheckProductCode(c); err != nil {
			return err
		}
	}
	if err := cmdutil.RuleViolation(rules.CheckBundle(in.Products, nil)); err != nil {
		return err
	}
	if in.Discount != "" && in.Price != "" {
		return cmdutil.RuleViolation(&rules.Violation{Code: rules.CodeBundle, Msg: msg("rule.bundle.pricing"), Remedy: msg("remedy.bundle.price")})
	}
	if in.Discount != "" {
		if _, v := rules.ParseDiscount(in.Discount); v != nil {
			return cmdutil.RuleViolation(v)
		}
	}
	if in.Price != "" {
		if _, v := rules.ParsePrice(in.Price); v != nil {
			return cmdutil.RuleViolation(v)
		}
	}
	return nil
}

func createRun(ctx context.Context, f *cmdutil.Factory, in market.BundleInput) error {
	client, err := f.Client()
	if err != nil {
		return err
	}
	b, err := client.CreateBundle(ctx, in, "")
	if err != nil {
		return err
	}
	f.Success("bundle.created", b.BundleId)
	ios := f.IOStreams
	if f.OutputFormat() == "table" && !ios.IsStdoutTTY() {
		_, err := fmt.Fprintln(ios.Out, b.BundleId)
		return err
	}
	return printBundles(f, []marketapi.Bundle{b}, b)
}

func listAll(ctx context.Context, f *cmdutil.Factory, id string) ([]marketapi.Bundle, error) {
	client, err := f.Client()
	if err != nil {
		return nil, err
	}
	out := []marketapi.Bundle{}
	err = client.ListBundles(ctx, id, func(p marketapi.BundlePage) bool {
		out = append(out, p.Bundles...)
		return true
	})
	return out, err
}

func newList(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:     "list",
		Aliases: []string{"ls"},
		Short:   "List bundles and whether each can be bought now",
		Example: `  mkt bundle list
  mkt bundle list -o json | jq '.[] | select(.Sellable | not) | .BundleId'`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			bs, err := listAll(cmd.Context(), f, "")
			if err != nil {
				return err
			}
			return printBundles(f, bs, bs)
		},
	}
}

func newGet(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:     "get <bundle-id>",
		Short:   "Show one bundle",
		Example: "  mkt bundle get bdl-3k9x0abc12de45fg",
		Args:    cmdutil.ExactArgs(1, "<bundle-id>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			bs, err := listAll(cmd.Context(), f, args[0])
			if err != nil {
				return err
			}
			if len(bs) == 0 {
				return cmdutil.NotFoundError("bundle.notfound", args[0])
			}
			return printBundles(f, bs, bs[0])
		},
	}
}

func newDelete(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:     "delete <bundle-id>",
		Short:   "Delete a bundle (asks first; --yes in scripts)",
		Example: "  mkt bundle delete bdl-3k9x0abc12de45fg --yes",
		Args:    cmdutil.ExactArgs(1, "<bundle-id>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			bs, err := listAll(cmd.Context(), f, args[0])
			if err != nil {
				return err
			}
			if len(bs) == 0 {
				return cmdutil.NotFoundError("bundle.notfound", args[0])
			}
			if err := f.Confirm(f.T("bundle.delete.ask", bs[0].BundleId, bs[0].Name)); err != nil {
				return err
			}
			client, err := f.Client()
			if err != nil {
				return err
			}
			if _, err := client.DeleteBundle(cmd.Context(), args[0]); err != nil {
				return err
			}
			f.Success("bundle.deleted", args[0])
			return nil
		},
	}
}

// printBundles prints model (a bundle or the list) for -o json|yaml and a table otherwise.
func printBundles(f *cmdutil.Factory, bs []marketapi.Bundle, model any) error {
	return f.Print(model, func() error {
		ios := f.IOStreams
		st := ios.Styles()
		t := ios.NewTable(f.T("col.id"), f.T("col.name"), f.T("col.products"), f.T("col.pricing"), f.T("col.sellable"))
		for _, b := range bs {
			var codes []string
			for _, p := range b.Products {
				codes = append(codes, p.Code+"("+strings.ToLower(p.Status)+")")
			}
			pricing := "-"
			switch {
			case b.Discount > 0:
				pricing = strconv.Itoa(b.Discount) + "% off"
			case b.Price != "":
				pricing = "¥" + b.Price
			}
			t.AddStyledField(b.BundleId, st.ID)
			t.AddField(b.Name)
			t.AddField(strings.Join(codes, " "))
			t.AddField(pricing)
			if b.Sellable {
				t.AddStyledField(f.T("bundle.sellable.yes"), st.Success)
			} else {
				t.AddStyledField(f.T("bundle.sellable.no"), st.Warning)
			}
			t.EndRow()
		}
		return t.Render()
	})
}

func msg(key string, args ...any) i18n.Message { return i18n.M(key, args...) }
