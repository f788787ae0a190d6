package list

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdList(t *testing.T) {
	if opts, err := clitest.Parse(t, NewCmdList, "--product", "cmgj1"); err != nil || opts.Product != "cmgj1" {
		t.Fatalf("%+v %v", opts, err)
	}
}

func Test_listRun(t *testing.T) {
	e := clitest.New(t)
	a := e.Purchase(t, e.Listed(t, "A").Code)
	other := e.Listed(t, "B").Code
	e.Purchase(t, other)
	if err := listRun(context.Background(), &Options{Factory: e.F, Product: other}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(e.Out.String(), strconv.FormatInt(a.OrderId, 10)) || strings.Count(e.Out.String(), "\n") != 1 {
		t.Errorf("--product keeps one product's orders: %q", e.Out)
	}
}
