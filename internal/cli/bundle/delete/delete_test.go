package delete

import (
	"context"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/market"
)

func TestNewCmdDelete(t *testing.T) {
	if opts, err := clitest.Parse(t, NewCmdDelete, "bdl-1"); err != nil || opts.ID != "bdl-1" {
		t.Fatalf("%+v %v", opts, err)
	}
}

// Deleting asks first: without a terminal and --yes it is refused, and nothing is deleted.
func Test_deleteRun(t *testing.T) {
	e := clitest.New(t)
	a, b := e.Listed(t, "A"), e.Listed(t, "B")
	bd, err := e.Client(t).CreateBundle(context.Background(), market.BundleInput{Name: "Suite", Products: []string{a.Code, b.Code}, Discount: "10%"}, "")
	if err != nil {
		t.Fatal(err)
	}
	opts := &Options{Factory: e.F, ID: bd.BundleId}
	if err := deleteRun(context.Background(), opts); clitest.ExitCode(err) != 2 {
		t.Fatalf("without --yes: %v", err)
	}
	e.F.Global.Yes = true
	if err := deleteRun(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	if err := deleteRun(context.Background(), opts); clitest.ExitCode(err) != 5 {
		t.Errorf("deleted twice: %v", err)
	}
}
