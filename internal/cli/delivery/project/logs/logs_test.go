package logs

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func Test_logsRun(t *testing.T) {
	if _, err := clitest.Parse(t, NewCmdLogs, "x"); clitest.ExitCode(err) != 2 {
		t.Errorf("not a number: %v", err)
	}
	e := clitest.New(t)
	inst := e.Delivering(t)
	c := e.Client(t)
	cur, _ := c.CurrentNode(context.Background(), inst)
	if err := c.ProjectStep(context.Background(), "PauseProject", inst, cur.NodeId, "", "等一下"); err != nil {
		t.Fatal(err)
	}
	e.F.Global.Output = "json"
	if err := logsRun(context.Background(), &Options{Factory: e.F, Instance: inst}); err != nil {
		t.Fatal(err)
	}
	var rows []struct{ At, Role, Operator, Text string }
	if err := json.Unmarshal(e.Out.Bytes(), &rows); err != nil || len(rows) != 2 || rows[0].Role != "System" ||
		rows[1].Role != "Provider" || rows[1].Text != "项目已暂停（节点「部署」）：等一下" || rows[1].At == "" {
		t.Fatalf("%+v %v\n%s", rows, err, e.Out)
	}
}
