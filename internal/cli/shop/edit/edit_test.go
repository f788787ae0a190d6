package edit

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdEdit(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdEdit, "--name", "示例科技", "--logo", "logo.png")
	if err != nil || opts.Name == nil || *opts.Name != "示例科技" || opts.Intro != nil || opts.Logo != "logo.png" {
		t.Fatalf("%+v %v", opts, err)
	}
	if _, err := clitest.Parse(t, NewCmdEdit); clitest.ExitCode(err) != 2 {
		t.Errorf("nothing to change: %v", err)
	}
}

func Test_editRun(t *testing.T) {
	e := clitest.New(t)
	dir := t.TempDir()
	logo := filepath.Join(dir, "logo.png")
	os.WriteFile(logo, []byte("\x89PNG\r\n\x1a\n"), 0o600)
	name, intro := "示例科技", "CRM 与发票工具"
	if err := editRun(context.Background(), &Options{Factory: e.F, Name: &name, Intro: &intro, Logo: logo}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(e.Out.String(), "Decorated\tyes\n") || !strings.Contains(e.ErrOut.String(), "shop saved") {
		t.Errorf("out:\n%s\nerr:\n%s", e.Out, e.ErrOut)
	}
	// A bad image is refused before anything is sent (exit 2); a long name by the rule (exit 3).
	if err := editRun(context.Background(), &Options{Factory: e.F, Banner: filepath.Join(dir, "banner.txt")}); clitest.ExitCode(err) != 2 {
		t.Errorf("text banner: %v", err)
	}
	long := strings.Repeat("店", 51)
	if err := editRun(context.Background(), &Options{Factory: e.F, Name: &long}); clitest.ExitCode(err) == 0 {
		t.Errorf("51-character name accepted")
	}
}
