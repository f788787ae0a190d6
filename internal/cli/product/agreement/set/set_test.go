package set

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdSet(t *testing.T) {
	e := clitest.New(t)
	dir := t.TempDir()
	exe := filepath.Join(dir, "agreement.exe")
	os.WriteFile(exe, []byte("MZ"), 0o600)
	for _, bad := range [][]string{{"cmgj10000001"}, {"cmgj10000001", "--template", "t", "--file", "f.pdf"}, {"cmgj10000001", "--file", exe}} {
		if err := e.Exec(NewCmdSet(e.F), bad...); clitest.ExitCode(err) != 2 {
			t.Errorf("%v: %v", bad, err)
		}
	}
}
