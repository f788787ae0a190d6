package reset

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/sandbox"
)

func TestNewCmdReset(t *testing.T) {
	if _, err := clitest.Parse(t, NewCmdReset, "x"); clitest.ExitCode(err) != 2 {
		t.Errorf("an argument: %v", err)
	}
}

// Without a terminal, reset needs --yes; with it, the sandbox is gone.
func Test_resetRun(t *testing.T) {
	e := clitest.New(t)
	e.Listed(t, "Invoice Helper")
	e.F.Close()
	db := filepath.Join(e.Getenv("MKT_SANDBOX_DIR"), "sandbox.db")
	if err := resetRun(&Options{Factory: e.F}); clitest.ExitCode(err) != 2 {
		t.Fatalf("without --yes: %v", err)
	}
	if _, err := os.Stat(db); err != nil {
		t.Fatal("refused, yet the database is gone")
	}
	e.F.Global.Yes = true
	if err := resetRun(&Options{Factory: e.F}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("database still there: %v", err)
	}
}

// A served sandbox is not reset: exit 6, the database untouched, the way to go on named.
func TestResetRefusedWhileServed(t *testing.T) {
	e := clitest.New(t)
	e.Listed(t, "Invoice Helper")
	e.F.Close()
	dir := e.Getenv("MKT_SANDBOX_DIR")
	release, err := sandbox.HoldServe(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	e.F.Global.Yes = true
	err = resetRun(&Options{Factory: e.F})
	if clitest.ExitCode(err) != 6 || !strings.Contains(err.Error(), "being served") {
		t.Fatalf("reset under a server: %v (exit %d)", err, clitest.ExitCode(err))
	}
	if _, err := os.Stat(filepath.Join(dir, "sandbox.db")); err != nil {
		t.Fatal("refused, yet the database is gone")
	}
}
