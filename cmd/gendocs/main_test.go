package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestGeneratedFilesAreFresh fails when docs/reference, docs/man or completions/ in the
// repository differ from what the commands generate now. Fix: go run ./cmd/gendocs
func TestGeneratedFilesAreFresh(t *testing.T) {
	tmp := t.TempDir()
	if err := generate(tmp); err != nil {
		t.Fatal(err)
	}
	repo := filepath.Join("..", "..")
	for _, dir := range []string{"docs/reference", "docs/man", "completions"} {
		want := readTree(t, filepath.Join(tmp, dir))
		got := readTree(t, filepath.Join(repo, dir))
		if len(want) == 0 {
			t.Fatalf("%s: nothing generated", dir)
		}
		for name, content := range want {
			if g, ok := got[name]; !ok {
				t.Errorf("%s/%s is missing; run: go run ./cmd/gendocs", dir, name)
			} else if !bytes.Equal(g, content) {
				t.Errorf("%s/%s is stale; run: go run ./cmd/gendocs", dir, name)
			}
		}
		var extra []string
		for name := range got {
			if _, ok := want[name]; !ok {
				extra = append(extra, name)
			}
		}
		sort.Strings(extra)
		for _, name := range extra {
			t.Errorf("%s/%s is no longer generated; run: go run ./cmd/gendocs", dir, name)
		}
	}
}

func TestGenerationIsDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	if err := generate(a); err != nil {
		t.Fatal(err)
	}
	if err := generate(b); err != nil {
		t.Fatal(err)
	}
	ta, tb := readTree(t, a), readTree(t, b)
	for name, content := range ta {
		if !bytes.Equal(content, tb[name]) {
			t.Errorf("%s differs between two runs", name)
		}
	}
}

func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		b, err := os.ReadFile(p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return out
}

// Every man page says how mkt exits, what it reads from the environment and which files it
// uses.
func TestManPagesHaveExitStatusEnvironmentFiles(t *testing.T) {
	tmp := t.TempDir()
	if err := generate(tmp); err != nil {
		t.Fatal(err)
	}
	pages, _ := filepath.Glob(filepath.Join(tmp, "docs", "man", "*.1"))
	if len(pages) < 10 {
		t.Fatalf("%d man pages", len(pages))
	}
	for _, p := range pages {
		b, _ := os.ReadFile(p)
		for _, want := range []string{".SH EXIT STATUS", ".SH ENVIRONMENT", ".SH FILES", "11 a product still in review"} {
			if !strings.Contains(string(b), want) {
				t.Errorf("%s lacks %q", filepath.Base(p), want)
			}
		}
	}
}
