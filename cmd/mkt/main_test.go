package main

import (
	"os"
	"path/filepath"
	"testing"

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
