package show

import (
	"context"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdShow(t *testing.T) {
	if opts, err := clitest.Parse(t, NewCmdShow, "cmgj10000001"); err != nil || opts.Code != "cmgj10000001" {
		t.Fatalf("%+v %v", opts, err)
	}
}

func Test_showRun(t *testing.T) {
	e := clitest.New(t, "MKT_OUTPUT", "json")
	p := e.Listed(t, "Invoice Helper")
	if err := showRun(context.Background(), &Options{Factory: e.F, Code: p.Code}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(e.Out.String(), `"locked": true`) {
		t.Errorf("a listed product's endpoint is locked: %s", e.Out)
	}
}
