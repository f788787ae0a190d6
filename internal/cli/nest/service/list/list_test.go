package list

import (
	"context"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdList(t *testing.T) {
	if opts, err := clitest.Parse(t, NewCmdList, "--status", "Online", "--all-versions"); err != nil || opts.Status != "Online" || !opts.AllVersions {
		t.Fatalf("%+v %v", opts, err)
	}
	if _, err := clitest.Parse(t, NewCmdList, "extra"); clitest.ExitCode(err) != 2 {
		t.Errorf("an argument: %v", err)
	}
}

func Test_listRun(t *testing.T) {
	e := clitest.New(t)
	online := e.NestService(t, "在线")
	e.NestStep(t, online, "submit", "approve", "launch")
	e.NestService(t, "草稿")
	if err := listRun(context.Background(), &Options{Factory: e.F}); err != nil {
		t.Fatal(err)
	}
	if out := e.Out.String(); strings.Count(out, "\n") != 2 || !strings.Contains(out, online+"\t在线\tOnline\tspi\t") {
		t.Errorf("%s", out)
	}
	e.Reset()
	if err := listRun(context.Background(), &Options{Factory: e.F, Status: "Draft"}); err != nil || strings.Count(e.Out.String(), "\n") != 1 {
		t.Errorf("--status Draft: %v %s", err, e.Out)
	}
}
