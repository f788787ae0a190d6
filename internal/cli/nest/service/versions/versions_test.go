package versions

import (
	"context"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdVersions(t *testing.T) {
	if _, err := clitest.Parse(t, NewCmdVersions, "x"); clitest.ExitCode(err) != 2 {
		t.Errorf("not an ID: %v", err)
	}
}

func Test_versionsRun(t *testing.T) {
	e := clitest.New(t)
	id := e.NestService(t, "示例")
	e.NestStep(t, id, "submit", "approve", "launch")
	if _, err := e.Client(t).NewServiceVersion(context.Background(), id, ""); err != nil {
		t.Fatal(err)
	}
	if err := versionsRun(context.Background(), &Options{Factory: e.F, ID: id}); err != nil {
		t.Fatal(err)
	}
	if out := e.Out.String(); !strings.Contains(out, "1\t示例\tOnline") || !strings.Contains(out, "2\t示例\tDraft") {
		t.Errorf("%s", out)
	}
	if err := versionsRun(context.Background(), &Options{Factory: e.F, ID: "service-ffffffffffffffff"}); clitest.ExitCode(err) != 5 {
		t.Errorf("an unknown service: %v", err)
	}
}
