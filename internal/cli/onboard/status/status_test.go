package status

import (
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdStatus(t *testing.T) {
	e := clitest.New(t)
	if err := e.Exec(NewCmdStatus(e.F)); err != nil || !strings.Contains(e.Out.String(), "mkt onboard submit") {
		t.Errorf("no application yet: %v %q", err, e.Out)
	}
	if err := e.Exec(NewCmdStatus(e.F), "x"); clitest.ExitCode(err) != 2 {
		t.Errorf("an argument: %v", err)
	}
}
