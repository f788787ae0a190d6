package sandbox_test

import (
	"context"
	"net/url"
	"strconv"
	"testing"
	"time"

	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/sandbox"
)

// publicCall is one call of a public action with parameters that succeed.
type publicCall struct {
	Action string
	Params url.Values
}

// everyPublicCall fills a fresh sandbox with one of everything — a listed license product
// bought once with an invoice request, an SPI product whose endpoint is dead (a failed
// notification, metered usage), a service product with a delivery template (its project), an
// API product called a few times, a promoted product, a cross-account grant — and returns a
// call of each of the 31 public actions that succeeds, in an order in which they all do
// (reads first; then the changes, each leaving what the next needs).
func everyPublicCall(t *testing.T, c *market.Client) []publicCall {
	t.Helper()
	ctx := context.Background()
	list := func(in market.ProductInput) marketapi.Product {
		t.Helper()
		p, err := c.CreateProduct(ctx, in, "")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.SubmitProduct(ctx, p.Code, "review", ""); err != nil {
			t.Fatal(err)
		}
		if p, err = c.ReviewProduct(ctx, p.Code, "approve", ""); err != nil {
			t.Fatal(err)
		}
		return p
	}
	buy := func(e market.BuyerEvent) marketapi.Purchase {
		t.Helper()
		b, err := c.Simulate(ctx, "SandboxPurchase", e)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	str := func(s string) *string { return &s }
	id := func(n int64) string { return strconv.FormatInt(n, 10) }

	lic := list(market.ProductInput{Type: "SAAS", Name: str("Invoice Helper"), DeliveryMode: str("license"), ActivationUrl: str("https://isv.example.com/activate"),
		Skus: []marketapi.SKU{{Name: "Basic", Price: "10"}}, ValidityPeriods: []string{"1m"}})
	licBuy := buy(market.BuyerEvent{Code: lic.Code})
	inv, err := c.RequestInvoice(ctx, market.InvoiceRequest{Orders: []string{id(licBuy.OrderId)}, Title: "Example Co."})
	if err != nil {
		t.Fatal(err)
	}
	spiProduct := list(market.ProductInput{Type: "SAAS", Name: str("SPI"), DeliveryMode: str("spi"), ProductionUrl: str("http://127.0.0.1:1/spi"),
		Skus: []marketapi.SKU{{Name: "B", Price: "1"}}, ValidityPeriods: []string{"1m"}})
	spiBuy := buy(market.BuyerEvent{Code: spiProduct.Code, SpiRetries: 1})
	var failed string
	c.ListFailedNotifications(ctx, func(ns []marketapi.Notification) bool { failed = ns[0].NotificationRequestId; return false })
	tpl, err := c.CreateDeliveryTemplate(ctx, "T", []marketapi.TemplateStep{{Name: "Deploy", OperatorRole: "Provider", Fields: []marketapi.TemplateField{{Title: "URL"}}},
		{Name: "Accept", OperatorRole: "Custom", AllowRollback: true}}, "")
	if err != nil {
		t.Fatal(err)
	}
	svc := list(market.ProductInput{Type: "SERVICE", Name: str("Service"), DeliveryTemplateId: &tpl.TemplateId,
		Skus: []marketapi.SKU{{Name: "Std", Price: "1000"}}, ValidityPeriods: []string{"1y"}})
	proj := id(buy(market.BuyerEvent{Code: svc.Code}).InstanceId)
	nodes, err := c.ProjectNodes(ctx, proj)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := c.UploadFile(ctx, "report.pdf", []byte("%PDF-1.4"), "")
	c.ProjectAct(ctx, proj, market.ProjectAct{Role: "seller", FileID: f.FileId, Message: "hello"})
	api := list(market.ProductInput{Type: "API", Name: str("Weather API"), ApiGroup: str("weather"), ApiPrefix: str("weather-api"),
		Skus: []marketapi.SKU{{Name: "Calls", Price: "5"}}, ValidityPeriods: []string{"1y"}})
	c.APICalls(ctx, id(buy(market.BuyerEvent{Code: api.Code}).InstanceId), 3)
	if _, err := c.Distribute(ctx, lic.Code, 30); err != nil {
		t.Fatal(err)
	}
	grant, err := c.AuthorizeAccount(ctx, "", "", nil)
	if err != nil {
		t.Fatal(err)
	}

	inst, order, node2, node3 := id(licBuy.InstanceId), id(licBuy.OrderId), id(nodes[1].NodeId), id(nodes[2].NodeId)
	commodity := `{"productCode":"` + lic.Code + `","skuCode":"` + lic.Skus[0].Code + `","duration":1,"pricingCycle":"Month","quantity":1}`
	now := time.Now().Unix()
	metering := `[{"InstanceId":"` + id(spiBuy.InstanceId) + `","StartTime":"` + id(now-600) + `","EndTime":"` + id(now-60) +
		`","Entities":[{"Key":"Frequency","Value":"3","meteringAssit":"` + spiProduct.Code + `-Frequency-1"}]}]`
	return []publicCall{
		{"DescribeProduct", url.Values{"Code": {lic.Code}}},
		{"DescribeProducts", url.Values{"PageSize": {"5"}}},
		{"DescribePrice", url.Values{"OrderType": {"INSTANCE_BUY"}, "Commodity": {commodity}}},
		{"DescribeOrder", url.Values{"OrderId": {order}}},
		{"DescribeOrderForIsv", url.Values{"OrderId": {order}}},
		{"DescribeInstance", url.Values{"InstanceId": {inst}}},
		{"DescribeInstanceForIsv", url.Values{"InstanceId": {inst}}},
		{"DescribeInstances", url.Values{"PageNumber": {"1"}, "PageSize": {"10"}}},
		{"DescribeLicense", url.Values{"LicenseCode": {licBuy.LicenseCode}}},
		{"DescribeFailedNotifications", url.Values{"PageNumber": {"1"}, "PageSize": {"10"}}},
		{"DescribeInvoiceForIsv", url.Values{"Status": {"0"}, "PageIndex": {"1"}, "PageSize": {"10"}}},
		{"DescribeProjectInfo", url.Values{"InstanceId": {proj}}},
		{"DescribeProjectNodes", url.Values{"InstanceId": {proj}}},
		{"DescribeCurrentNodeInfo", url.Values{"InstanceId": {proj}}},
		{"DescribeProjectMessages", url.Values{"InstanceId": {proj}, "PageIndex": {"1"}}},
		{"DescribeProjectAttachments", url.Values{"InstanceId": {proj}}},
		{"DescribeProjectOperateLogs", url.Values{"InstanceId": {proj}}},
		{"DescribeApiMetering", url.Values{"pageNum": {"1"}, "productCode": {api.Code}}},
		{"DescribeDistributionProducts", url.Values{"PageNumber": {"1"}, "PageSize": {"10"}}},
		{"DescribeDistributionProductsLink", url.Values{"Codes": {`["` + lic.Code + `"]`}}},
		{"CrossAccountVerifyToken", url.Values{"Token": {grant.Token}}},
		{"CreateOrder", url.Values{"OrderType": {"INSTANCE_BUY"}, "PaymentType": {"HAND"}, "ClientToken": {"every-call-1"}, "Commodity": {commodity}}},
		{"ActivateLicense", url.Values{"LicenseCode": {licBuy.LicenseCode}}},
		{"ModifyInvoiceForIsv", url.Values{"InvoiceId": {inv.Invoice.Id}, "OperateType": {"0"}, "Number": {"24332000000012345678"},
			"ElectronUrl": {"https://isv.example.com/i.pdf"}}},
		{"ConfirmNotification", url.Values{"NotificationRequestId": {failed}}},
		{"PushMeteringData", url.Values{"Metering": {metering}}},
		{"AutoRenewInstance", url.Values{"OrderBizId": {id(licBuy.OrderBizId)}, "Type": {"open"}, "AutoRenewCycle": {"Month"}, "AutoRenewDuration": {"1"}}},
		{"FinishCurrentProjectNode", url.Values{"InstanceId": {proj}, "NodeId": {node2}, "TemplateForm": {`{"TFD0":"https://app.example.com"}`}, "Remark": {"done"}}},
		{"RollbackCurrentProjectNode", url.Values{"InstanceId": {proj}, "NodeId": {node3}, "Remark": {"again"}}},
		{"PauseProject", url.Values{"InstanceId": {proj}, "NodeId": {node2}}},
		{"ResumeProject", url.Values{"InstanceId": {proj}, "NodeId": {node2}}},
	}
}

// Every public action of the table has a call in everyPublicCall, once.
func TestEveryPublicCallCoversTheTable(t *testing.T) {
	store, err := sandbox.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	c := market.New(market.Options{Endpoint: "http://sandbox.mkt.local", Transport: sandbox.Transport{Handler: sandbox.NewServer(store)},
		Credential: mustCredential(t, store), Retry: market.RetryPolicy{MaxAttempts: 1}})
	seen := map[string]int{}
	for _, pc := range everyPublicCall(t, c) {
		seen[pc.Action]++
	}
	n := 0
	for _, row := range marketapi.OfKind(marketapi.Public) {
		n++
		if seen[row.Name] != 1 {
			t.Errorf("%s: called %d times in everyPublicCall, want 1", row.Name, seen[row.Name])
		}
	}
	if n != 31 || len(seen) != 31 {
		t.Errorf("%d public rows, %d actions called; want 31", n, len(seen))
	}
}

func mustCredential(t *testing.T, store *sandbox.Store) market.Credential {
	t.Helper()
	id, secret, err := store.Credentials()
	if err != nil {
		t.Fatal(err)
	}
	return market.Credential{AccessKeyID: id, AccessKeySecret: secret}
}
