package set

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdSet(t *testing.T) {
	e := clitest.New(t)
	dir := t.TempDir()
	exe := filepath.Join(dir, "agreement.exe")
	os.WriteFile(exe, []byte("MZ"), 0o600)
	for _, bad := range [][]string{{"cmgj10000001"}, {"cmgj10000001", "--template", "t", "--file", "f.pdf"}, {"cmgj10000001", "--file", exe},
		{"cmgj10000001", "--template", "saas-standard-zh", "--date", "2026/12/01"}, {"cmgj10000001", "--template", "saas-standard-zh", "--set", "30"}} {
		if err := e.Exec(NewCmdSet(e.F), bad...); clitest.ExitCode(err) != 2 {
			t.Errorf("%v: %v", bad, err)
		}
	}
}

// A template filled from the flags becomes the product's agreement: the text uploaded has no
// blank left, the product's own name and the company in it, beside the template's ID.
func TestSetFillsTheTemplate(t *testing.T) {
	e := clitest.New(t)
	c := e.Client(t)
	p, err := c.CreateProduct(context.Background(), clitest.LicenseInput("Invoice Helper"), "")
	if err != nil {
		t.Fatal(err)
	}
	err = e.Exec(NewCmdSet(e.F), p.Code, "--template", "saas-standard-zh", "--company", "杭州示例科技有限公司", "--support", "工单系统", "--date", "2026-12-01")
	if err != nil {
		t.Fatalf("%v\n%s", err, e.ErrOut)
	}
	got, err := c.GetProduct(context.Background(), p.Code)
	if err != nil || got.Agreement == nil || got.Agreement.TemplateId != "saas-standard-zh" || got.Agreement.FileId == "" {
		t.Fatalf("%+v %v", got.Agreement, err)
	}
	if !strings.Contains(e.ErrOut.String(), "9:00–18:00") {
		t.Errorf("the kept suggested value is not said: %s", e.ErrOut)
	}
	// A service template does not fit a SaaS product (exit 3), nothing uploaded.
	if err := e.Exec(NewCmdSet(e.F), p.Code, "--template", "service-standard-zh", "--company", "X"); clitest.ExitCode(err) != 3 {
		t.Errorf("service template on a SaaS product: %v", err)
	}
}
