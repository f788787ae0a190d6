package list

import (
	"context"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdList(t *testing.T) {
	if _, err := clitest.Parse(t, NewCmdList, "--service", "x"); clitest.ExitCode(err) != 2 {
		t.Errorf("bad service: %v", err)
	}
}

func Test_listRun(t *testing.T) {
	e := clitest.New(t)
	id := e.NestService(t, "示例")
	e.NestStep(t, id, "submit", "approve", "launch")
	if _, err := e.Client(t).NestPurchase(context.Background(), id, 1001, "PayAsYouGo"); err != nil {
		t.Fatal(err)
	}
	if err := listRun(context.Background(), &Options{Factory: e.F, Service: id}); err != nil || !strings.Contains(e.Out.String(), id+"\t1\tDeployed\tPayAsYouGo\t1001\t") {
		t.Errorf("%v %s", err, e.Out)
	}
	e.Reset()
	if err := listRun(context.Background(), &Options{Factory: e.F, Status: "Deleted"}); err != nil || e.Out.String() != "" {
		t.Errorf("--status Deleted: %v %q", err, e.Out)
	}
}
