package show

import (
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdShow(t *testing.T) {
	e := clitest.New(t)
	p := e.Listed(t, "Invoice Helper")
	if err := e.Exec(NewCmdShow(e.F), p.Code); err != nil || e.Out.String() != "1m 1y\n" {
		t.Errorf("%v %q", err, e.Out)
	}
	if err := e.Exec(NewCmdShow(e.F), "nope"); clitest.ExitCode(err) != 2 {
		t.Errorf("not a code: %v", err)
	}
}
