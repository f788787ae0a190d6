package list

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdList(t *testing.T) {
	if _, err := clitest.Parse(t, NewCmdList, "x"); clitest.ExitCode(err) != 2 {
		t.Errorf("an argument: %v", err)
	}
}

// The profile's settings, the secret never shown.
func Test_listRun(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "config.yaml"), []byte("current_profile: default\nprofiles:\n  default:\n    region: cn-shanghai\n    access_key_id: LTAI5tExampleKeyId\n    access_key_secret: notarealsecret\n"), 0o600)
	e := clitest.New(t, "MKT_CONFIG_DIR", dir)
	if err := listRun(&Options{Factory: e.F}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(e.Out.String(), "region\tcn-shanghai\n") || strings.Contains(e.Out.String(), "notarealsecret") {
		t.Errorf("out:\n%s", e.Out)
	}
}
