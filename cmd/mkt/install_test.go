package main

import (
	"archive/tar"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestInstallScriptAndAction runs the release install path a pipeline uses — action.yml's
// steps, and scripts/install.sh they call — against a local directory laid out as a release
// (goreleaser's archive names and checksums.txt), with a binary built with the release's
// ldflags: the binary lands in the cache directory, runs, and says its version, commit and
// date; a tampered archive installs nothing.
func TestInstallScriptAndAction(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the script is POSIX sh; Windows runners use it through Git Bash")
	}
	for _, tool := range []string{"sh", "bash", "tar", "awk"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed", tool)
		}
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	// A release, v1.2.3, holding this platform's archive.
	const version, commit, date = "1.2.3", "0123456789abcdef0123456789abcdef01234567", "2026-11-30T12:00:00Z"
	bin := filepath.Join(t.TempDir(), "mkt")
	goBin := filepath.Join(runtime.GOROOT(), "bin", "go")
	build := exec.Command(goBin, "build", "-trimpath", "-o", bin, "-ldflags", strings.Join([]string{"-s -w",
		"-X github.com/mkt-cli/mkt/internal/build.Version=" + version,
		"-X github.com/mkt-cli/mkt/internal/build.Commit=" + commit,
		"-X github.com/mkt-cli/mkt/internal/build.Date=" + date}, " "), ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	arch := map[string]string{"amd64": "x86_64", "arm64": "arm64"}[runtime.GOARCH]
	if arch == "" {
		t.Skipf("no release for %s", runtime.GOARCH)
	}
	releases := t.TempDir()
	rel := filepath.Join(releases, "v"+version)
	os.MkdirAll(rel, 0o755)
	archive := fmt.Sprintf("mkt_%s_%s_%s.tar.gz", version, runtime.GOOS, arch)
	sum := writeArchive(t, filepath.Join(rel, archive), bin)
	os.WriteFile(filepath.Join(rel, "checksums.txt"), []byte(sum+"  "+archive+"\n"+strings.Repeat("0", 64)+"  mkt_1.2.3_windows_x86_64.zip\n"), 0o644)
	os.WriteFile(filepath.Join(releases, "latest"), []byte("v"+version+"\n"), 0o644)

	// The action's steps, as the runner runs them: resolve, then install (no cache hit).
	var action struct {
		Inputs map[string]struct{ Default string }
		Runs   struct {
			Using string
			Steps []struct {
				ID   string
				Run  string
				Uses string
				Env  map[string]string
			}
		}
	}
	b, err := os.ReadFile(filepath.Join(root, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(b, &action); err != nil || action.Runs.Using != "composite" || action.Inputs["version"].Default != "latest" {
		t.Fatalf("action.yml: %v %+v", err, action)
	}
	cache, outputs, paths := t.TempDir(), filepath.Join(t.TempDir(), "out"), filepath.Join(t.TempDir(), "path")
	env := append(os.Environ(), "MKT_INSTALL_BASE_URL="+releases, "GITHUB_ACTION_PATH="+root, "RUNNER_TOOL_CACHE="+cache,
		"RUNNER_OS=Linux", "RUNNER_ARCH=X64", "GITHUB_OUTPUT="+outputs, "GITHUB_PATH="+paths, "GITHUB_TOKEN=")
	step := func(id string, vars ...string) string {
		for _, s := range action.Runs.Steps {
			if s.ID != id {
				continue
			}
			cmd := exec.Command("bash", "-e", "-c", s.Run)
			cmd.Env = append(env, vars...)
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("step %s: %v\n%s", id, err, out)
			}
			return string(out)
		}
		t.Fatalf("action.yml has no step %q", id)
		return ""
	}
	step("resolve", "VERSION=v"+version)
	o, _ := os.ReadFile(outputs)
	dir := filepath.Join(cache, "mkt", version, "Linux-X64")
	if !strings.Contains(string(o), "version="+version+"\n") || !strings.Contains(string(o), "dir="+dir+"\n") {
		t.Fatalf("resolve outputs:\n%s", o)
	}
	out := step("install", "VERSION="+version, "DIR="+dir, "HIT=false")
	if want := "mkt version 1.2.3 (0123456789ab, 2026-11-30T12:00:00Z)"; !strings.Contains(out, want) {
		t.Errorf("installed mkt says:\n%s\nwant %q", out, want)
	}
	if p, _ := os.ReadFile(paths); string(p) != dir+"\n" {
		t.Errorf("GITHUB_PATH: %q", p)
	}
	// A cache hit installs nothing and still puts mkt on the PATH.
	os.WriteFile(outputs, nil, 0o644)
	if out := step("install", "VERSION="+version, "DIR="+dir, "HIT=true", "MKT_INSTALL_BASE_URL=/nonexistent"); !strings.Contains(out, "1.2.3") {
		t.Errorf("cache hit: %s", out)
	}

	// The script alone: latest from a file:// mirror.
	script := filepath.Join(root, "scripts", "install.sh")
	dest := filepath.Join(t.TempDir(), "bin")
	cmd := exec.Command("sh", script, "latest", dest)
	cmd.Env = append(os.Environ(), "MKT_INSTALL_BASE_URL=file://"+releases)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("install latest: %v\n%s", err, out)
	}
	if v, err := exec.Command(filepath.Join(dest, "mkt"), "version", "-o", "json").Output(); err != nil || !strings.Contains(string(v), `"date": "2026-11-30T12:00:00Z"`) {
		t.Errorf("mkt version -o json: %v %s", err, v)
	}
	// A tampered archive: exit 1, nothing installed.
	writeArchive(t, filepath.Join(rel, archive), filepath.Join(root, "README.md"))
	dest2 := filepath.Join(t.TempDir(), "bin")
	cmd = exec.Command("sh", script, version, dest2)
	cmd.Env = append(os.Environ(), "MKT_INSTALL_BASE_URL="+releases)
	out2, err := cmd.CombinedOutput()
	if code := exitCode(err); code != 1 || !strings.Contains(string(out2), "checksum mismatch") {
		t.Errorf("tampered: exit %d\n%s", code, out2)
	}
	if _, err := os.Stat(filepath.Join(dest2, "mkt")); !os.IsNotExist(err) {
		t.Errorf("a tampered archive was installed: %v", err)
	}
	// A version that is not one: exit 2.
	cmd = exec.Command("sh", script, "1.2;rm", dest2)
	cmd.Env = append(os.Environ(), "MKT_INSTALL_BASE_URL="+releases)
	if out, err := cmd.CombinedOutput(); exitCode(err) != 2 {
		t.Errorf("bad version: %v\n%s", err, out)
	}
}

func exitCode(err error) int {
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	if err != nil {
		return -1
	}
	return 0
}

// writeArchive writes a goreleaser-like tar.gz holding bin as "mkt" and returns its SHA-256.
func writeArchive(t *testing.T, path, bin string) string {
	t.Helper()
	data, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	gz := gzip.NewWriter(f)
	tw := tar.NewWriter(gz)
	for name, body := range map[string][]byte{"mkt": data, "README.md": []byte("# mkt\n")} {
		tw.WriteHeader(&tar.Header{Name: name, Mode: 0o755, Size: int64(len(body))})
		tw.Write(body)
	}
	tw.Close()
	gz.Close()
	f.Close()
	b, _ := os.ReadFile(path)
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil))
}
