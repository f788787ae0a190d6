package onboarding

import (
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

// With no application in review there is nothing to decide: the sandbox says so.
func TestNewCmdOnboarding(t *testing.T) {
	e := clitest.New(t)
	if err := e.Exec(NewCmdOnboarding(e.F), "--approve"); err == nil {
		t.Error("approved an application that does not exist")
	}
	if err := e.Exec(NewCmdOnboarding(e.F), "--reject"); clitest.ExitCode(err) != 2 {
		t.Errorf("reject without a reason: %v", err)
	}
}
