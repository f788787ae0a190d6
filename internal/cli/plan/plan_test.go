package plan

import (
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdPlan(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdPlan, "-f", "listing.yaml", "--detailed-exitcode")
	if err != nil || !opts.DryRun || !opts.DetailedExitcode {
		t.Fatalf("plan is apply --dry-run: %+v %v", opts, err)
	}
	if _, err := clitest.Parse(t, NewCmdPlan); clitest.ExitCode(err) != 2 {
		t.Errorf("no file: %v", err)
	}
}
