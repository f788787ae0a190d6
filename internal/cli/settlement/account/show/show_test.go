package show

import (
	"context"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdShow(t *testing.T) {
	if _, err := clitest.Parse(t, NewCmdShow, "x"); clitest.ExitCode(err) != 2 {
		t.Errorf("an argument: %v", err)
	}
}

func Test_showRun(t *testing.T) {
	e := clitest.New(t)
	if err := showRun(context.Background(), &Options{Factory: e.F}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(e.Out.String(), "Status\tNONE\n") {
		t.Errorf("out:\n%s", e.Out)
	}
}
