package sandbox_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/sandbox"
)

// schema is the part of the public metadata's response schemas the test reads.
type schema struct {
	Type       string             `json:"type"`
	Properties map[string]*schema `json:"properties"`
	Items      *schema            `json:"items"`
}

func loadSchemas(t *testing.T) map[string]*schema {
	t.Helper()
	b, err := os.ReadFile("../marketapi/testdata/market-2015-11-01-api-docs.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Apis map[string]struct {
			Responses map[string]struct {
				Schema *schema `json:"schema"`
			} `json:"responses"`
		} `json:"apis"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	out := map[string]*schema{}
	for name, a := range doc.Apis {
		out[name] = a.Responses["200"].Schema
	}
	return out
}

// conform lists where v differs from s: missing fields, extra fields, wrong types.
func conform(path string, s *schema, v any) []string {
	var out []string
	typeOf := func(v any) string {
		switch x := v.(type) {
		case nil:
			return "null"
		case bool:
			return "boolean"
		case string:
			return "string"
		case json.Number:
			if _, err := strconv.ParseInt(string(x), 10, 64); err == nil {
				return "integer"
			}
			return "number"
		case []any:
			return "array"
		case map[string]any:
			return "object"
		}
		return fmt.Sprintf("%T", v)
	}
	got := typeOf(v)
	want := s.Type
	switch {
	case want == "" || want == "any" || got == "null":
	case want == "number" && got == "integer":
	case want != got:
		return append(out, fmt.Sprintf("%s: %s, metadata says %s", path, got, want))
	}
	switch x := v.(type) {
	case map[string]any:
		for k, sub := range s.Properties {
			if _, ok := x[k]; !ok {
				out = append(out, path+"."+k+": missing")
				continue
			}
			out = append(out, conform(path+"."+k, sub, x[k])...)
		}
		for k := range x {
			if _, ok := s.Properties[k]; !ok && len(s.Properties) > 0 && !(path == strings.SplitN(path, ".", 2)[0] && k == "RequestId") {
				out = append(out, path+"."+k+": not in the metadata")
			}
		}
	case []any:
		if s.Items != nil {
			for i, e := range x {
				if i > 0 {
					break // one element shows the shape
				}
				out = append(out, conform(path+"[]", s.Items, e)...)
			}
		}
	}
	return out
}

// TestPublicAnswersMatchTheMetadata calls every public action the sandbox serves and compares
// each answer with the public metadata's response schema: no missing field, no extra field, no
// wrong type.
func TestPublicAnswersMatchTheMetadata(t *testing.T) {
	schemas := loadSchemas(t)
	store, err := sandbox.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	srv := httptest.NewServer(sandbox.NewServer(store))
	defer srv.Close()
	id, secret, _ := store.Credentials()
	c := market.New(market.Options{Endpoint: srv.URL, Credential: market.Credential{AccessKeyID: id, AccessKeySecret: secret}, Retry: market.RetryPolicy{MaxAttempts: 1}})
	ctx := context.Background()

	// One of everything: a listed license product bought once, an invoice request, a failed
	// notification.
	name, mode, act := "Shape", "license", "https://isv.example.com/activate"
	p, err := c.CreateProduct(ctx, market.ProductInput{Type: "SAAS", Name: &name, DeliveryMode: &mode, ActivationUrl: &act,
		Skus: []marketapi.SKU{{Name: "Basic", Price: "10"}}, ValidityPeriods: []string{"1m"}}, "")
	if err != nil {
		t.Fatal(err)
	}
	c.SubmitProduct(ctx, p.Code, "review", "")
	c.ReviewProduct(ctx, p.Code, "approve", "")
	buy, err := c.Simulate(ctx, "SandboxPurchase", market.BuyerEvent{Code: p.Code})
	if err != nil {
		t.Fatal(err)
	}
	c.RequestInvoice(ctx, market.InvoiceRequest{Orders: []string{strconv.FormatInt(buy.OrderId, 10)}, Title: "Example Co."})
	spiName, spiMode, dead := "SPI", "spi", "http://127.0.0.1:1/spi"
	sp, _ := c.CreateProduct(ctx, market.ProductInput{Type: "SAAS", Name: &spiName, DeliveryMode: &spiMode, ProductionUrl: &dead,
		Skus: []marketapi.SKU{{Name: "B", Price: "1"}}, ValidityPeriods: []string{"1m"}}, "")
	c.SubmitProduct(ctx, sp.Code, "review", "")
	c.ReviewProduct(ctx, sp.Code, "approve", "")
	c.Simulate(ctx, "SandboxPurchase", market.BuyerEvent{Code: sp.Code})
	inst, order := strconv.FormatInt(buy.InstanceId, 10), strconv.FormatInt(buy.OrderId, 10)

	params := map[string]url.Values{
		"DescribeProduct":             {"Code": {p.Code}},
		"DescribeProducts":            {"PageSize": {"5"}},
		"DescribeOrder":               {"OrderId": {order}},
		"DescribeOrderForIsv":         {"OrderId": {order}},
		"DescribeInstance":            {"InstanceId": {inst}},
		"DescribeInstanceForIsv":      {"InstanceId": {inst}},
		"DescribeInstances":           {"PageNumber": {"1"}, "PageSize": {"10"}},
		"DescribeLicense":             {"LicenseCode": {buy.LicenseCode}},
		"DescribeFailedNotifications": {"PageNumber": {"1"}, "PageSize": {"10"}},
		"DescribeInvoiceForIsv":       {"Status": {"0"}, "PageIndex": {"1"}, "PageSize": {"10"}},
		"CreateOrder": {"OrderType": {"INSTANCE_BUY"}, "PaymentType": {"HAND"}, "ClientToken": {"shape-order-1"},
			"Commodity": {`{"productCode":"` + p.Code + `","skuCode":"prepay","duration":1,"pricingCycle":"Month","quantity":1}`}},
		"DescribePrice": {"OrderType": {"INSTANCE_BUY"},
			"Commodity": {`{"productCode":"` + p.Code + `","skuCode":"prepay","duration":1,"pricingCycle":"Month","quantity":1}`}},
	}
	names := make([]string, 0, len(params))
	for n := range params {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, action := range names {
		t.Run(action, func(t *testing.T) {
			resp, err := c.Do(ctx, market.Request{Action: action, Query: params[action]})
			if err != nil {
				t.Fatal(err)
			}
			dec := json.NewDecoder(strings.NewReader(string(resp.Body)))
			dec.UseNumber()
			var v any
			if err := dec.Decode(&v); err != nil {
				t.Fatal(err)
			}
			for _, problem := range conform(action, schemas[action], v) {
				t.Error(problem)
			}
		})
	}
}
