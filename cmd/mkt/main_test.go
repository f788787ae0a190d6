package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/mkt-cli/mkt/internal/cli"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"mkt": func() { os.Exit(cli.Main()) },
	})
}

// TestScripts runs testdata/script/*.txtar: the real binary in a fresh HOME, as a merchant
// would use it.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join("testdata", "script"),
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// waitfile FILE: poll until FILE exists and is not empty (a server has started).
			"waitfile": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 1 {
					ts.Fatalf("usage: waitfile FILE")
				}
				path := ts.MkAbs(args[0])
				deadline := time.Now().Add(20 * time.Second)
				for time.Now().Before(deadline) {
					if st, err := os.Stat(path); err == nil && st.Size() > 0 {
						return
					}
					time.Sleep(20 * time.Millisecond)
				}
				ts.Fatalf("%s did not appear", args[0])
			},
			// envfile FILE: set the variables of "export K=V" lines.
			"envfile": func(ts *testscript.TestScript, neg bool, args []string) {
				data := ts.ReadFile(args[0])
				for _, line := range strings.Split(data, "\n") {
					line = strings.TrimPrefix(strings.TrimSpace(line), "export ")
					if k, v, ok := strings.Cut(line, "="); ok {
						ts.Setenv(k, v)
					}
				}
			},
		},
		Setup: func(e *testscript.Env) error {
			home := filepath.Join(e.WorkDir, "home")
			if err := os.MkdirAll(home, 0o755); err != nil {
				return err
			}
			e.Setenv("HOME", home)
			e.Setenv("USERPROFILE", home)
			// Nothing from the developer's machine may leak in.
			for _, k := range []string{
				"XDG_CONFIG_HOME", "XDG_DATA_HOME", "MKT_CONFIG_DIR", "MKT_SANDBOX_DIR", "MKT_PROFILE",
				"MKT_ACCESS_KEY_ID", "MKT_ACCESS_KEY_SECRET", "MKT_SECURITY_TOKEN", "MKT_ENDPOINT",
				"MKT_REGION", "MKT_OUTPUT", "MKT_LANG", "MKT_FORCE_TTY", "NO_COLOR",
				"ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_SECURITY_TOKEN",
				"ALIBABA_CLOUD_PROFILE", "ALIBABA_CLOUD_REGION_ID", "ALIBABA_CLOUD_CONFIG_FILE",
				"LANG", "LC_ALL", "LC_MESSAGES", "BROWSER",
			} {
				e.Setenv(k, "")
			}
			return nil
		},
	})
}
