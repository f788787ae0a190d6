package service

import (
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdService(t *testing.T) {
	e := clitest.New(t)
	id := e.NestService(t, "示例")
	e.NestStep(t, id, "submit")
	if err := e.Exec(NewCmdService(e.F), id, "--reject", "--reason", "no outputs"); err != nil {
		t.Fatal(err)
	}
	if out := e.Out.String(); !strings.Contains(out, "Status\tDraft") || !strings.Contains(out, "no outputs") {
		t.Errorf("%s", out)
	}
	// Nothing in review now; bad flags.
	if err := e.Exec(NewCmdService(e.F), id, "--approve"); clitest.ExitCode(err) != 3 {
		t.Errorf("not in review: %v", err)
	}
	for _, bad := range [][]string{{id}, {id, "--reject"}, {"x", "--approve"}} {
		if err := e.Exec(NewCmdService(e.F), bad...); clitest.ExitCode(err) != 2 {
			t.Errorf("%v: %v", bad, err)
		}
	}
}
