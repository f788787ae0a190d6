package manifest

import (
	"context"
	"sort"
	"strconv"
	"strings"

	"github.com/mkt-cli/mkt/internal/catalog"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// The actions of a drift plan: what a manifest differs from the live listing in, where only the
// public API can be read (no seller extension).
const (
	// Drift: the live listing differs from the manifest; the changes are made in the seller
	// console (the public API has no way to make them).
	Drift = "drift"
	// InSync: the live listing matches the manifest wherever the public answer carries a field.
	InSync = "in-sync"
	// Unchecked: the public API cannot show it (a product without a code, a bundle, the shop).
	Unchecked = "unchecked"
)

// Live is a listed product as the public API shows it: DescribeProduct's answer, in mkt's
// model, and DescribeProducts' suggested (lowest) price.
type Live struct {
	Product        marketapi.Product
	SuggestedPrice string
}

// DriftPlan compares m with the live listing of the seller's account, field by field wherever
// the public answer carries the field: name, summary, category, SKU names, validity periods and
// the lowest price. Products are matched by code (the public API does not know manifest keys);
// one not listed under the account is drift too.
func DriftPlan(m *Manifest, live map[string]Live) Plan {
	var plan Plan
	for _, mp := range m.Products {
		it := Item{Kind: "product", Key: mp.Key, Code: mp.Code}
		if mp.Code == "" {
			it.Action = Unchecked
			it.Block = &Block{Code: "Drift.NoCode", Message: i18n.M("drift.nocode", mp.Key), Remedy: i18n.M("remedy.drift.nocode")}
			plan.Items = append(plan.Items, it)
			continue
		}
		lp, ok := live[mp.Code]
		if !ok {
			it.Action = Drift
			it.Block = &Block{Code: "Drift.NotListed", Message: i18n.M("drift.notlisted", mp.Code), Remedy: i18n.M("remedy.drift.console")}
			plan.Items = append(plan.Items, it)
			continue
		}
		it.Status = lp.Product.Status
		it.Changes = productDrift(mp.ProductSpec, lp)
		it.Action = InSync
		if len(it.Changes) > 0 {
			it.Action = Drift
			it.Block = &Block{Code: "Drift", Message: i18n.M("drift.product", mp.Code, len(it.Changes)), Remedy: i18n.M("remedy.drift.console")}
		}
		plan.Items = append(plan.Items, it)
	}
	for _, b := range m.Bundles {
		plan.Items = append(plan.Items, Item{Kind: "bundle", Key: b.Name, Action: Unchecked,
			Block: &Block{Code: "Drift.Unchecked", Message: i18n.M("drift.unchecked.bundle", b.Name), Remedy: i18n.M("remedy.drift.console")}})
	}
	if m.Shop != nil {
		plan.Items = append(plan.Items, Item{Kind: "shop", Key: "shop", Action: Unchecked,
			Block: &Block{Code: "Drift.Unchecked", Message: i18n.M("drift.unchecked.shop"), Remedy: i18n.M("remedy.drift.console")}})
	}
	return plan
}

// productDrift lists the fields the manifest sets that differ from the live product (live →
// manifest).
func productDrift(want ProductSpec, lp Live) []Change {
	have := lp.Product
	var out []Change
	cmp := func(field, live, wanted string) {
		if wanted != "" && strings.TrimSpace(wanted) != live {
			out = append(out, Change{Field: field, Old: live, New: strings.TrimSpace(wanted)})
		}
	}
	cmp("name", have.Name, want.Name)
	cmp("summary", have.ShortDescription, want.Summary)
	if want.Category != 0 && want.Category != have.CategoryId {
		out = append(out, Change{Field: "category", Old: strconv.FormatInt(have.CategoryId, 10), New: strconv.FormatInt(want.Category, 10)})
	}
	if len(want.Skus) > 0 {
		var wantNames, haveNames []string
		for _, s := range want.Skus {
			wantNames = append(wantNames, s.Name)
		}
		for _, s := range have.Skus {
			haveNames = append(haveNames, s.Name)
		}
		cmp("skus", joinSorted(haveNames), joinSorted(wantNames))
		if lp.SuggestedPrice != "" {
			cmp("price", money(lp.SuggestedPrice), lowest(want.Skus))
		}
	}
	if len(want.Validity) > 0 {
		cmp("validity", joinSorted(have.ValidityPeriods), joinSorted(want.Validity))
	}
	return out
}

func joinSorted(xs []string) string {
	ys := append([]string(nil), xs...)
	sort.Strings(ys)
	return strings.Join(ys, ", ")
}

// lowest is the lowest SKU price of the manifest, as money.
func lowest(skus []marketapi.SKU) string {
	best := -1.0
	for _, s := range skus {
		if v, err := strconv.ParseFloat(s.Price, 64); err == nil && (best < 0 || v < best) {
			best = v
		}
	}
	if best < 0 {
		return ""
	}
	return strconv.FormatFloat(best, 'f', 2, 64)
}

func money(s string) string {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return s
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}

// FetchLive reads what the public API shows of the products m pins by code, for the seller's
// account: DescribeProducts (listed products, with their suggested prices) and, for each one
// the manifest names, DescribeProduct.
func FetchLive(ctx context.Context, c *market.Client, account string, m *Manifest) (map[string]Live, error) {
	price := map[string]string{}
	if err := c.ListedProducts(ctx, account, func(items []marketapi.ProductItem) bool {
		for _, it := range items {
			price[it.Code] = it.SuggestedPrice
		}
		return true
	}); err != nil {
		return nil, err
	}
	live := map[string]Live{}
	for _, p := range m.Products {
		sp, listed := price[p.Code]
		if p.Code == "" || !listed {
			continue
		}
		pub, err := c.PublicProduct(ctx, p.Code)
		if err != nil {
			return nil, err
		}
		live[p.Code] = Live{Product: catalog.FromPublic(pub), SuggestedPrice: sp}
	}
	return live, nil
}
