package export

import (
	"context"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdExport(t *testing.T) {
	if _, err := clitest.Parse(t, NewCmdExport, "x"); clitest.ExitCode(err) != 2 {
		t.Errorf("an argument: %v", err)
	}
}

func Test_exportRun(t *testing.T) {
	e := clitest.New(t)
	p := e.Listed(t, "Invoice Helper")
	if err := exportRun(context.Background(), &Options{Factory: e.F}); err != nil {
		t.Fatal(err)
	}
	out := e.Out.String()
	if !strings.Contains(out, "kind: Listing") || !strings.Contains(out, p.Code) {
		t.Errorf("out:\n%s", out)
	}
}
