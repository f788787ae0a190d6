package list

import (
	"context"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdList(t *testing.T) {
	if opts, err := clitest.Parse(t, NewCmdList, "--status", "pause"); err != nil || opts.Status != "Pause" {
		t.Fatalf("%+v %v", opts, err)
	}
	if _, err := clitest.Parse(t, NewCmdList, "--status", "Done"); clitest.ExitCode(err) != 2 {
		t.Errorf("unknown status: %v", err)
	}
}

func Test_listRun(t *testing.T) {
	e := clitest.New(t)
	a, b := e.Delivering(t), e.Delivering(t)
	e.Purchase(t, e.Listed(t, "Licence, no project").Code)
	c := e.Client(t)
	cur, _ := c.CurrentNode(context.Background(), b)
	if err := c.ProjectStep(context.Background(), "PauseProject", b, cur.NodeId, "", ""); err != nil {
		t.Fatal(err)
	}
	if err := listRun(context.Background(), &Options{Factory: e.F}); err != nil {
		t.Fatal(err)
	}
	out := e.Out.String()
	if strings.Count(out, "\n") != 2 || !strings.Contains(out, a+"\t") || !strings.Contains(out, b+"\t") || !strings.Contains(out, "\tPause\t2/4\t") {
		t.Fatalf("out:\n%s", out)
	}
	e.Reset()
	if err := listRun(context.Background(), &Options{Factory: e.F, Status: "Pause"}); err != nil {
		t.Fatal(err)
	}
	if strings.Count(e.Out.String(), "\n") != 1 || !strings.HasPrefix(e.Out.String(), b+"\t") {
		t.Fatalf("--status Pause:\n%s", e.Out)
	}
}
