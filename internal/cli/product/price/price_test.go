package price

import (
	"context"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdPrice(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdPrice, "cmgj10000001", "--period", "2y", "--sku", "sku2")
	if err != nil || opts.Commodity.Duration != 2 || opts.Commodity.PricingCycle != "Year" || opts.Commodity.Components.PackageVersion != "sku2" {
		t.Fatalf("%+v %v", opts, err)
	}
	for _, bad := range [][]string{{"nope"}, {"cmgj10000001", "--period", "2w"}, {"cmgj10000001", "--quantity", "0"}} {
		if _, err := clitest.Parse(t, NewCmdPrice, bad...); clitest.ExitCode(err) != 2 {
			t.Errorf("%v: %v", bad, err)
		}
	}
}

// A year of a 100-a-month SKU is 1,200; a product not on sale is not found.
func Test_priceRun(t *testing.T) {
	e := clitest.New(t)
	p := e.Listed(t, "Invoice Helper")
	opts, _ := clitest.Parse(t, NewCmdPrice, p.Code, "--period", "1y")
	opts.Factory = e.F
	if err := priceRun(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(e.Out.String(), "Price\t1200.00 CNY\n") || !strings.Contains(e.Out.String(), "Period\t1y\n") {
		t.Errorf("out:\n%s", e.Out)
	}
	opts, _ = clitest.Parse(t, NewCmdPrice, "cmgj10009999")
	opts.Factory = e.F
	if err := priceRun(context.Background(), opts); clitest.ExitCode(err) != 5 {
		t.Errorf("a product not on sale: %v (exit %d), want exit 5", err, clitest.ExitCode(err))
	}
}
