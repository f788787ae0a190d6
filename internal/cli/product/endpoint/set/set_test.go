package set

import (
	"context"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdSet(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdSet, "cmgj10000001", "https://isv.example.com/spi")
	if err != nil || opts.URL != "https://isv.example.com/spi" {
		t.Fatalf("%+v %v", opts, err)
	}
	for _, bad := range [][]string{{"cmgj10000001", "ftp://x"}, {"cmgj10000001"}} {
		if _, err := clitest.Parse(t, NewCmdSet, bad...); clitest.ExitCode(err) == 0 {
			t.Errorf("%v accepted", bad)
		}
	}
}

// A listed product's production URL cannot change (FAQ 三 Q1): exit 3, nothing changed.
func Test_setRun(t *testing.T) {
	e := clitest.New(t)
	p := e.Listed(t, "Invoice Helper")
	if err := setRun(context.Background(), &Options{Factory: e.F, Code: p.Code, URL: "https://isv.example.com/v2"}); clitest.ExitCode(err) != 3 {
		t.Errorf("listed: %v", err)
	}
}
