package apply

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/cli/nest/shared"
)

func TestNewCmdApply(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdApply, "-f", "x.yaml", "--submit", "--launch", "--wait", "--wait-timeout", "1m")
	if err != nil || opts.File != "x.yaml" || opts.DryRun || !opts.Submit || !opts.Launch || !opts.Wait || opts.Timeout != time.Minute {
		t.Fatalf("%+v %v", opts, err)
	}
}

func TestApplyRun(t *testing.T) {
	e := clitest.New(t)
	file := filepath.Join(t.TempDir(), "config.yaml")
	os.WriteFile(file, []byte("Service:\n  DeployType: spi\n  ServiceInfo:\n    Name: 示例\n"), 0o600)
	opts := &shared.ConfigOptions{Factory: e.F, File: file, Timeout: time.Minute}
	if err := shared.RunConfig(context.Background(), opts); err != nil || !strings.Contains(e.Out.String(), "version 1: Draft") {
		t.Fatalf("%v %s", err, e.Out)
	}
	// Nothing to launch: refused with the next step, exit 3.
	opts.Launch = true
	if err := shared.RunConfig(context.Background(), opts); clitest.ExitCode(err) != 3 {
		t.Errorf("launch a draft: %v", err)
	}
	// A missing config: exit 2.
	opts.File = filepath.Join(t.TempDir(), "none.yaml")
	if err := shared.RunConfig(context.Background(), opts); clitest.ExitCode(err) != 2 {
		t.Errorf("missing: %v", err)
	}
}
