package delivery

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestDelivery(t *testing.T) {
	e := clitest.New(t)
	inst := e.Delivering(t)
	c := e.Client(t)
	ctx := context.Background()
	for _, bad := range [][]string{{inst}, {inst, "--as", "robot", "--message", "x"}} {
		if err := e.Exec(NewCmdDelivery(e.F), bad...); clitest.ExitCode(err) != 2 {
			t.Errorf("%v: %v", bad, err)
		}
	}
	// The seller's console upload, then the seller finishes; the buyer writes and accepts.
	report := filepath.Join(t.TempDir(), "report.pdf")
	os.WriteFile(report, []byte("%PDF-1.4"), 0o600)
	if err := e.Exec(NewCmdDelivery(e.F), inst, "--as", "seller", "--attach", report, "--note", "部署报告"); err != nil {
		t.Fatal(err)
	}
	cur, _ := c.CurrentNode(ctx, inst)
	if err := c.ProjectStep(ctx, "FinishCurrentProjectNode", inst, cur.NodeId, `{"TFD0":"https://a"}`, ""); err != nil {
		t.Fatal(err)
	}
	if err := e.Exec(NewCmdDelivery(e.F), inst, "--finish", "--field", "没有的字段=x"); clitest.ExitCode(err) != 2 {
		t.Errorf("an unknown field: %v", err)
	}
	if err := e.Exec(NewCmdDelivery(e.F), inst, "--message", "已验收", "--finish", "--field", "验收意见=通过"); err != nil {
		t.Fatal(err)
	}
	nodes, _ := c.ProjectNodes(ctx, inst)
	atts, _ := c.ProjectAttachments(ctx, inst)
	if nodes[2].NodeStatus != "Finish" || nodes[3].NodeStatus != "Starting" || len(atts) != 1 || atts[0].Content != "部署报告" {
		t.Fatalf("nodes %+v, attachments %+v", nodes, atts)
	}
	// The seller's node is not the buyer's to finish.
	if err := e.Exec(NewCmdDelivery(e.F), inst, "--finish"); clitest.ExitCode(err) != 6 {
		t.Errorf("the buyer finishing the seller's node: %v", err)
	}
}
