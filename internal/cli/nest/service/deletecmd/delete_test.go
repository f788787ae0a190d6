package deletecmd

import (
	"context"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdDelete(t *testing.T) {
	if _, err := clitest.Parse(t, NewCmdDelete, "service-0e6fca6a51a54420"); clitest.ExitCode(err) != 2 {
		t.Errorf("no --version: %v", err)
	}
}

func Test_deleteRun(t *testing.T) {
	e := clitest.New(t)
	e.F.Global.Yes = true
	online := e.NestService(t, "在线")
	e.NestStep(t, online, "submit", "approve", "launch")
	if err := deleteRun(context.Background(), &Options{Factory: e.F, ID: online, Version: "1"}); clitest.ExitCode(err) != 3 {
		t.Errorf("online: %v", err)
	}
	draft := e.NestService(t, "草稿")
	if err := deleteRun(context.Background(), &Options{Factory: e.F, ID: draft, Version: "1"}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Client(t).GetService(context.Background(), draft, ""); clitest.ExitCode(err) != 5 {
		t.Errorf("deleted: %v", err)
	}
}
