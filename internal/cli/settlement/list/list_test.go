package list

import (
	"context"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdList(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdList, "--status", "held_credit")
	if err != nil || opts.Status != "HELD_CREDIT" {
		t.Fatalf("%+v %v", opts, err)
	}
	if _, err := clitest.Parse(t, NewCmdList, "--status", "paid"); clitest.ExitCode(err) != 2 {
		t.Errorf("unknown status: %v", err)
	}
}

func Test_listRun(t *testing.T) {
	e := clitest.New(t)
	p := e.Listed(t, "Invoice Helper")
	e.Purchase(t, p.Code)
	if err := listRun(context.Background(), &Options{Factory: e.F}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(e.Out.String(), "\t"+p.Code+"\t") || !strings.Contains(e.Out.String(), "\tBALANCE\tSETTLED\t") {
		t.Errorf("out:\n%s", e.Out)
	}
}
