package delist

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/market"
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

// Delisting a product that a sellable bundle holds is confirmed, naming the bundle: "n" changes
// nothing (ErrDeclined: exit 0), "y" delists; without a terminal it needs --yes.
func TestDelistConfirmsBundles(t *testing.T) {
	e := clitest.New(t)
	ctx := context.Background()
	a, b := e.Listed(t, "A"), e.Listed(t, "B")
	bundle, err := e.Client(t).CreateBundle(ctx, market.BundleInput{Name: "Suite", Products: []string{a.Code, b.Code}, Discount: "10%"}, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := delistRun(ctx, &Options{Factory: e.F, Code: a.Code}); clitest.ExitCode(err) != 2 || !strings.Contains(err.Error(), bundle.BundleId+" Suite") {
		t.Errorf("no terminal: %v", err)
	}
	e.TTY()
	e.IO.SetStdinTTY(true)
	e.In.WriteString("n\n")
	if err := delistRun(ctx, &Options{Factory: e.F, Code: a.Code}); !errors.Is(err, cmdutil.ErrDeclined) {
		t.Errorf("answered n: %v", err)
	}
	if !strings.Contains(e.ErrOut.String(), "1 sellable bundle(s) unsellable ("+bundle.BundleId+" Suite)") {
		t.Errorf("question: %s", e.ErrOut)
	}
	if got, _ := e.Client(t).GetProduct(ctx, a.Code); got.Status != "LISTED" {
		t.Errorf("declined, yet %s", got.Status)
	}
	e.In.WriteString("y\n")
	if err := delistRun(ctx, &Options{Factory: e.F, Code: a.Code}); err != nil {
		t.Fatal(err)
	}
	if got, _ := e.Client(t).GetProduct(ctx, a.Code); got.Status != "DELISTED" {
		t.Errorf("confirmed, yet %s", got.Status)
	}
}
