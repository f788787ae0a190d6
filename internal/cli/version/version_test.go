package version

import (
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/build"
	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/spf13/cobra"
)

func TestVersion(t *testing.T) {
	info := build.Info{Version: "1.2.3", Commit: "abc1234", Date: "2026-11-30"}
	e := clitest.New(t)
	newCmd := func(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
		return NewCmdVersion(f, info, runF)
	}
	if _, err := clitest.Parse(t, newCmd, "x"); clitest.ExitCode(err) != 2 {
		t.Errorf("an argument: %v", err)
	}
	if err := versionRun(&Options{Factory: e.F, Info: info}); err != nil || !strings.Contains(e.Out.String(), "1.2.3") {
		t.Errorf("%v %q", err, e.Out)
	}
	e.Reset()
	e.F.Global.Output = "json"
	if err := versionRun(&Options{Factory: e.F, Info: info}); err != nil || !strings.Contains(e.Out.String(), `"abc1234"`) {
		t.Errorf("json: %v %q", err, e.Out)
	}
}
