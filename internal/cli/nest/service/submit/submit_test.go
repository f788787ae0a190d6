package submit

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/cli/nest/shared"
)

func TestNewCmdSubmit(t *testing.T) {
	if opts, err := clitest.Parse(t, NewCmdSubmit, "service-0e6fca6a51a54420", "--wait", "--wait-timeout", "1h"); err != nil || !opts.Wait || opts.Timeout != time.Hour {
		t.Fatalf("%+v %v", opts, err)
	}
}

func Test_submitRun(t *testing.T) {
	e := clitest.New(t)
	id := e.NestService(t, "示例")
	if err := submitRun(context.Background(), &Options{Factory: e.F, ID: id}); err != nil || !strings.Contains(e.Out.String(), "Submitted") {
		t.Fatalf("%v %s", err, e.Out)
	}
	// Nothing left to submit: exit 5 (no draft).
	if err := submitRun(context.Background(), &Options{Factory: e.F, ID: id}); clitest.ExitCode(err) != 5 {
		t.Errorf("again: %v", err)
	}
	// --wait on a rejection: exit 8 with the reason; still in review at the timeout: 11.
	e.NestStep(t, id, "reject")
	shared.Poll = time.Millisecond
	if err := submitRun(context.Background(), &Options{Factory: e.F, ID: id, Wait: true, Timeout: 20 * time.Millisecond}); clitest.ExitCode(err) != 11 {
		t.Errorf("pending: %v", err)
	}
}
