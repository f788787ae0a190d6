package link

import (
	"context"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdLink(t *testing.T) {
	if opts, err := clitest.Parse(t, NewCmdLink, "cmgj10000001", "cmapi10000002"); err != nil || len(opts.Codes) != 2 {
		t.Fatalf("%+v %v", opts, err)
	}
	many := make([]string, MaxCodes+1)
	for i := range many {
		many[i] = "cmgj10000001"
	}
	for _, bad := range [][]string{{}, {"hello"}, many} {
		if _, err := clitest.Parse(t, NewCmdLink, bad...); clitest.ExitCode(err) != 2 {
			t.Errorf("%d args: %v", len(bad), err)
		}
	}
}

func Test_linkRun(t *testing.T) {
	e := clitest.New(t)
	a := e.Listed(t, "Invoice Helper")
	notPromoted := e.Listed(t, "Receipt Scanner")
	e.Client(t).Distribute(context.Background(), a.Code, 30)
	if err := linkRun(context.Background(), &Options{Factory: e.F, Codes: []string{a.Code}}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(e.Out.String(), a.Code+"\tInvoice Helper\thttps://market.aliyun.com/products/"+a.Code+"?") {
		t.Fatalf("out:\n%s", e.Out)
	}
	// Not promoted: the marketplace's 500 CodeError, input a retry cannot mend: exit 2.
	err := linkRun(context.Background(), &Options{Factory: e.F, Codes: []string{notPromoted.Code}})
	if clitest.ExitCode(err) != 2 || !strings.Contains(err.Error(), "CodeError") {
		t.Errorf("a product not promoted: %v (exit %d)", err, clitest.ExitCode(err))
	}
}
