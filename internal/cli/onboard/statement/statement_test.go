package statement

import (
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdStatement(t *testing.T) {
	e := clitest.New(t)
	if err := e.Exec(NewCmdStatement(e.F), "--company", "杭州示例科技有限公司", "--date", "2026-12-01", "--format", "html"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(e.Out.String(), "杭州示例科技有限公司") || !strings.Contains(e.Out.String(), "<html") {
		t.Errorf("out: %.200s", e.Out)
	}
	for _, bad := range [][]string{{}, {"--company", "x", "--date", "tomorrow"}, {"--company", "x", "--format", "pdf"}} {
		if err := e.Exec(NewCmdStatement(e.F), bad...); clitest.ExitCode(err) != 2 {
			t.Errorf("%v: %v", bad, err)
		}
	}
}
