package create

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdCreate(t *testing.T) {
	if opts, err := clitest.Parse(t, NewCmdCreate, "-f", "t.yaml"); err != nil || opts.File != "t.yaml" {
		t.Fatalf("%+v %v", opts, err)
	}
	if _, err := clitest.Parse(t, NewCmdCreate); clitest.ExitCode(err) != 2 {
		t.Errorf("no file: %v", err)
	}
}

func Test_createRun(t *testing.T) {
	e := clitest.New(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "t.yaml")
	os.WriteFile(good, []byte("name: Onboarding\nsteps:\n  - name: Collect\n    operator: buyer\n    fields: [{title: Contact, required: true}]\n  - name: Deliver\n"), 0o600)
	if err := createRun(context.Background(), &Options{Factory: e.F, File: good}); err != nil {
		t.Fatal(err)
	}
	if _, err := strconv.Atoi(strings.TrimSpace(e.Out.String())); err != nil {
		t.Errorf("out: %q", e.Out)
	}
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("name: X\nsteps:\n  - name: A\n    operator: robot\n"), 0o600)
	if err := createRun(context.Background(), &Options{Factory: e.F, File: bad}); clitest.ExitCode(err) != 2 {
		t.Errorf("unknown operator: %v", err)
	}
}
