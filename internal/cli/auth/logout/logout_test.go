package logout

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdLogout(t *testing.T) {
	if _, err := clitest.Parse(t, NewCmdLogout, "x"); clitest.ExitCode(err) != 2 {
		t.Errorf("an argument: %v", err)
	}
}

func Test_logoutRun(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "config.yaml"), []byte("current_profile: default\nprofiles:\n  default:\n    access_key_id: LTAItest\n    access_key_secret: notarealsecret\n    region: cn-hangzhou\n"), 0o600)
	e := clitest.New(t, "MKT_CONFIG_DIR", dir)
	if err := logoutRun(&Options{Factory: e.F, IO: e.IO}); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "config.yaml"))
	if strings.Contains(string(b), "notarealsecret") || !strings.Contains(string(b), "cn-hangzhou") {
		t.Errorf("the key pair goes, the other settings stay:\n%s", b)
	}
	if err := logoutRun(&Options{Factory: e.F, IO: e.IO}); clitest.ExitCode(err) != 4 {
		t.Errorf("logging out twice: %v", err)
	}
}
