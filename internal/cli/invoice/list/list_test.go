package list

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdList(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdList, "--status", "requested", "--from", "2026-11-01", "--to", "2026-11-30", "--tz", "cst", "-L", "5")
	if err != nil || opts.Filter.Status != "0" || opts.Filter.From != "2026-11-01 00:00:00" || opts.Filter.To != "2026-11-30 23:59:59" || opts.Limit != 5 {
		t.Fatalf("%+v %v", opts, err)
	}
	for _, bad := range [][]string{{"--status", "x"}, {"--type", "4"}, {"--since", "1d", "--from", "2026-11-01"}, {"--from", "yesterday"}, {"--tz", "Mars/Base"}} {
		if _, err := clitest.Parse(t, NewCmdList, bad...); clitest.ExitCode(err) != 2 {
			t.Errorf("%v: %v", bad, err)
		}
	}
}

func Test_listRun(t *testing.T) {
	e := clitest.New(t)
	id := e.InvoiceRequest(t, e.Listed(t, "Invoice Helper").Code)
	if err := listRun(context.Background(), &Options{Factory: e.F, Loc: time.UTC}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(e.Out.String(), id+"\t") || !strings.Contains(e.Out.String(), "\tExample Co.\n") {
		t.Errorf("out: %q", e.Out)
	}
}
