package get

import (
	"context"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdGet(t *testing.T) {
	if opts, err := clitest.Parse(t, NewCmdGet, "cmgj10000001"); err != nil || opts.Code != "cmgj10000001" {
		t.Fatalf("%+v %v", opts, err)
	}
	for _, bad := range [][]string{{}, {"nope"}} {
		if _, err := clitest.Parse(t, NewCmdGet, bad...); clitest.ExitCode(err) != 2 {
			t.Errorf("%v: %v", bad, err)
		}
	}
}

func Test_getRun(t *testing.T) {
	e := clitest.New(t)
	e.F.Global.Yes = true
	if err := getRun(context.Background(), &Options{Factory: e.F, Code: "cmgj10009999"}); clitest.ExitCode(err) != 5 {
		t.Errorf("an unknown product: %v", err)
	}
	p := e.Listed(t, "Invoice Helper")
	err := getRun(context.Background(), &Options{Factory: e.F, Code: p.Code})
	if err != nil || !strings.Contains(e.Out.String(), "Status\tLISTED\n") {
		t.Errorf("%v\n%s", err, e.Out)
	}
}
