package get

import (
	"context"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdGet(t *testing.T) {
	if opts, err := clitest.Parse(t, NewCmdGet, "artifact-8b1c0d2e3f4a5b6c7d8e", "--version", "2"); err != nil || opts.Version != "2" {
		t.Fatalf("%+v %v", opts, err)
	}
}

func Test_getRun(t *testing.T) {
	e := clitest.New(t)
	if err := getRun(context.Background(), &Options{Factory: e.F, ID: "artifact-ffffffffffffffffffff"}); clitest.ExitCode(err) != 5 {
		t.Errorf("unknown: %v", err)
	}
}
