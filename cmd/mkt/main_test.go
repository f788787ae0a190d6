package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
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
	testscript.Run(t, params(filepath.Join("testdata", "script"), nil))
}

// TestScenarios runs testdata/scenario/*.txtar twice: against the embedded sandbox, and over
// TCP against a real `mkt sandbox serve` started for each script.
func TestScenarios(t *testing.T) {
	dir := filepath.Join("testdata", "scenario")
	t.Run("embedded", func(t *testing.T) { testscript.Run(t, params(dir, nil)) })
	t.Run("serve", func(t *testing.T) { testscript.Run(t, params(dir, startServe)) })
}

// startServe runs `mkt sandbox serve --addr 127.0.0.1:0` for the script, points MKT_ENDPOINT
// at it, and stops it with SIGINT when the script ends.
func startServe(e *testscript.Env) error {
	cmd := exec.Command("mkt", "sandbox", "serve", "--addr", "127.0.0.1:0", "--quiet")
	cmd.Env = e.Vars
	cmd.Dir = e.WorkDir
	for _, kv := range e.Vars {
		if p, ok := strings.CutPrefix(kv, "PATH="); ok {
			if bin, err := lookPath("mkt", p); err == nil {
				cmd.Path = bin
			}
		}
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	sc := bufio.NewScanner(out)
	endpoint := ""
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "export MKT_ENDPOINT="); ok {
			endpoint = v
			break
		}
	}
	if endpoint == "" {
		cmd.Process.Kill()
		return fmt.Errorf("mkt sandbox serve printed no endpoint")
	}
	go io.Copy(io.Discard, out)
	e.Setenv("MKT_ENDPOINT", endpoint)
	e.Defer(func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
	})
	return nil
}

func lookPath(name, path string) (string, error) {
	for _, dir := range filepath.SplitList(path) {
		p := filepath.Join(dir, name)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, nil
		}
	}
	return "", fmt.Errorf("%s not found", name)
}

func params(dir string, extraSetup func(*testscript.Env) error) testscript.Params {
	return testscript.Params{
		Dir:                 dir,
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// line2env NAME FILE: set NAME to the first line of FILE.
			"line2env": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 {
					ts.Fatalf("usage: line2env NAME FILE")
				}
				line, _, _ := strings.Cut(ts.ReadFile(args[1]), "\n")
				ts.Setenv(args[0], strings.TrimSpace(line))
			},
			// json2env NAME FIELD: set NAME to a top-level field of the last stdout's JSON
			// object (or of the first object of a list).
			"json2env": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 {
					ts.Fatalf("usage: json2env NAME FIELD")
				}
				var v any
				dec := json.NewDecoder(strings.NewReader(ts.ReadFile("stdout")))
				dec.UseNumber() // IDs are 15-digit numbers: no float formatting
				if err := dec.Decode(&v); err != nil {
					ts.Fatalf("stdout is not JSON: %v", err)
				}
				if list, ok := v.([]any); ok && len(list) > 0 {
					v = list[0] // the first element of a list
				}
				m, ok := v.(map[string]any)
				if !ok {
					ts.Fatalf("stdout is not a JSON object or a list of them")
				}
				ts.Setenv(args[0], fmt.Sprint(m[args[1]]))
			},
			// onejson: the last stdout is exactly one JSON value, nothing before or after it.
			"onejson": func(ts *testscript.TestScript, neg bool, args []string) {
				dec := json.NewDecoder(strings.NewReader(ts.ReadFile("stdout")))
				var v any
				err := dec.Decode(&v)
				if err == nil && dec.More() {
					err = fmt.Errorf("more after the first value")
				}
				if (err == nil) == neg {
					ts.Fatalf("stdout as one JSON value: %v", err)
				}
			},
			// stdout2env NAME: set NAME to the last command's standard output, trimmed.
			"stdout2env": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 1 {
					ts.Fatalf("usage: stdout2env NAME")
				}
				ts.Setenv(args[0], strings.TrimSpace(ts.ReadFile("stdout")))
			},
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
			// Nothing from the developer's machine (or the CI job running the tests) may leak
			// in: these are unset, not set to "" (an empty credential variable is an error).
			unset := map[string]bool{}
			for _, k := range []string{
				"XDG_CONFIG_HOME", "XDG_DATA_HOME", "MKT_CONFIG_DIR", "MKT_SANDBOX_DIR", "MKT_PROFILE",
				"MKT_ACCESS_KEY_ID", "MKT_ACCESS_KEY_SECRET", "MKT_SECURITY_TOKEN", "MKT_ENDPOINT",
				"MKT_REGION", "MKT_OUTPUT", "MKT_LANG", "MKT_FORCE_TTY", "NO_COLOR", "MKT_SANDBOX",
				"MKT_EXTENSION", "MKT_STS_ENDPOINT", "CI",
				"ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_SECURITY_TOKEN",
				"ALIBABA_CLOUD_PROFILE", "ALIBABA_CLOUD_REGION_ID", "ALIBABA_CLOUD_CONFIG_FILE",
				"LANG", "LC_ALL", "LC_MESSAGES", "BROWSER",
			} {
				unset[k] = true
			}
			kept := e.Vars[:0]
			for _, kv := range e.Vars {
				if k, _, _ := strings.Cut(kv, "="); !unset[k] {
					kept = append(kept, kv)
				}
			}
			e.Vars = kept
			if extraSetup != nil {
				return extraSetup(e)
			}
			return nil
		},
	}
}
