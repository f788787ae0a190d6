package edit

import (
	"context"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/market"
)

func TestNewCmdEdit(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdEdit, "cmgj10000001", "--name", "New name")
	if err != nil || opts.Code != "cmgj10000001" || opts.Input.Name == nil || *opts.Input.Name != "New name" {
		t.Fatalf("%+v %v", opts, err)
	}
	if _, err := clitest.Parse(t, NewCmdEdit, "cmgj10000001"); clitest.ExitCode(err) != 2 {
		t.Errorf("nothing to change: %v", err)
	}
}

// A listed product cannot be edited (exit 3: delist it or have it rejected first); a draft can.
func Test_editRun(t *testing.T) {
	e := clitest.New(t)
	listed := e.Listed(t, "Listed")
	lopts, _ := clitest.Parse(t, NewCmdEdit, listed.Code, "--name", "Renamed")
	lopts.Factory = e.F
	if err := editRun(context.Background(), lopts); clitest.ExitCode(err) != 3 {
		t.Errorf("editing a listed product: %v", err)
	}
	name := "Invoice Helper"
	p, err := e.Client(t).CreateProduct(context.Background(), market.ProductInput{Type: "SAAS", Name: &name}, "")
	if err != nil {
		t.Fatal(err)
	}
	opts, err := clitest.Parse(t, NewCmdEdit, p.Code, "--name", "Invoice Helper Pro")
	if err != nil {
		t.Fatal(err)
	}
	opts.Factory = e.F
	if err := editRun(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	got, _ := e.Client(t).GetProduct(context.Background(), p.Code)
	if got.Name != "Invoice Helper Pro" {
		t.Errorf("name %q", got.Name)
	}
}
