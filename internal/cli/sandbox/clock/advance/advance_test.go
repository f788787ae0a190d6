package advance

import (
	"context"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdAdvance(t *testing.T) {
	if _, err := clitest.Parse(t, NewCmdAdvance, "a", "b"); clitest.ExitCode(err) != 2 {
		t.Errorf("two arguments: %v", err)
	}
}

func Test_advanceRun(t *testing.T) {
	e := clitest.New(t)
	opts := &Options{Factory: e.F}
	opts.Duration = "6d"
	if err := advanceRun(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(e.Out.String(), "Offset\t6d\n") {
		t.Errorf("out:\n%s", e.Out)
	}
}

func TestNewCmdAdvanceRefusesBackwards(t *testing.T) {
	for _, d := range []string{"-1d", "0s", "soon"} {
		if _, err := clitest.Parse(t, NewCmdAdvance, "--", d); clitest.ExitCode(err) != 2 {
			t.Errorf("%s: %v", d, err)
		}
	}
}
