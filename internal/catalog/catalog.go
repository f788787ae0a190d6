// Package catalog is the seller's catalogue as a live endpoint without mkt's seller extension
// can show it: the public Market API shows listed products only (DescribeProducts filtered by
// the seller's account, DescribeProduct for one), without drafts, prices or the seller-only
// fields. The functions turn those answers into mkt's product model, marking what is unknown.
package catalog

import (
	"strconv"
	"strings"

	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/rules"
)

// Listed is the state the public API shows: every product it returns is on sale.
const Listed = "LISTED"

// FromItem is a DescribeProducts entry as a product: listed, its type from its code.
func FromItem(it marketapi.ProductItem) marketapi.Product {
	t, _ := rules.TypeOfCode(it.Code)
	return marketapi.Product{Code: it.Code, Name: it.Name, Type: string(t), Status: Listed, CategoryId: it.CategoryId,
		ShortDescription: it.ShortDescription, Skus: []marketapi.SKU{}, ValidityPeriods: []string{}}
}

// FromPublic is a DescribeProduct answer as a product: its SKUs (names and codes; the public
// answer has no prices) and the validity periods its SKUs can be bought for.
func FromPublic(p marketapi.PublicProduct) marketapi.Product {
	t, _ := rules.TypeOfCode(p.Code)
	out := marketapi.Product{Code: p.Code, Name: p.Name, Type: string(t), Status: Listed, CategoryId: p.FrontCategoryId,
		ShortDescription: p.ShortDescription, Description: p.Description, AuditFailMsg: p.AuditFailMsg,
		Skus: []marketapi.SKU{}, ValidityPeriods: []string{}}
	if p.AuditStatus != "" && !strings.EqualFold(p.AuditStatus, "PASS") && !strings.EqualFold(p.AuditStatus, Listed) {
		out.Status = strings.ToUpper(p.AuditStatus)
	}
	seen := map[string]bool{}
	for _, s := range p.ProductSkus.ProductSku {
		if s.Hidden {
			continue
		}
		out.Skus = append(out.Skus, marketapi.SKU{Code: s.Code, Name: s.Name, ChargeType: strings.ToLower(s.ChargeType)})
		for _, op := range s.OrderPeriods.OrderPeriod {
			if v := Period(op); v != "" && !seen[v] {
				seen[v] = true
				out.ValidityPeriods = append(out.ValidityPeriods, v)
			}
		}
	}
	return out
}

// Period writes an order period as mkt writes validity periods (1m, 1y); "" when it is not a
// period (a one-off purchase).
func Period(op marketapi.OrderPeriod) string {
	if ps, v := rules.ParsePeriods(rules.TypeSaaS, []string{op.Name}); v == nil && len(ps) == 1 {
		return op.Name
	}
	n, err := strconv.Atoi(strings.TrimSpace(op.Name))
	if err != nil || n < 1 {
		return ""
	}
	switch strings.ToUpper(op.PeriodType) {
	case "MONTH":
		return strconv.Itoa(n) + "m"
	case "YEAR":
		return strconv.Itoa(n) + "y"
	case "WEEK":
		return strconv.Itoa(n) + "w"
	case "DAY":
		return strconv.Itoa(n) + "d"
	}
	return ""
}
