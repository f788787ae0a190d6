package get

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdGet(t *testing.T) {
	if opts, err := clitest.Parse(t, NewCmdGet, "200000000000001"); err != nil || opts.ID != "200000000000001" {
		t.Fatalf("%+v %v", opts, err)
	}
	if _, err := clitest.Parse(t, NewCmdGet, "x1"); clitest.ExitCode(err) != 2 {
		t.Errorf("not a number: %v", err)
	}
}

func Test_getRun(t *testing.T) {
	e := clitest.New(t)
	code := e.Listed(t, "Invoice Helper").Code
	p := e.Purchase(t, code)
	id := strconv.FormatInt(p.OrderId, 10)
	if err := getRun(context.Background(), &Options{Factory: e.F, ID: id}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(e.Out.String(), id+"\tNEW\t"+code+"\t") {
		t.Errorf("out: %q", e.Out)
	}
}
