package create

import (
	"context"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdCreate(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdCreate, "--deploy-type", "ros", "--name", "示例", "--deploy-metadata", `{"a":1}`)
	if err != nil || opts.DeployMetadata != `{"a":1}` {
		t.Fatalf("%+v %v", opts, err)
	}
	// Every problem at once: no type, no name, metadata that is not JSON.
	_, err = clitest.Parse(t, NewCmdCreate, "--deploy-metadata", "{nope")
	if clitest.ExitCode(err) != 2 || !strings.Contains(err.Error(), "--deploy-type") || !strings.Contains(err.Error(), "--name") || !strings.Contains(err.Error(), "JSON") {
		t.Errorf("%v", err)
	}
	if _, err := clitest.Parse(t, NewCmdCreate, "--from", "x"); clitest.ExitCode(err) != 2 {
		t.Errorf("--from x: %v", err)
	}
}

func Test_createRun(t *testing.T) {
	e := clitest.New(t)
	if err := createRun(context.Background(), &Options{Factory: e.F, DeployType: "ros", DeployMetadata: `{"TemplateConfigs":[]}`, Name: "示例", NameEN: "Demo", TrialDays: 7, ServiceType: "private", ShareType: "Public", Approval: "Manual"}); err != nil {
		t.Fatal(err)
	}
	list, _ := e.Client(t).ListServices(context.Background(), nil, false)
	if len(list) != 1 || list[0].TrialDuration != 7*86400 || len(list[0].ServiceInfos) != 2 {
		t.Fatalf("%+v", list)
	}
	// --from: a second draft is refused while one exists; after launch, a new version.
	id := list[0].ServiceId
	if err := createRun(context.Background(), &Options{Factory: e.F, From: id}); clitest.ExitCode(err) == 0 {
		t.Error("a second draft beside the first")
	}
	e.NestStep(t, id, "submit", "approve", "launch")
	e.Reset()
	if err := createRun(context.Background(), &Options{Factory: e.F, From: id}); err != nil || !strings.Contains(e.ErrOut.String(), "version 2") {
		t.Errorf("%v %s", err, e.ErrOut)
	}
}
