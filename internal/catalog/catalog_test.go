package catalog

import (
	"testing"

	"github.com/mkt-cli/mkt/internal/marketapi"
)

func TestFromPublic(t *testing.T) {
	var p marketapi.PublicProduct
	p.Code, p.Name = "cmgj00012345", "CRM"
	sku := func(code, name string, hidden bool, periods ...marketapi.OrderPeriod) marketapi.ProductSku {
		s := marketapi.ProductSku{Code: code, Name: name, Hidden: hidden, ChargeType: "PREPAY"}
		s.OrderPeriods.OrderPeriod = periods
		return s
	}
	p.ProductSkus.ProductSku = []marketapi.ProductSku{
		sku("yuncode1", "Basic", false, marketapi.OrderPeriod{Name: "1m", PeriodType: "MONTH"}, marketapi.OrderPeriod{Name: "1", PeriodType: "Year"}),
		sku("yuncode2", "Pro", false, marketapi.OrderPeriod{Name: "1", PeriodType: "YEAR"}),
		sku("yuncode3", "Internal", true),
	}
	got := FromPublic(p)
	if got.Type != "SAAS" || got.Status != Listed || len(got.Skus) != 2 || got.Skus[1].Code != "yuncode2" {
		t.Fatalf("%+v", got)
	}
	if len(got.ValidityPeriods) != 2 || got.ValidityPeriods[0] != "1m" || got.ValidityPeriods[1] != "1y" {
		t.Errorf("periods %v", got.ValidityPeriods)
	}
	for op, want := range map[marketapi.OrderPeriod]string{{Name: "3", PeriodType: "Month"}: "3m", {Name: "once", PeriodType: "ONCE"}: "", {Name: "2", PeriodType: "DAY"}: "2d"} {
		if got := Period(op); got != want {
			t.Errorf("%+v: %q, want %q", op, got, want)
		}
	}
	if it := FromItem(marketapi.ProductItem{Code: "cmapi00001", Name: "OCR"}); it.Type != "API" || it.Status != Listed {
		t.Errorf("%+v", it)
	}
}
