package get

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdGet(t *testing.T) {
	if opts, err := clitest.Parse(t, NewCmdGet, "region"); err != nil || opts.Key != "region" {
		t.Fatalf("%+v %v", opts, err)
	}
}

func Test_getRun(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "config.yaml"), []byte("current_profile: default\nprofiles:\n  default:\n    region: ap-southeast-1\n"), 0o600)
	e := clitest.New(t, "MKT_CONFIG_DIR", dir)
	if err := getRun(&Options{Factory: e.F, Key: "region"}); err != nil || e.Out.String() != "ap-southeast-1\n" {
		t.Errorf("%v %q", err, e.Out)
	}
}
