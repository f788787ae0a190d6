package refund

import (
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdRefund(t *testing.T) {
	e := clitest.New(t)
	if err := e.Exec(NewCmdRefund(e.F), "x1"); clitest.ExitCode(err) != 2 {
		t.Errorf("not an instance ID: %v", err)
	}
	if err := e.Exec(NewCmdRefund(e.F), "99999999"); clitest.ExitCode(err) != 5 {
		t.Errorf("an unknown instance: %v", err)
	}
}
