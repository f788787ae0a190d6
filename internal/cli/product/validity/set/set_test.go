package set

import (
	"context"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/market"
)

func TestNewCmdSet(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdSet, "cmgj10000001", "1m", "1y")
	if err != nil || opts.Code != "cmgj10000001" || len(opts.Periods) != 2 {
		t.Fatalf("%+v %v", opts, err)
	}
	if _, err := clitest.Parse(t, NewCmdSet, "cmgj10000001"); clitest.ExitCode(err) != 2 {
		t.Errorf("no period: %v", err)
	}
	// Service products: every period at least 3 months (FAQ 三 Q6), refused before sending.
	if _, err := clitest.Parse(t, NewCmdSet, "cmfw10000003", "1m"); clitest.ExitCode(err) != 3 {
		t.Errorf("a month for a service: %v", err)
	}
}

func Test_setRun(t *testing.T) {
	e := clitest.New(t)
	name := "Draft"
	p, err := e.Client(t).CreateProduct(context.Background(), market.ProductInput{Type: "SAAS", Name: &name}, "")
	if err != nil {
		t.Fatal(err)
	}
	opts, _ := clitest.Parse(t, NewCmdSet, p.Code, "3m", "1y")
	opts.Factory = e.F
	if err := setRun(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	got, _ := e.Client(t).GetProduct(context.Background(), p.Code)
	if len(got.ValidityPeriods) != 2 || got.ValidityPeriods[0] != "3m" {
		t.Errorf("periods %v", got.ValidityPeriods)
	}
}
