// Package shared is what the `mkt order` verbs share: the order table.
package shared

import (
	"fmt"
	"strconv"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// PrintOrders prints model (an order or the list) for -o json|yaml, a table otherwise.
func PrintOrders(f *cmdutil.Factory, orders []marketapi.OrderForIsv, model any) error {
	return f.Print(model, func() error {
		ios := f.IOStreams
		t := ios.NewTable(f.T("col.order"), f.T("col.type"), f.T("col.code"), f.T("col.sku"), f.T("col.period"), f.T("col.price"), f.T("col.buyer"))
		for _, o := range orders {
			t.AddStyledField(strconv.FormatInt(o.OrderId, 10), ios.Styles().ID)
			t.AddField(f.Enum(i18n.EnumOrderType, o.OrderType))
			t.AddField(o.ProductCode)
			t.AddField(o.ProductSkuCode)
			t.AddField(f.Enum(i18n.EnumPeriod, o.PeriodType))
			t.AddField(fmt.Sprintf("%.2f", o.PaymentPrice))
			t.AddField(strconv.FormatInt(o.AliUid, 10))
			t.EndRow()
		}
		return t.Render()
	})
}
