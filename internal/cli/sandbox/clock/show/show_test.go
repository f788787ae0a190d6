package show

import (
	"context"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdShow(t *testing.T) {
	if _, err := clitest.Parse(t, NewCmdShow, "a", "b"); clitest.ExitCode(err) != 2 {
		t.Errorf("two arguments: %v", err)
	}
}

func Test_showRun(t *testing.T) {
	e := clitest.New(t)
	opts := &Options{Factory: e.F}
	if err := showRun(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(e.Out.String(), "Offset\t0s\n") {
		t.Errorf("out:\n%s", e.Out)
	}
}
