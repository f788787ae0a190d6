package list

import (
	"context"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdList(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdList, "--status", "listed", "-L", "2")
	if err != nil || opts.Limit != 2 || len(opts.Status) != 1 {
		t.Fatalf("%+v %v", opts, err)
	}
	if _, err := clitest.Parse(t, NewCmdList, "--status", "sold"); clitest.ExitCode(err) != 2 {
		t.Errorf("unknown status: %v", err)
	}
}

func Test_listRun(t *testing.T) {
	e := clitest.New(t)
	p := e.Listed(t, "Invoice Helper")
	if err := listRun(context.Background(), &Options{Factory: e.F}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(e.Out.String(), p.Code+"\tInvoice Helper\t") {
		t.Errorf("out: %q", e.Out)
	}
}
