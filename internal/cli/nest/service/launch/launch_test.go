package launch

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/cli/nest/shared"
)

func TestNewCmdLaunch(t *testing.T) {
	if opts, err := clitest.Parse(t, NewCmdLaunch, "service-0e6fca6a51a54420", "--beta"); err != nil || !opts.Beta {
		t.Fatalf("%+v %v", opts, err)
	}
}

func Test_launchRun(t *testing.T) {
	e := clitest.New(t)
	id := e.NestService(t, "示例")
	// A draft cannot be launched: refused before anything is sent, with the next step.
	err := launchRun(context.Background(), &Options{Factory: e.F, ID: id})
	if clitest.ExitCode(err) != 3 || !strings.Contains(err.Error(), "cannot launch") {
		t.Errorf("draft: %v", err)
	}
	// A version the service does not have is not found (exit 5), not refused for its status.
	err = launchRun(context.Background(), &Options{Factory: e.F, ID: id, Version: "9"})
	if clitest.ExitCode(err) != 5 {
		t.Errorf("version 9: exit %d %v", clitest.ExitCode(err), err)
	}
	e.NestStep(t, id, "submit", "approve")
	if err := launchRun(context.Background(), &Options{Factory: e.F, ID: id, Beta: true}); err != nil || !strings.Contains(e.Out.String(), "Beta") {
		t.Fatalf("beta: %v %s", err, e.Out)
	}
	e.Reset()
	shared.Poll = 50 * time.Millisecond
	// --wait follows Launching until Online (the sandbox takes 2 s).
	if err := launchRun(context.Background(), &Options{Factory: e.F, ID: id, Wait: true, Timeout: time.Minute}); err != nil || !strings.Contains(e.Out.String(), "Status\tOnline") {
		t.Errorf("launch: %v %s", err, e.Out)
	}
}
