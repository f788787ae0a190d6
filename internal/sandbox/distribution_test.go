package sandbox

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

func TestDistribution(t *testing.T) {
	_, s := newSeller(t, "en")
	ctx := context.Background()
	a := listedProduct(t, s, url.Values{"Name": {"Invoice Helper 50% off"}, "DeliveryMode": {"license"}, "ActivationUrl": {"https://isv.example.com/a"}})
	b := listedProduct(t, s, url.Values{"Name": {"Receipt Scanner"}, "DeliveryMode": {"license"}, "ActivationUrl": {"https://isv.example.com/a"}})
	listedProduct(t, s, url.Values{"Name": {"Not promoted"}, "DeliveryMode": {"license"}, "ActivationUrl": {"https://isv.example.com/a"}})
	purchase(t, s, "SandboxPurchase", url.Values{"Code": {a.Code}})
	for code, ratio := range map[string]string{a.Code: "30%", b.Code: "15"} {
		if err := s.do("SandboxDistributeProduct", url.Values{"Code": {code}, "Commission": {ratio}}, nil); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.do("SandboxDistributeProduct", url.Values{"Code": {a.Code}, "Commission": {"95"}}, nil); code(err) != "InvalidParameter.Commission" {
		t.Errorf("a commission of 95%%: %v", err)
	}
	list := func(q url.Values) (marketapi.DistributionProducts, error) {
		var out marketapi.DistributionProducts
		err := s.c.Call(ctx, market.Request{Action: "DescribeDistributionProducts", Query: q}, &out)
		return out, err
	}
	if _, err := list(url.Values{"PageNumber": {"1"}}); code(err) != "MissingParameter" {
		t.Errorf("no PageSize: %v", err)
	}
	all, err := list(url.Values{"PageNumber": {"1"}, "PageSize": {"10"}})
	if err != nil {
		t.Fatal(err)
	}
	if all.TotalCount != 2 || len(all.Results) != 2 {
		t.Fatalf("%+v", all)
	}
	for _, d := range all.Results {
		want := map[string]string{a.Code: "30", b.Code: "15"}[d.Code]
		trades := map[string]string{a.Code: "1", b.Code: "0"}[d.Code]
		if d.SubmissionRadio != want || d.TradeCount != trades || d.SupplierUId == "" || d.SupplierName == "" || d.Type != "APP" {
			t.Errorf("%+v", d)
		}
	}
	// Filters: code, name (its % taken literally), supplierName.
	for _, tc := range []struct {
		key, value string
		n          int
	}{{"code", b.Code, 1}, {"name", "50%", 1}, {"name", "5_%", 0}, {"supplierName", "Sandbox", 2}, {"supplierName", "Other Co.", 0}} {
		got, err := list(url.Values{"PageNumber": {"1"}, "PageSize": {"10"}, "Filter.1.Key": {tc.key}, "Filter.1.Value": {tc.value}})
		if err != nil || got.TotalCount != tc.n {
			t.Errorf("%s=%s: %d (%v), want %d", tc.key, tc.value, got.TotalCount, err, tc.n)
		}
	}
	if _, err := list(url.Values{"PageNumber": {"1"}, "PageSize": {"10"}, "Filter.1.Key": {"price"}, "Filter.1.Value": {"1"}}); code(err) != "UnknownError" {
		t.Errorf("an unknown filter: %v", err)
	}

	links := func(codes ...string) (marketapi.DistributionLinks, error) {
		b, _ := jsonList(codes)
		var out marketapi.DistributionLinks
		err := s.c.Call(ctx, market.Request{Action: "DescribeDistributionProductsLink", Query: url.Values{"Codes": {b}}}, &out)
		return out, err
	}
	got, err := links(a.Code, b.Code)
	if err != nil || got.TotalCount != 2 || !strings.HasPrefix(got.Result[0].Url, "https://market.aliyun.com/products/"+a.Code+"?") || got.Result[1].Name != "Receipt Scanner" {
		t.Fatalf("links %+v %v", got, err)
	}
	many := make([]string, MaxLinkCodes+1)
	for i := range many {
		many[i] = a.Code
	}
	for name, tc := range map[string]struct {
		codes []string
		want  string
	}{"none": {nil, "ProductCodes"}, "51": {many, "codeSizeError"}, "not promoted": {[]string{a.Code, "cmgj99999999"}, "CodeError"}} {
		if _, err := links(tc.codes...); code(err) != tc.want {
			t.Errorf("%s: %v, want %s", name, err, tc.want)
		}
	}
	// Out of the programme at 0.
	s.do("SandboxDistributeProduct", url.Values{"Code": {b.Code}, "Commission": {"0"}}, nil)
	if got, _ := list(url.Values{"PageNumber": {"1"}, "PageSize": {"10"}}); got.TotalCount != 1 {
		t.Errorf("after leaving: %d", got.TotalCount)
	}
	// DescribeProducts' SearchTerm takes % literally too.
	var found marketapi.ProductList
	if err := s.c.Call(ctx, market.Request{Action: "DescribeProducts", Query: url.Values{"SearchTerm": {"50%"}}}, &found); err != nil || found.TotalCount != 1 {
		t.Errorf("SearchTerm 50%%: %d %v", found.TotalCount, err)
	}
}

func jsonList(codes []string) (string, error) {
	if codes == nil {
		return "[]", nil
	}
	return `["` + strings.Join(codes, `","`) + `"]`, nil
}
