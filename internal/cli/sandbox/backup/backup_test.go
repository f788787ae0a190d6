package backup

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdBackup(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdBackup, "copy.tar.gz")
	if err != nil || opts.File != "copy.tar.gz" {
		t.Fatalf("%+v %v", opts, err)
	}
	if _, err := clitest.Parse(t, NewCmdBackup); clitest.ExitCode(err) != 2 {
		t.Errorf("no FILE: %v", err)
	}
}

// The backup is written whole, private, and the command says what it holds; with no sandbox
// there is nothing to back up (exit 5) and no sandbox is created.
func Test_backupRun(t *testing.T) {
	e := clitest.New(t)
	file := filepath.Join(t.TempDir(), "copy.tar.gz")
	if err := backupRun(context.Background(), &Options{Factory: e.F, File: file}); clitest.ExitCode(err) != 5 {
		t.Fatalf("no sandbox: %v", err)
	}
	if _, err := os.Stat(filepath.Join(e.Getenv("MKT_SANDBOX_DIR"), "sandbox.db")); !os.IsNotExist(err) {
		t.Errorf("a backup of nothing created a sandbox: %v", err)
	}
	e.Listed(t, "Invoice Helper")
	e.F.Close()
	if err := backupRun(context.Background(), &Options{Factory: e.F, File: file}); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(file)
	if err != nil || fi.Mode().Perm() != 0o600 || fi.Size() == 0 {
		t.Fatalf("backup file: %v %v", fi, err)
	}
	if !strings.Contains(e.ErrOut.String(), file) {
		t.Errorf("stderr: %q", e.ErrOut)
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(file), ".copy.tar.gz-*"))
	if len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// A destination directory that does not exist is a usage error naming the caller's path.
func TestBackupToAMissingDirectory(t *testing.T) {
	e := clitest.New(t)
	e.Listed(t, "Invoice Helper")
	e.F.Close()
	file := filepath.Join(t.TempDir(), "no", "such", "copy.tar.gz")
	err := backupRun(context.Background(), &Options{Factory: e.F, File: file})
	if clitest.ExitCode(err) != 2 || !strings.Contains(err.Error(), file) || strings.Contains(err.Error(), ".copy.tar.gz-") {
		t.Errorf("exit %d: %v", clitest.ExitCode(err), err)
	}
}
