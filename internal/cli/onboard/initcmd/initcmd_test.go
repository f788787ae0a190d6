package initcmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestInit(t *testing.T) {
	if _, err := clitest.Parse(t, NewCmdInit); clitest.ExitCode(err) != 2 {
		t.Errorf("no --company: %v", err)
	}
	e := clitest.New(t)
	dir := filepath.Join(t.TempDir(), "ob")
	if err := e.Exec(NewCmdInit(e.F, nil), "--company", "示例", "--dir", dir); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"onboarding.yaml", "plan.md", "statement.html"} {
		if b, err := os.ReadFile(filepath.Join(dir, name)); err != nil || len(b) == 0 {
			t.Errorf("%s: %v", name, err)
		}
	}
	// One file there already: nothing is written, the existing one is untouched.
	os.Remove(filepath.Join(dir, "plan.md"))
	os.WriteFile(filepath.Join(dir, "onboarding.yaml"), []byte("mine"), 0o644)
	err := e.Exec(NewCmdInit(e.F, nil), "--company", "示例", "--dir", dir)
	if clitest.ExitCode(err) != 2 || !strings.Contains(err.Error(), "onboarding.yaml") {
		t.Errorf("exists: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "onboarding.yaml")); string(b) != "mine" {
		t.Error("an existing file was overwritten")
	}
	if _, err := os.Stat(filepath.Join(dir, "plan.md")); !os.IsNotExist(err) {
		t.Error("a file was written although the run was refused")
	}
}
