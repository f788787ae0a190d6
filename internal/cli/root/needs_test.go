package root

import (
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/build"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/exitcode"
	"github.com/mkt-cli/mkt/internal/iostreams"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// Every command named in needs exists, and every action it names is in the action table.
func TestNeedsNameRealCommandsAndActions(t *testing.T) {
	paths := commandPaths()
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

// `mkt help exit-codes` lists exactly the codes the kinds have.
func TestExitCodesTopicMatchesKinds(t *testing.T) {
	listed := map[int]bool{}
	for _, line := range strings.Split(newExitCodesTopic().Long, "\n") {
		if f := strings.Fields(line); len(f) > 1 {
			if n, err := strconv.Atoi(f[0]); err == nil {
				listed[n] = true
			}
		}
	}
	for k := exitcode.Failure; k <= exitcode.Interrupted; k++ {
		if !listed[k.Code()] {
			t.Errorf("exit code %d is not in mkt help exit-codes", k.Code())
		}
		delete(listed, k.Code())
	}
	delete(listed, 0)
	if len(listed) > 0 {
		t.Errorf("mkt help exit-codes lists codes no kind has: %v", listed)
	}
}

// commandPaths are the paths of every command of the tree, cobra's completion commands
// included.
func commandPaths() map[string]bool {
	ios, _, _, _ := iostreams.Test()
	root := NewCmdRoot(cmdutil.NewFactory(ios, func(string) string { return "" }), build.Info{})
	root.InitDefaultCompletionCmd()
	paths := map[string]bool{}
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		paths[c.CommandPath()] = true
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	walk(root)
	return paths
}
