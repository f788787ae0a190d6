package product

import (
	"context"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

func TestNewCmdProduct(t *testing.T) {
	e := clitest.New(t)
	c := e.Client(t)
	name, mode, act := "Invoice Helper", "license", "https://isv.example.com/a"
	p, err := c.CreateProduct(context.Background(), market.ProductInput{Type: "SAAS", Name: &name, DeliveryMode: &mode, ActivationUrl: &act,
		Skus: []marketapi.SKU{{Name: "Basic", Price: "1"}}, ValidityPeriods: []string{"1m"}}, "")
	if err != nil {
		t.Fatal(err)
	}
	c.SubmitProduct(context.Background(), p.Code, "review", "")
	if err := e.Exec(NewCmdProduct(e.F), p.Code, "--reject", "--reason", "screenshots missing"); err != nil {
		t.Fatal(err)
	}
	got, _ := c.GetProduct(context.Background(), p.Code)
	if got.Status != "REJECTED" || got.AuditFailMsg != "screenshots missing" {
		t.Errorf("%+v", got)
	}
	for _, bad := range [][]string{{p.Code}, {p.Code, "--approve", "--reject"}, {p.Code, "--reject"}, {"x", "--approve"}} {
		if err := e.Exec(NewCmdProduct(e.F), bad...); clitest.ExitCode(err) != 2 {
			t.Errorf("%v: %v", bad, err)
		}
	}
}
