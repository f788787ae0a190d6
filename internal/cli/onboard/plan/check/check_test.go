package check

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/onboard"
)

// The template as printed is a plan with empty parts: refused (exit 2), every problem listed.
func TestNewCmdCheck(t *testing.T) {
	e := clitest.New(t)
	plan := filepath.Join(t.TempDir(), "plan.md")
	os.WriteFile(plan, []byte(onboard.Template(i18n.EN)), 0o600)
	if err := e.Exec(NewCmdCheck(e.F), plan); clitest.ExitCode(err) != 2 {
		t.Errorf("an unfilled template: %v", err)
	}
	if e.Out.Len() == 0 {
		t.Error("problems not listed")
	}
	if err := e.Exec(NewCmdCheck(e.F), filepath.Join(t.TempDir(), "missing.md")); clitest.ExitCode(err) != 2 {
		t.Errorf("a missing file: %v", err)
	}
}
