package submit

import (
	"context"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

func TestNewCmdSubmit(t *testing.T) {
	if opts, err := clitest.Parse(t, NewCmdSubmit, "cmgj10000001", "--for", "TEST"); err != nil || opts.For != "test" {
		t.Fatalf("%+v %v", opts, err)
	}
	if _, err := clitest.Parse(t, NewCmdSubmit, "cmgj10000001", "--for", "sale"); clitest.ExitCode(err) != 2 {
		t.Errorf("--for sale: %v", err)
	}
}

// An incomplete product is refused (InvalidParameter.Product, exit 2: what the product lacks is
// input to complete); a complete one goes to review.
func Test_submitRun(t *testing.T) {
	e := clitest.New(t)
	c := e.Client(t)
	name := "Bare"
	bare, err := c.CreateProduct(context.Background(), market.ProductInput{Type: "SAAS", Name: &name}, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := submitRun(context.Background(), &Options{Factory: e.F, Code: bare.Code, For: "review"}); clitest.ExitCode(err) != 2 {
		t.Errorf("incomplete: %v", err)
	}
	mode, act := "license", "https://isv.example.com/a"
	full, _ := c.CreateProduct(context.Background(), market.ProductInput{Type: "SAAS", Name: &name, DeliveryMode: &mode, ActivationUrl: &act,
		Skus: []marketapi.SKU{{Name: "Basic", Price: "1"}}, ValidityPeriods: []string{"1m"}}, "")
	if err := submitRun(context.Background(), &Options{Factory: e.F, Code: full.Code, For: "review"}); err != nil {
		t.Fatal(err)
	}
}
