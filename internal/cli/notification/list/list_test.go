package list

import (
	"context"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdList(t *testing.T) {
	if _, err := clitest.Parse(t, NewCmdList, "x"); clitest.ExitCode(err) != 2 {
		t.Errorf("an argument: %v", err)
	}
}

func Test_listRun(t *testing.T) {
	e := clitest.New(t, "MKT_OUTPUT", "json")
	if err := listRun(context.Background(), &Options{Factory: e.F}); err != nil {
		t.Fatal(err)
	}
	if e.Out.String() != "[]\n" {
		t.Errorf("none failed: %q", e.Out)
	}
}
