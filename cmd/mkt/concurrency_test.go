package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"go.yaml.in/yaml/v3"
)

// mktBinary links the test binary as "mkt": TestMain runs it as mkt when invoked by that name.
func mktBinary(t *testing.T) (bin string, env []string) {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	bin = filepath.Join(dir, "bin", "mkt")
	if err := os.MkdirAll(filepath.Dir(bin), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(self, bin); err != nil {
		t.Fatal(err)
	}
	home := filepath.Join(dir, "home")
	return bin, []string{"HOME=" + home, "XDG_CONFIG_HOME=" + filepath.Join(home, ".config"),
		"MKT_SANDBOX_DIR=" + filepath.Join(home, "sandbox"), "MKT_LANG=en", "PATH=/usr/bin:/bin"}
}

// runAll starts n mkt processes at once (args(i) for the i-th) and fails on any that fails.
func runAll(t *testing.T, bin string, env []string, n int, args func(int) []string) {
	t.Helper()
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(bin, args(i)...)
			cmd.Env = env
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("mkt %s: %v\n%s", strings.Join(args(i), " "), err, out)
			}
		}()
	}
	wg.Wait()
}

// 16 mkt processes creating products in one brand-new embedded sandbox at once: every one
// succeeds (no "database is locked"), and the sandbox holds all 16 products.
func TestSixteenProcessesOnANewSandbox(t *testing.T) {
	bin, env := mktBinary(t)
	runAll(t, bin, env, 16, func(i int) []string {
		return []string{"--sandbox", "product", "create", "--type", "saas", "--name", fmt.Sprintf("Concurrent %02d", i), "--sku", "basic:99"}
	})
	cmd := exec.Command(bin, "--sandbox", "product", "list", "-o", "json")
	cmd.Env = env
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	var got struct{ Products []struct{ Name string } }
	if err := json.Unmarshal(out, &got); err != nil {
		var list []struct{ Name string }
		if err := json.Unmarshal(out, &list); err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		got.Products = list
	}
	names := map[string]bool{}
	for _, p := range got.Products {
		names[p.Name] = true
	}
	for i := range 16 {
		if !names[fmt.Sprintf("Concurrent %02d", i)] {
			t.Errorf("product %d lost; listed %v", i, names)
		}
	}
}

// 120 concurrent `config set` processes, each on its own profile: no update is lost.
func TestConcurrentConfigSet(t *testing.T) {
	bin, env := mktBinary(t)
	runAll(t, bin, env, 120, func(i int) []string {
		return []string{"--profile", fmt.Sprintf("p%03d", i), "config", "set", "region", "cn-shanghai"}
	})
	b, err := os.ReadFile(filepath.Join(strings.TrimPrefix(env[1], "XDG_CONFIG_HOME="), "mkt", "config.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		Profiles map[string]struct{ Region string }
	}
	if err := yaml.Unmarshal(b, &cfg); err != nil {
		t.Fatal(err)
	}
	for i := range 120 {
		if p := cfg.Profiles[fmt.Sprintf("p%03d", i)]; p.Region != "cn-shanghai" {
			t.Errorf("profile p%03d lost: %+v", i, p)
		}
	}
}
