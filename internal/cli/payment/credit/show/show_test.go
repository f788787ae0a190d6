package show

import (
	"context"
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
	p := e.Listed(t, "Invoice Helper")
	if err := showRun(context.Background(), &Options{Factory: e.F}); err != nil {
		t.Fatal(err)
	}
	if e.Out.String() != p.Code+"\tInvoice Helper\tenabled\n" {
		t.Errorf("listed products take credit by default: %q", e.Out)
	}
}
