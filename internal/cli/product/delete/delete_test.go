package delete

import (
	"context"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdDelete(t *testing.T) {
	if opts, err := clitest.Parse(t, NewCmdDelete, "cmgj10000001"); err != nil || opts.Code != "cmgj10000001" {
		t.Fatalf("%+v %v", opts, err)
	}
	for _, bad := range [][]string{{}, {"nope"}} {
		if _, err := clitest.Parse(t, NewCmdDelete, bad...); clitest.ExitCode(err) != 2 {
			t.Errorf("%v: %v", bad, err)
		}
	}
}

func Test_deleteRun(t *testing.T) {
	e := clitest.New(t)
	e.F.Global.Yes = true
	if err := deleteRun(context.Background(), &Options{Factory: e.F, Code: "cmgj10009999"}); clitest.ExitCode(err) != 5 {
		t.Errorf("an unknown product: %v", err)
	}
	p := e.Listed(t, "Invoice Helper")
	err := deleteRun(context.Background(), &Options{Factory: e.F, Code: p.Code})
	if clitest.ExitCode(err) != 3 {
		t.Errorf("deleting a listed product: %v (delist it first)", err)
	}
}
