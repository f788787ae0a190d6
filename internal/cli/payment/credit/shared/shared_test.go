package shared

import (
	"context"
	"testing"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

func newDisable(f *cmdutil.Factory, runF func(*ToggleOptions) error) *cobra.Command {
	return NewCmdToggle(f, false, "disable", "", runF)
}

func TestNewCmdToggle(t *testing.T) {
	opts, err := clitest.Parse(t, newDisable, "--product", "cmgj10000001")
	if err != nil || opts.Product != "cmgj10000001" || opts.Enabled {
		t.Fatalf("%+v %v", opts, err)
	}
	if _, err := clitest.Parse(t, newDisable, "--product", "not-a-code"); clitest.ExitCode(err) != 2 {
		t.Errorf("bad code: %v", err)
	}
}

func Test_toggleRun(t *testing.T) {
	e := clitest.New(t)
	p := e.Listed(t, "Invoice Helper")
	if err := toggleRun(context.Background(), &ToggleOptions{Factory: e.F, Product: p.Code}); err != nil {
		t.Fatal(err)
	}
	if e.Out.String() != p.Code+"\tInvoice Helper\tdisabled\n" {
		t.Errorf("out: %q", e.Out)
	}
}
