package get

import (
	"context"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/market"
)

func TestNewCmdGet(t *testing.T) {
	if opts, err := clitest.Parse(t, NewCmdGet, "bdl-1"); err != nil || opts.ID != "bdl-1" {
		t.Fatalf("%+v %v", opts, err)
	}
	if _, err := clitest.Parse(t, NewCmdGet); clitest.ExitCode(err) != 2 {
		t.Errorf("no ID: %v", err)
	}
}

func Test_getRun(t *testing.T) {
	e := clitest.New(t)
	a, b := e.Listed(t, "A"), e.Listed(t, "B")
	bd, err := e.Client(t).CreateBundle(context.Background(), market.BundleInput{Name: "Suite", Products: []string{a.Code, b.Code}, Discount: "10%"}, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := getRun(context.Background(), &Options{Factory: e.F, ID: bd.BundleId}); err != nil || !strings.HasPrefix(e.Out.String(), bd.BundleId+"\tSuite\t") {
		t.Errorf("%v %q", err, e.Out)
	}
	if err := getRun(context.Background(), &Options{Factory: e.F, ID: "bdl-none"}); clitest.ExitCode(err) != 5 {
		t.Errorf("unknown bundle: %v", err)
	}
}
