package nodes

import (
	"context"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func Test_nodesRun(t *testing.T) {
	if _, err := clitest.Parse(t, NewCmdNodes, "x"); clitest.ExitCode(err) != 2 {
		t.Errorf("not a number: %v", err)
	}
	e := clitest.New(t)
	inst := e.Delivering(t)
	if err := nodesRun(context.Background(), &Options{Factory: e.F, Instance: inst}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(e.Out.String()), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[0], "1\t") || !strings.Contains(lines[0], "买家下单\tmarketplace\tFinish") ||
		!strings.Contains(lines[1], "部署\tseller\tStarting\t访问地址*") || !strings.Contains(lines[2], "验收\tbuyer\tWaiting\t验收意见") {
		t.Fatalf("rows:\n%s", e.Out)
	}
	e.Reset()
	e.F.Global.Output = "json"
	if err := nodesRun(context.Background(), &Options{Factory: e.F, Instance: inst}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(e.Out.String(), `"key": "TFD0"`) || !strings.Contains(e.Out.String(), `"required": true`) {
		t.Errorf("json should give field keys:\n%s", e.Out)
	}
}
