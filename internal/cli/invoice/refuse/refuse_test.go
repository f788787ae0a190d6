package refuse

import (
	"context"
	"strconv"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

func TestNewCmdRefuse(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdRefuse, "4072040002", "--reason", "tax number")
	if err != nil || opts.ID != "4072040002" || opts.Reason != "tax number" {
		t.Fatalf("%+v %v", opts, err)
	}
	for _, bad := range [][]string{{"4072040002"}, {"x", "--reason", "r"}} {
		if _, err := clitest.Parse(t, NewCmdRefuse, bad...); clitest.ExitCode(err) != 2 {
			t.Errorf("%v: %v", bad, err)
		}
	}
}

func Test_refuseRun(t *testing.T) {
	e := clitest.New(t)
	id := e.InvoiceRequest(t, e.Listed(t, "Invoice Helper").Code)
	opts := &Options{Factory: e.F, ID: id, Reason: "The tax number does not match"}
	for i := range 2 { // the second run finds it refused with this reason: done once
		if err := refuseRun(context.Background(), opts); err != nil {
			t.Fatalf("run %d: %v", i+1, err)
		}
	}
	if err := refuseRun(context.Background(), &Options{Factory: e.F, ID: id, Reason: "other"}); clitest.ExitCode(err) != 6 {
		t.Errorf("refused for another reason: %v", err)
	}
}

// The refusal's answer is lost: the retry is refused as the request is no longer open, and the
// command checks back and reports success — done once.
func TestRefuseLostAnswer(t *testing.T) {
	e := clitest.New(t)
	l := clitest.NewLossy(t)
	e.F.Client = func() (*market.Client, error) { return l.Client, nil }
	ctx := context.Background()
	mode, act, name := "license", "https://isv.example.com/a", "Invoice Helper"
	p, _ := l.Direct.CreateProduct(ctx, market.ProductInput{Type: "SAAS", Name: &name, DeliveryMode: &mode, ActivationUrl: &act,
		Skus: []marketapi.SKU{{Name: "B", Price: "10"}}, ValidityPeriods: []string{"1m"}}, "")
	l.Direct.SubmitProduct(ctx, p.Code, "review", "")
	l.Direct.ReviewProduct(ctx, p.Code, "approve", "")
	buy, _ := l.Direct.Simulate(ctx, "SandboxPurchase", market.BuyerEvent{Code: p.Code})
	req, err := l.Direct.RequestInvoice(ctx, market.InvoiceRequest{Orders: []string{strconv.FormatInt(buy.OrderId, 10)}, Title: "Example Co."})
	if err != nil {
		t.Fatal(err)
	}
	l.Lose("ModifyInvoiceForIsv")
	err = refuseRun(ctx, &Options{Factory: e.F, ID: req.Invoice.Id, Reason: "The tax number does not match"})
	if err != nil {
		t.Fatalf("refused, answer lost: %v (exit %d)", err, clitest.ExitCode(err))
	}
	if n := l.Received("ModifyInvoiceForIsv"); n > 2 {
		t.Errorf("%d refusals sent", n)
	}
}
