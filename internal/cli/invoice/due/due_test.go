package due

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/invoice"
)

func TestNewCmdDue(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdDue, "--within", "2d", "--fail-on-overdue")
	if err != nil || opts.Within != 48*time.Hour || !opts.FailOnOverdue {
		t.Fatalf("%+v %v", opts, err)
	}
	if _, err := clitest.Parse(t, NewCmdDue, "--within", "soon"); clitest.ExitCode(err) != 2 {
		t.Errorf("bad duration: %v", err)
	}
}

func Test_dueRun(t *testing.T) {
	e := clitest.New(t)
	id := e.InvoiceRequest(t, e.Listed(t, "Invoice Helper").Code)
	opts := &Options{Factory: e.F, Within: invoice.Window, Loc: time.UTC, FailOnOverdue: true}
	if err := dueRun(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(e.Out.String(), id+"\t") {
		t.Errorf("out: %q", e.Out)
	}
	// Eight days on, the request is overdue: exit 3 with --fail-on-overdue.
	if _, err := e.Client(t).AdvanceClock(context.Background(), "8d"); err != nil {
		t.Fatal(err)
	}
	e.Reset()
	if err := dueRun(context.Background(), opts); clitest.ExitCode(err) != 3 || !strings.Contains(e.Out.String(), "overdue") {
		t.Errorf("overdue: %v\n%s", err, e.Out)
	}
}
