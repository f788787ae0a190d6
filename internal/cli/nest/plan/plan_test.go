package plan

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/cli/nest/shared"
)

func TestNewCmdPlan(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdPlan, "--parameter", "A=1", "--detailed-exitcode")
	if err != nil || opts.File != shared.DefaultConfig || !opts.DryRun || !opts.DetailedExitcode || opts.Params[0] != "A=1" {
		t.Fatalf("%+v %v", opts, err)
	}
}

func TestPlanRun(t *testing.T) {
	e := clitest.New(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "config.yaml")
	os.WriteFile(file, []byte("Service:\n  DeployType: spi\n  ServiceInfo:\n    Name: 示例\n  TrialDuration: ${Days}\n"), 0o600)
	opts := &shared.ConfigOptions{Factory: e.F, File: file, DryRun: true, DetailedExitcode: true, Params: []string{"Days=86400"}}
	err := shared.RunConfig(context.Background(), opts)
	if clitest.ExitCode(err) != 9 || !strings.Contains(e.Out.String(), `TrialDuration: "0" → "86400"`) {
		t.Errorf("%v %s", err, e.Out)
	}
	// A parameter that is not NAME=VALUE, a parameters file that is not YAML: exit 2.
	opts.Params = []string{"Days"}
	if err := shared.RunConfig(context.Background(), opts); clitest.ExitCode(err) != 2 {
		t.Errorf("bad parameter: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "p.yaml"), []byte("[1"), 0o600)
	opts.Params, opts.ParamFile = nil, filepath.Join(dir, "p.yaml")
	if err := shared.RunConfig(context.Background(), opts); clitest.ExitCode(err) != 2 {
		t.Errorf("bad parameters file: %v", err)
	}
}
