package root

import (
	"testing"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/build"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/iostreams"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// Every command named in needs exists, and every action it names is in the action table.
func TestNeedsNameRealCommandsAndActions(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	root := NewCmdRoot(cmdutil.NewFactory(ios, func(string) string { return "" }), build.Info{})
	paths := map[string]bool{}
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		paths[c.CommandPath()] = true
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	walk(root)
	for path, actions := range needs {
		if !paths[path] {
			t.Errorf("needs names %q, which is not a command", path)
		}
		for _, a := range actions {
			if _, ok := marketapi.Lookup(a); !ok {
				t.Errorf("%s needs %s, which is not in the action table", path, a)
			}
		}
	}
}
