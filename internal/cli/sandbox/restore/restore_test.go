package restore

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/sandbox"
)

func TestNewCmdRestore(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdRestore, "copy.tar.gz")
	if err != nil || opts.File != "copy.tar.gz" {
		t.Fatalf("%+v %v", opts, err)
	}
}

// A backup restored over a changed sandbox brings back what it held; a file that is not a
// backup is refused (exit 2) and changes nothing; a served sandbox is not replaced (exit 6).
func Test_restoreRun(t *testing.T) {
	e := clitest.New(t)
	e.Listed(t, "Invoice Helper")
	e.F.Close()
	dir := e.Getenv("MKT_SANDBOX_DIR")
	file := filepath.Join(t.TempDir(), "copy.tar.gz")
	store, err := sandbox.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	out, _ := os.Create(file)
	if _, err := store.Backup(context.Background(), out); err != nil {
		t.Fatal(err)
	}
	out.Close()
	store.Close()
	other := clitest.New(t, "MKT_SANDBOX_DIR", dir) // the sandbox changes after the backup
	other.Listed(t, "Second Product")
	other.F.Close()

	if err := restoreRun(&Options{Factory: e.F, File: file}); clitest.ExitCode(err) != 2 {
		t.Fatalf("without --yes: %v", err)
	}
	e.F.Global.Yes = true
	bad := filepath.Join(t.TempDir(), "bad.tar.gz")
	os.WriteFile(bad, []byte("not a backup"), 0o600)
	err = restoreRun(&Options{Factory: e.F, File: bad})
	if clitest.ExitCode(err) != 2 || !strings.Contains(err.Error(), "unchanged") {
		t.Fatalf("a bad file: %v", err)
	}
	if err := restoreRun(&Options{Factory: e.F, File: dir}); clitest.ExitCode(err) != 2 {
		t.Errorf("a directory: %v", err)
	}
	release, err := sandbox.HoldServe(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := restoreRun(&Options{Factory: e.F, File: file}); clitest.ExitCode(err) != 6 {
		t.Errorf("while served: %v", err)
	}
	release()
	if err := restoreRun(&Options{Factory: e.F, File: file}); err != nil {
		t.Fatal(err)
	}
	after := clitest.New(t, "MKT_SANDBOX_DIR", dir)
	resp, err := after.Client(t).Do(context.Background(), market.Request{Action: "DescribeProducts"})
	if err != nil {
		t.Fatal(err)
	}
	if body := string(resp.Body); !strings.Contains(body, "Invoice Helper") || strings.Contains(body, "Second Product") {
		t.Errorf("after restore: %s", body)
	}
}
