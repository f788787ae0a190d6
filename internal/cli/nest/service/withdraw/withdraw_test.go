package withdraw

import (
	"context"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdWithdraw(t *testing.T) {
	if opts, err := clitest.Parse(t, NewCmdWithdraw, "service-0e6fca6a51a54420", "--version", "1"); err != nil || opts.Version != "1" {
		t.Fatalf("%+v %v", opts, err)
	}
}

func Test_withdrawRun(t *testing.T) {
	e := clitest.New(t)
	id := e.NestService(t, "示例")
	// A draft has nothing to withdraw.
	if err := withdrawRun(context.Background(), &Options{Factory: e.F, ID: id}); clitest.ExitCode(err) != 3 {
		t.Errorf("draft: %v", err)
	}
	// In review: back to Draft.
	e.NestStep(t, id, "submit")
	if err := withdrawRun(context.Background(), &Options{Factory: e.F, ID: id}); err != nil || !strings.Contains(e.Out.String(), "Status\tDraft") {
		t.Fatalf("in review: %v %s", err, e.Out)
	}
	// Online: offline.
	e.NestStep(t, id, "submit", "approve", "launch")
	e.Reset()
	if err := withdrawRun(context.Background(), &Options{Factory: e.F, ID: id}); err != nil || !strings.Contains(e.Out.String(), "Status\tOffline") {
		t.Errorf("online: %v %s", err, e.Out)
	}
}
