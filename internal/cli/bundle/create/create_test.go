package create

import (
	"context"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/market"
)

func TestNewCmdCreate(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdCreate, "--name", "Suite", "--product", "cmgj10000001", "--product", "cmapi10000002", "--discount", "10%")
	if err != nil || opts.Bundle.Name != "Suite" || len(opts.Bundle.Products) != 2 || opts.Bundle.Discount != "10%" {
		t.Fatalf("%+v %v", opts, err)
	}
	for _, c := range []struct {
		args []string
		code int
	}{
		{[]string{"--product", "cmgj10000001", "--product", "cmapi10000002"}, 2},                                                    // no name
		{[]string{"--name", "S", "--product", "cmgj10000001"}, 3},                                                                   // one product
		{[]string{"--name", "S", "--product", "cmgj10000001", "--product", "x"}, 2},                                                 // not a code
		{[]string{"--name", "S", "--product", "cmgj10000001", "--product", "cmapi10000002", "--discount", "1%", "--price", "9"}, 2}, // both: malformed input
	} {
		if _, err := clitest.Parse(t, NewCmdCreate, c.args...); clitest.ExitCode(err) != c.code {
			t.Errorf("%v: %v (want exit %d)", c.args, err, c.code)
		}
	}
}

func Test_createRun(t *testing.T) {
	e := clitest.New(t)
	a, b := e.Listed(t, "A"), e.Listed(t, "B")
	if err := createRun(context.Background(), &Options{Factory: e.F, Bundle: market.BundleInput{Name: "Suite", Products: []string{a.Code, b.Code}, Discount: "10%"}}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(e.Out.String(), "bdl-") {
		t.Errorf("in a pipe, the new bundle's ID alone: %q", e.Out)
	}
}
