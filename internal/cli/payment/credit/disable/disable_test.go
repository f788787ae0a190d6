package disable

import (
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdDisable(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdDisable, "--product", "cmgj10000001")
	if err != nil || opts.Product != "cmgj10000001" || opts.Enabled != ("disable" == "enable") {
		t.Fatalf("%+v %v", opts, err)
	}
	if _, err := clitest.Parse(t, NewCmdDisable, "extra"); clitest.ExitCode(err) != 2 {
		t.Errorf("an argument: %v", err)
	}
}
