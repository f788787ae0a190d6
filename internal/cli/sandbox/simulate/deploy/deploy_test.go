package deploy

import (
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdDeploy(t *testing.T) {
	e := clitest.New(t)
	id := e.NestService(t, "示例")
	// Not online: buyers cannot deploy it.
	if err := e.Exec(NewCmdDeploy(e.F), id); clitest.ExitCode(err) != 3 {
		t.Errorf("draft: %v", err)
	}
	e.NestStep(t, id, "submit", "approve", "launch")
	if err := e.Exec(NewCmdDeploy(e.F), id, "--pay-as-you-go", "--uid", "1001"); err != nil {
		t.Fatal(err)
	}
	if out := e.Out.String(); !strings.Contains(out, "\tDeployed\tPayAsYouGo\t1001\t") {
		t.Errorf("%s", out)
	}
}
