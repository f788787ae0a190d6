package rollback

import (
	"context"
	"strconv"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/market"
)

func TestNewCmdRollback(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdRollback, "10000001", "--node", "8002", "--remark", "why")
	if err != nil || opts.Instance != "10000001" || opts.Node != 8002 || opts.Remark != "why" {
		t.Fatalf("%+v %v", opts, err)
	}
	for _, bad := range [][]string{{"abc"}, {}, {"1", "--node", "x"}} {
		if _, err := clitest.Parse(t, NewCmdRollback, bad...); clitest.ExitCode(err) != 2 {
			t.Errorf("%v: %v", bad, err)
		}
	}
}

func TestRollback(t *testing.T) {
	e := clitest.New(t)
	inst := e.Delivering(t)
	c := e.Client(t)
	ctx := context.Background()
	// The first step cannot be sent back (the step before is the order): a conflict.
	if err := e.Exec(NewCmdRollback(e.F, nil), inst); clitest.ExitCode(err) != 6 {
		t.Fatalf("rolling back the first step: %v", err)
	}
	f, _ := c.UploadFile(ctx, "r.pdf", []byte("%PDF-1.4"), "")
	c.ProjectAct(ctx, inst, market.ProjectAct{Role: "seller", FileID: f.FileId})
	nodes, _ := c.ProjectNodes(ctx, inst)
	if err := c.ProjectStep(ctx, "FinishCurrentProjectNode", inst, nodes[1].NodeId, `{"TFD0":"https://a"}`, ""); err != nil {
		t.Fatal(err)
	}
	e.Reset()
	if err := e.Exec(NewCmdRollback(e.F, nil), inst, "--remark", "地址写错了"); err != nil {
		t.Fatal(err)
	}
	cur, _ := c.CurrentNode(ctx, inst)
	if cur.NodeId != nodes[1].NodeId {
		t.Fatalf("current after rollback: %+v", cur)
	}
	// Run again with the same node: it is no longer current, and a rollback is never taken
	// as done before — a conflict, nothing sent twice.
	if err := e.Exec(NewCmdRollback(e.F, nil), inst, "--node", strconv.FormatInt(nodes[2].NodeId, 10)); clitest.ExitCode(err) != 6 {
		t.Errorf("second rollback: %v", err)
	}
}
