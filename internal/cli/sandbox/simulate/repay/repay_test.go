package repay

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/market"
)

func TestNewCmdRepay(t *testing.T) {
	e := clitest.New(t)
	code := e.Listed(t, "Invoice Helper").Code
	p, err := e.Client(t).Simulate(context.Background(), "SandboxPurchase", market.BuyerEvent{Code: code, PayMethod: "credit"})
	if err != nil {
		t.Fatal(err)
	}
	id := strconv.FormatInt(p.OrderId, 10)
	if err := e.Exec(NewCmdRepay(e.F), id); err != nil {
		t.Fatal(err)
	}
	if e.Out.String() != id+"\tSETTLED\n" {
		t.Errorf("out: %q", e.Out)
	}
	if err := e.Exec(NewCmdRepay(e.F), "0"); clitest.ExitCode(err) != 2 || !strings.Contains(err.Error(), "0") {
		t.Errorf("order 0: %v", err)
	}
}
