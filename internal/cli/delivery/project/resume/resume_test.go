package resume

import (
	"context"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdResume(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdResume, "10000001", "--node", "8002", "--remark", "why")
	if err != nil || opts.Instance != "10000001" || opts.Node != 8002 || opts.Remark != "why" {
		t.Fatalf("%+v %v", opts, err)
	}
	for _, bad := range [][]string{{"abc"}, {}, {"1", "--node", "x"}} {
		if _, err := clitest.Parse(t, NewCmdResume, bad...); clitest.ExitCode(err) != 2 {
			t.Errorf("%v: %v", bad, err)
		}
	}
}

func TestResume(t *testing.T) {
	e := clitest.New(t)
	inst := e.Delivering(t)
	c := e.Client(t)
	ctx := context.Background()
	cur, _ := c.CurrentNode(ctx, inst)
	if err := c.ProjectStep(ctx, "PauseProject", inst, cur.NodeId, "", ""); err != nil {
		t.Fatal(err)
	}
	if err := e.Exec(NewCmdResume(e.F, nil), inst, "--remark", "服务器已就绪"); err != nil {
		t.Fatal(err)
	}
	info, _ := c.ProjectInfo(ctx, inst)
	if info.ProjectStatus != "Starting" {
		t.Fatalf("status %s", info.ProjectStatus)
	}
	if err := e.Exec(NewCmdResume(e.F, nil), "99999999"); clitest.ExitCode(err) != 5 {
		t.Errorf("unknown instance: %v", err)
	}
}
