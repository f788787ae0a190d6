package apply

import (
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdApply(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdApply, "-f", "listing.yaml", "--submit", "--wait", "--parallel", "8")
	if err != nil || opts.File != "listing.yaml" || !opts.Submit || !opts.Wait || opts.Parallel != 8 {
		t.Fatalf("%+v %v", opts, err)
	}
	for _, bad := range [][]string{{}, {"-f", "l.yaml", "--wait"}, {"-f", "l.yaml", "--parallel", "0"}} {
		if _, err := clitest.Parse(t, NewCmdApply, bad...); clitest.ExitCode(err) != 2 {
			t.Errorf("%v: %v", bad, err)
		}
	}
}
