package invoicerequest

import (
	"strconv"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdInvoiceRequest(t *testing.T) {
	e := clitest.New(t)
	p := e.Purchase(t, e.Listed(t, "Invoice Helper").Code)
	if err := e.Exec(NewCmdInvoiceRequest(e.F), "--order", strconv.FormatInt(p.OrderId, 10), "--title", "Example Co."); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(e.Out.String(), "40720") {
		t.Errorf("the request's ID: %q", e.Out)
	}
	for _, bad := range [][]string{{}, {"--order", "1", "--count", "5"}} {
		if err := e.Exec(NewCmdInvoiceRequest(e.F), bad...); clitest.ExitCode(err) != 2 {
			t.Errorf("%v: %v", bad, err)
		}
	}
}
