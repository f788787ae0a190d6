package finish

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/market"
)

func TestNewCmdFinish(t *testing.T) {
	form := filepath.Join(t.TempDir(), "form.yaml")
	os.WriteFile(form, []byte("访问地址: https://a.example.com\nTFD1: 1\n"), 0o600)
	opts, err := clitest.Parse(t, NewCmdFinish, "10000001", "--node", "8002", "--form-file", form, "--field", "TFD1=x=y", "--remark", "ok")
	if err != nil || opts.Instance != "10000001" || opts.Node != 8002 || opts.Remark != "ok" ||
		opts.Values["访问地址"] != "https://a.example.com" || opts.Values["TFD1"] != "x=y" {
		t.Fatalf("%+v %v", opts, err)
	}
	os.WriteFile(form, []byte("- a\n- b\n"), 0o600)
	for _, bad := range [][]string{{"abc"}, {"1", "--field", "novalue"}, {"1", "--field", "=v"}, {"1", "--form-file", form},
		{"1", "--form-file", filepath.Join(t.TempDir(), "missing.yaml")}} {
		if _, err := clitest.Parse(t, NewCmdFinish, bad...); clitest.ExitCode(err) != 2 {
			t.Errorf("%v: %v", bad, err)
		}
	}
}

func run(e *clitest.Env, inst string, args ...string) error {
	e.Reset()
	return e.Exec(NewCmdFinish(e.F, nil), append([]string{inst}, args...)...)
}

func TestFinish(t *testing.T) {
	e := clitest.New(t)
	inst := e.Delivering(t)
	c := e.Client(t)
	ctx := context.Background()

	// A field the node lacks: refused before sending, with the node's fields named.
	err := run(e, inst, "--field", "地址=x")
	if clitest.ExitCode(err) != 2 || !strings.Contains(e.ErrOut.String()+err.Error(), "地址") {
		t.Fatalf("unknown field: %v\n%s", err, e.ErrOut)
	}
	// The step needs an attachment; the seller uploads one in the console (played here).
	if err := run(e, inst, "--field", "访问地址=https://app.example.com"); clitest.ExitCode(err) != 2 {
		t.Fatalf("no attachment yet: %v", err)
	}
	f, _ := c.UploadFile(ctx, "report.pdf", []byte("%PDF-1.4"), "")
	if err := c.ProjectAct(ctx, inst, market.ProjectAct{Role: "seller", FileID: f.FileId}); err != nil {
		t.Fatal(err)
	}
	if err := run(e, inst, "--field", "访问地址=https://app.example.com", "--remark", "已部署"); err != nil {
		t.Fatalf("finish: %v\n%s", err, e.ErrOut)
	}
	if !strings.Contains(e.ErrOut.String(), "部署") || !strings.Contains(e.ErrOut.String(), "验收") {
		t.Errorf("stderr should name the finished and the next node:\n%s", e.ErrOut)
	}
	nodes, _ := c.ProjectNodes(ctx, inst)
	deploy := nodes[1].NodeId
	if !strings.Contains(nodes[1].TemplateForm, "https://app.example.com") || nodes[1].NodeStatus != "Finish" {
		t.Fatalf("node after finish: %+v", nodes[1])
	}
	// Run again: already finished, nothing sent, exit 0; -o json says so.
	e.F.Global.Output = "json"
	if err := run(e, inst, "--node", itoa(deploy), "--field", "访问地址=https://app.example.com"); err != nil {
		t.Fatalf("rerun: %v", err)
	}
	if !strings.Contains(e.Out.String(), `"already": true`) {
		t.Errorf("rerun json:\n%s", e.Out)
	}
	e.F.Global.Output = ""
	// The buyer's node is not the seller's to finish: a conflict (6).
	if err := run(e, inst); clitest.ExitCode(err) != 6 {
		t.Errorf("the buyer's node: %v", err)
	}
	// A node that is not current and was never finished.
	if err := run(e, inst, "--node", itoa(nodes[3].NodeId)); clitest.ExitCode(err) != 6 {
		t.Errorf("a later node: %v", err)
	}
	// An unknown instance: not found (5), as the marketplace answers IllegalPermission.
	if err := run(e, "99999999"); clitest.ExitCode(err) != 5 {
		t.Errorf("an unknown instance: %v", err)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
