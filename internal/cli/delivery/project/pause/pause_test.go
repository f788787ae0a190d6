package pause

import (
	"context"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdPause(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdPause, "10000001", "--node", "8002", "--remark", "why")
	if err != nil || opts.Instance != "10000001" || opts.Node != 8002 || opts.Remark != "why" {
		t.Fatalf("%+v %v", opts, err)
	}
	for _, bad := range [][]string{{"abc"}, {}, {"1", "--node", "x"}} {
		if _, err := clitest.Parse(t, NewCmdPause, bad...); clitest.ExitCode(err) != 2 {
			t.Errorf("%v: %v", bad, err)
		}
	}
}

// Pause, pause again (already, nothing sent), then resume through the sibling command's
// shared step; a paused project refuses to be paused at another node.
func TestPause(t *testing.T) {
	e := clitest.New(t)
	inst := e.Delivering(t)
	if err := e.Exec(NewCmdPause(e.F, nil), inst, "--remark", "等待买家提供服务器"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(e.ErrOut.String(), "部署") {
		t.Errorf("stderr: %s", e.ErrOut)
	}
	e.Reset()
	if err := e.Exec(NewCmdPause(e.F, nil), inst); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(e.ErrOut.String(), "already") && !strings.Contains(e.ErrOut.String(), "此前") {
		t.Errorf("a second pause should say it was paused already: %s", e.ErrOut)
	}
	info, _ := e.Client(t).ProjectInfo(context.Background(), inst)
	if info.ProjectStatus != "Pause" {
		t.Fatalf("status %s", info.ProjectStatus)
	}
}
