package set

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdSet(t *testing.T) {
	if _, err := clitest.Parse(t, NewCmdSet, "the-key"); clitest.ExitCode(err) != 2 {
		t.Errorf("a key as an argument is refused: %v", err)
	}
}

func Test_setRun(t *testing.T) {
	dir := t.TempDir()
	e := clitest.New(t, "MKT_CONFIG_DIR", dir)
	e.In.WriteString("s3cret-isv-key\n")
	if err := setRun(&Options{Factory: e.F}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "config.yaml"))
	if err != nil || !strings.Contains(string(b), "s3cret-isv-key") {
		t.Errorf("config: %s %v", b, err)
	}
	if st, _ := os.Stat(filepath.Join(dir, "config.yaml")); st == nil || st.Mode().Perm() != 0o600 {
		t.Errorf("config mode: %v", st)
	}
	if strings.Contains(e.Out.String()+e.ErrOut.String(), "s3cret") {
		t.Error("the key was printed")
	}
}
