package delist

import (
	"context"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdDelist(t *testing.T) {
	if opts, err := clitest.Parse(t, NewCmdDelist, "cmgj10000001"); err != nil || opts.Code != "cmgj10000001" {
		t.Fatalf("%+v %v", opts, err)
	}
	for _, bad := range [][]string{{}, {"nope"}} {
		if _, err := clitest.Parse(t, NewCmdDelist, bad...); clitest.ExitCode(err) != 2 {
			t.Errorf("%v: %v", bad, err)
		}
	}
}

func Test_delistRun(t *testing.T) {
	e := clitest.New(t)
	e.F.Global.Yes = true
	if err := delistRun(context.Background(), &Options{Factory: e.F, Code: "cmgj10009999"}); clitest.ExitCode(err) != 5 {
		t.Errorf("an unknown product: %v", err)
	}
	p := e.Listed(t, "Invoice Helper")
	err := delistRun(context.Background(), &Options{Factory: e.F, Code: p.Code})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := e.Client(t).GetProduct(context.Background(), p.Code); got.Status != "DELISTED" {
		t.Errorf("status %s", got.Status)
	}
}
