package enable

import (
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdEnable(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdEnable, "--product", "cmgj10000001")
	if err != nil || opts.Product != "cmgj10000001" || opts.Enabled != ("enable" == "enable") {
		t.Fatalf("%+v %v", opts, err)
	}
	if _, err := clitest.Parse(t, NewCmdEnable, "extra"); clitest.ExitCode(err) != 2 {
		t.Errorf("an argument: %v", err)
	}
}
