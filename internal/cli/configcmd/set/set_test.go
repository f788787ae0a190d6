package set

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdSet(t *testing.T) {
	if opts, err := clitest.Parse(t, NewCmdSet, "region", "cn-hangzhou"); err != nil || opts.Key != "region" || opts.Value != "cn-hangzhou" {
		t.Fatalf("%+v %v", opts, err)
	}
	if _, err := clitest.Parse(t, NewCmdSet, "region"); clitest.ExitCode(err) != 2 {
		t.Errorf("no value: %v", err)
	}
}

func Test_setRun(t *testing.T) {
	dir := t.TempDir()
	e := clitest.New(t, "MKT_CONFIG_DIR", dir)
	if err := setRun(&Options{Factory: e.F, Key: "region", Value: "ap-southeast-1"}); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "config.yaml"))
	if !strings.Contains(string(b), "ap-southeast-1") {
		t.Errorf("config:\n%s", b)
	}
	for _, bad := range []*Options{{Key: "regoin", Value: "x"}, {Key: "access_key_secret", Value: "s"}, {Key: "output", Value: "xml"}} {
		bad.Factory = e.F
		if err := setRun(bad); clitest.ExitCode(err) != 2 {
			t.Errorf("%s=%s: %v", bad.Key, bad.Value, err)
		}
	}
}
