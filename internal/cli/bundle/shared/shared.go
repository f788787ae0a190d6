// Package shared is what the `mkt bundle` verbs share: finding bundles and printing them.
package shared

import (
	"context"
	"strings"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// Find lists the bundles (id "": all of them).
func Find(ctx context.Context, f *cmdutil.Factory, id string) ([]marketapi.Bundle, error) {
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

// FindOne is the bundle with id, or exit 5.
func FindOne(ctx context.Context, f *cmdutil.Factory, id string) (marketapi.Bundle, error) {
	bs, err := Find(ctx, f, id)
	if err != nil {
		return marketapi.Bundle{}, err
	}
	if len(bs) == 0 {
		return marketapi.Bundle{}, cmdutil.NotFoundError("bundle.notfound", id)
	}
	return bs[0], nil
}

// PrintBundles prints model (a bundle or the list) for -o json|yaml and a table otherwise.
func PrintBundles(f *cmdutil.Factory, bs []marketapi.Bundle, model any) error {
	return f.Print(model, func() error {
		ios := f.IOStreams
		st := ios.Styles()
		t := ios.NewTable(f.T("col.id"), f.T("col.name"), f.T("col.products"), f.T("col.pricing"), f.T("col.sellable"))
		for _, b := range bs {
			var codes []string
			for _, p := range b.Products {
				if f.Lang() == i18n.ZH {
					codes = append(codes, p.Code+"（"+f.Enum(i18n.EnumProductState, p.Status)+"）")
				} else {
					codes = append(codes, p.Code+"("+strings.ToLower(p.Status)+")")
				}
			}
			pricing := "-"
			switch {
			case b.Discount > 0:
				pricing = i18n.Discount(f.Lang(), b.Discount)
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
