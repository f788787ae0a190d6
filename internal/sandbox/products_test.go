package sandbox

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/exitcode"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/rules"
)

type seller struct {
	t *testing.T
	c *market.Client
}

func (s seller) do(action string, p url.Values, out any) error {
	s.t.Helper()
	return s.c.Call(context.Background(), market.Request{Action: action, Form: p}, out)
}

func (s seller) must(action string, p url.Values) marketapi.Product {
	s.t.Helper()
	var r marketapi.ProductResult
	if err := s.do(action, p, &r); err != nil {
		s.t.Fatalf("%s %v: %v", action, p, err)
	}
	return r.Product
}

func (s seller) refused(action string, p url.Values, code string) *market.APIError {
	s.t.Helper()
	err := s.do(action, p, nil)
	var ae *market.APIError
	if !errors.As(err, &ae) || ae.Code != code {
		s.t.Fatalf("%s %v: got %v, want %s", action, p, err, code)
	}
	return ae
}

func newSeller(t *testing.T, lang string) (*Store, seller) {
	store, srv, _ := newSandbox(t)
	id, secret, _ := store.Credentials()
	c := market.New(market.Options{Endpoint: srv.URL, Credential: market.Credential{AccessKeyID: id, AccessKeySecret: secret},
		Retry: market.RetryPolicy{MaxAttempts: 1}, Language: lang})
	return store, seller{t, c}
}

func saas(name string) url.Values {
	return url.Values{"Type": {"SAAS"}, "Name": {name}, "DeliveryMode": {"spi"}, "ProductionUrl": {"https://isv.example.com/spi"},
		"Skus": {`[{"Name":"Basic","Price":"99"}]`}, "ValidityPeriods": {"1m,3m,1y"}}
}

func TestSaaSLifeCycle(t *testing.T) {
	_, s := newSeller(t, "en")
	p := s.must("CreateProduct", saas("Invoice Helper"))
	if !strings.HasPrefix(p.Code, "cmgj") || p.Status != "DRAFT" || p.DeliveryMode != "spi" || p.Skus[0].Price != "99.00" || p.Skus[0].ChargeType != "PREPAY" {
		t.Fatalf("created: %+v", p)
	}
	code := url.Values{"Code": {p.Code}}
	with := func(k, v string) url.Values { q := url.Values{"Code": {p.Code}}; q.Set(k, v); return q }

	s.must("SubmitProduct", with("Target", "test"))
	ae := s.refused("ModifyProductionUrl", with("ProductionUrl", "https://isv.example.com/v2/spi"), rules.CodeURLLocked)
	if ae.HTTPStatus != 403 || !strings.Contains(ae.Message, "TESTING") || !strings.Contains(ae.Recommend, "--reject") || ae.Kind() != exitcode.Rule {
		t.Errorf("lock refusal: %+v", ae)
	}
	s.refused("ModifyProduct", with("ProductionUrl", "https://isv.example.com/v2/spi"), rules.CodeURLLocked)
	s.must("SubmitProduct", with("Target", "review"))
	s.refused("DeleteProduct", code, rules.CodeProductStatus)
	rej := s.must("SandboxReviewProduct", url.Values{"Code": {p.Code}, "Decision": {"reject"}, "Reason": {"SPI answers slowly"}})
	if rej.Status != "REJECTED" || rej.AuditFailMsg != "SPI answers slowly" {
		t.Fatalf("rejected: %+v", rej)
	}
	if u := s.must("ModifyProductionUrl", with("ProductionUrl", "https://isv.example.com/v2/spi")); u.ProductionUrl != "https://isv.example.com/v2/spi" {
		t.Fatalf("url: %+v", u)
	}
	s.must("SubmitProduct", with("Target", "review"))
	listed := s.must("SandboxReviewProduct", url.Values{"Code": {p.Code}, "Decision": {"approve"}})
	if listed.Status != "LISTED" {
		t.Fatalf("approved: %+v", listed)
	}

	// The public action sees it, with the matching AuditStatus and the SKUs.
	var pub marketapi.PublicProduct
	if err := s.c.Call(context.Background(), market.Request{Action: "DescribeProduct", Query: url.Values{"Code": {p.Code}, "QueryDraft": {"true"}}}, &pub); err != nil {
		t.Fatal(err)
	}
	if pub.Type != "APP" || pub.AuditStatus != "success" || len(pub.ProductSkus.ProductSku) != 1 || len(pub.ProductSkus.ProductSku[0].OrderPeriods.OrderPeriod) != 3 {
		t.Fatalf("public view: %+v", pub)
	}

	// Bundle with a second listed product; delisting one makes it unsellable.
	q := s.must("CreateProduct", saas("Invoice Helper Pro"))
	s.must("SubmitProduct", url.Values{"Code": {q.Code}})
	s.must("SandboxReviewProduct", url.Values{"Code": {q.Code}, "Decision": {"approve"}})
	var br marketapi.BundleResult
	if err := s.do("CreateProductBundle", url.Values{"Name": {"Suite"}, "ProductCodes.1": {p.Code}, "ProductCodes.2": {q.Code}, "Discount": {"10%"}}, &br); err != nil {
		t.Fatal(err)
	}
	if !br.Bundle.Sellable || br.Bundle.Discount != 10 || len(br.Bundle.Products) != 2 {
		t.Fatalf("bundle: %+v", br.Bundle)
	}
	s.refused("CreateProductBundle", url.Values{"Name": {"Twice"}, "ProductCodes.1": {p.Code}, "ProductCodes.2": {p.Code}}, rules.CodeBundle)
	s.refused("CreateProductBundle", url.Values{"Name": {"Both"}, "ProductCodes.1": {p.Code}, "ProductCodes.2": {q.Code}, "Discount": {"10"}, "Price": {"1"}}, rules.CodeBundle)
	s.must("DelistProduct", code)
	var bp marketapi.BundlePage
	if err := s.do("DescribeProductBundles", nil, &bp); err != nil {
		t.Fatal(err)
	}
	if len(bp.Bundles) != 1 || bp.Bundles[0].Sellable || bp.Bundles[0].Products[0].Status != "DELISTED" {
		t.Fatalf("bundle after delist: %+v", bp)
	}
	if d := s.must("DeleteProduct", code); d.Status != "DELETED" {
		t.Fatalf("delete: %+v", d)
	}
	s.refused("CreateProductBundle", url.Values{"Name": {"Gone"}, "ProductCodes.1": {p.Code}, "ProductCodes.2": {q.Code}}, rules.CodeBundle)
}

func TestRefusalsInChinese(t *testing.T) {
	_, s := newSeller(t, "zh")
	p := s.must("CreateProduct", saas("发票助手"))
	s.must("SubmitProduct", url.Values{"Code": {p.Code}, "Target": {"test"}})
	ae := s.refused("ModifyProductionUrl", url.Values{"Code": {p.Code}, "ProductionUrl": {"https://x.example.com/spi"}}, rules.CodeURLLocked)
	if !strings.Contains(ae.Message, "运营小二驳回") || !strings.Contains(ae.Recommend, "驳回") {
		t.Errorf("zh: %+v", ae)
	}
}

func TestImageAPIServiceRules(t *testing.T) {
	_, s := newSeller(t, "en")
	img := s.must("CreateProduct", url.Values{"Type": {"IMAGE"}, "Name": {"LAMP image"}, "ImageId": {"m-bp1abc"}, "ImageRegion": {"cn-hangzhou"},
		"Skus": {`[{"Name":"Default","Price":"0.5","ChargeType":"POSTPAY"}]`}, "ValidityPeriods": {"1m"}})
	if !strings.HasPrefix(img.Code, "cmjj") {
		t.Fatal(img.Code)
	}
	s.must("SubmitProduct", url.Values{"Code": {img.Code}})
	s.must("SandboxReviewProduct", url.Values{"Code": {img.Code}, "Decision": {"approve"}})
	ae := s.refused("DelistProduct", url.Values{"Code": {img.Code}}, rules.CodeImageDelist)
	if !strings.Contains(ae.Recommend, "mkt product delete "+img.Code) {
		t.Errorf("remedy: %q", ae.Recommend)
	}
	if d := s.must("DeleteProduct", url.Values{"Code": {img.Code}}); d.Status != "DELETED" {
		t.Fatal(d.Status)
	}

	// FAQ 三 Q4: an API product's name is bound to its gateway prefix once published.
	api := s.must("CreateProduct", url.Values{"Type": {"API"}, "Name": {"Weather API"}, "ApiGroup": {"weather"}, "ApiPrefix": {"weather-api"},
		"Skus": {`[{"Name":"1k calls","Price":"10"}]`}, "ValidityPeriods": {"1y"}})
	s.refused("CreateProduct", url.Values{"Type": {"API"}, "Name": {"Clone"}, "ApiPrefix": {"weather-api"}}, "Conflict.ApiPrefix")
	s.must("SubmitProduct", url.Values{"Code": {api.Code}, "Target": {"test"}})
	s.refused("ModifyProduct", url.Values{"Code": {api.Code}, "Name": {"Weather API 2"}}, rules.CodeAPIPrefixBound)
	s.must("SandboxReleaseApiPrefix", url.Values{"Code": {api.Code}})
	if r := s.must("ModifyProduct", url.Values{"Code": {api.Code}, "Name": {"Weather API 2"}}); r.Name != "Weather API 2" {
		t.Fatal(r.Name)
	}

	// FAQ 三 Q6 and Q5 for service products.
	svc := s.must("CreateProduct", url.Values{"Type": {"SERVICE"}, "Name": {"Migration service"}})
	s.refused("ModifyProductValidity", url.Values{"Code": {svc.Code}, "ValidityPeriods": {"2m"}}, rules.CodeValidity)
	s.must("ModifyProductValidity", url.Values{"Code": {svc.Code}, "ValidityPeriods": {"3m,6m"}})
	s.refused("ModifyProductValidity", url.Values{"Code": {svc.Code}, "ValidityPeriods": {"permanent"}}, rules.CodeValidity)
	steps, _ := json.Marshal([]marketapi.TemplateStep{{Name: "Collect requirements", OperatorRole: "Custom", Fields: []marketapi.TemplateField{{Title: "Contact", Required: true}}}, {Name: "Deliver", AllowRollback: true, NeedAttachment: true}})
	var tr marketapi.DeliveryTemplateResult
	if err := s.do("CreateDeliveryTemplate", url.Values{"Name": {"Standard"}, "Steps": {string(steps)}}, &tr); err != nil {
		t.Fatal(err)
	}
	if tr.Template.Steps[0].Fields[0].Key != "TFD0" || tr.Template.Steps[1].OperatorRole != "Provider" {
		t.Fatalf("template: %+v", tr.Template)
	}
	saasP := s.must("CreateProduct", saas("Not a service"))
	s.refused("AttachDeliveryTemplate", url.Values{"Code": {saasP.Code}, "TemplateId": {tr.Template.TemplateId}}, rules.CodeDeliveryTemplate)
	if r := s.must("AttachDeliveryTemplate", url.Values{"Code": {svc.Code}, "TemplateId": {tr.Template.TemplateId}}); r.DeliveryTemplateId != tr.Template.TemplateId {
		t.Fatal(r)
	}

	// Delivery modes and URLs.
	s.refused("CreateProduct", url.Values{"Type": {"SAAS"}, "Name": {"x"}, "DeliveryMode": {"spi"}}, rules.CodeDeliveryMode)
	s.refused("CreateProduct", url.Values{"Type": {"SAAS"}, "Name": {"x"}, "ProductionUrl": {"https://u:p@x.com/spi"}}, rules.CodeURL)
	s.refused("CreateProduct", url.Values{"Type": {"SERVICE"}, "Name": {"x"}, "DeliveryMode": {"spi"}}, rules.CodeDeliveryMode)
	lic := s.must("CreateProduct", url.Values{"Type": {"SAAS"}, "Name": {"Licensed"}, "ActivationUrl": {"https://isv.example.com/activate"}})
	if lic.DeliveryMode != "license" {
		t.Fatal(lic.DeliveryMode)
	}
	s.refused("ModifyProductionUrl", url.Values{"Code": {lic.Code}, "ProductionUrl": {"https://isv.example.com/spi"}}, rules.CodeDeliveryMode)
	// Not submittable without SKUs.
	s.refused("SubmitProduct", url.Values{"Code": {svc.Code}}, rules.CodeProduct)
}

func TestProductPagination(t *testing.T) {
	_, s := newSeller(t, "en")
	for i := 0; i < 45; i++ {
		s.must("CreateProduct", url.Values{"Type": {"SAAS"}, "Name": {fmt.Sprintf("P%02d", i)}})
	}
	seen := map[string]bool{}
	tok, pages := "", 0
	for {
		q := url.Values{"MaxResults": {"20"}}
		if tok != "" {
			q.Set("NextToken", tok)
		}
		var page marketapi.ProductPage
		if err := s.do("DescribeProductsForIsv", q, &page); err != nil {
			t.Fatal(err)
		}
		pages++
		if page.TotalCount != 45 {
			t.Fatalf("total %d", page.TotalCount)
		}
		for _, p := range page.Products {
			if seen[p.Code] {
				t.Fatalf("duplicate %s", p.Code)
			}
			seen[p.Code] = true
		}
		if tok = page.NextToken; tok == "" {
			break
		}
	}
	if len(seen) != 45 || pages != 3 {
		t.Fatalf("%d products in %d pages", len(seen), pages)
	}
	s.refused("DescribeProductsForIsv", url.Values{"NextToken": {"garbage!"}}, "InvalidParameter.NextToken")
}

// SKU codes are the marketplace's: yuncode and 11 digits, unique across products, kept by an
// edit for the SKUs it keeps (by name).
func TestSKUCodes(t *testing.T) {
	_, s := newSeller(t, "en")
	a := s.must("CreateProduct", url.Values{"Type": {"SAAS"}, "Name": {"A"}, "Skus": {`[{"Name":"Basic","Price":"1"},{"Name":"Pro","Price":"2"}]`}})
	b := s.must("CreateProduct", url.Values{"Type": {"SAAS"}, "Name": {"B"}, "Skus": {`[{"Name":"Basic","Price":"1"}]`}})
	codes := map[string]bool{}
	for _, sk := range append(a.Skus, b.Skus...) {
		if len(sk.Code) != len("yuncode")+11 || !strings.HasPrefix(sk.Code, "yuncode") || codes[sk.Code] {
			t.Errorf("code %q (seen: %v)", sk.Code, codes)
		}
		codes[sk.Code] = true
	}
	edited := s.must("ModifyProduct", url.Values{"Code": {a.Code}, "Skus": {`[{"Name":"Basic","Price":"3"},{"Name":"Team","Price":"9"}]`}})
	if edited.Skus[0].Code != a.Skus[0].Code || edited.Skus[1].Code == a.Skus[1].Code || codes[edited.Skus[1].Code] {
		t.Errorf("after the edit: %+v (before %+v)", edited.Skus, a.Skus)
	}
}
