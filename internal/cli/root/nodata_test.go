package root

import (
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/build"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/iostreams"
)

// --jq and --template on a command that prints no data are refused before it runs, naming
// the flag; every command printsNoData names exists.
func TestFilterOnCommandWithoutData(t *testing.T) {
	paths := commandPaths()
	ios, _, out, _ := iostreams.Test()
	for path := range printsNoData {
		if !paths[path] {
			t.Errorf("printsNoData names %q, which is not a command", path)
		}
	}
	for _, args := range [][]string{{"completion", "bash", "--jq", ".x"}, {"onboard", "plan", "init", "--template", "{{.}}"}} {
		root := NewCmdRoot(cmdutil.NewFactory(ios, func(string) string { return "" }), build.Info{})
		root.SetArgs(args)
		err := root.Execute()
		if cmdutil.ExitCode(err) != 2 || !strings.Contains(err.Error(), args[len(args)-2]) || out.Len() != 0 {
			t.Errorf("mkt %s: exit %d %v, out %q", strings.Join(args, " "), cmdutil.ExitCode(err), err, out)
		}
	}
}
