// Command gendocs writes docs/reference (markdown), docs/man (roff, fixed date) and
// completions/ from the command tree, so they never drift from the code.
//
//	go run ./cmd/gendocs            # regenerate in the repository root
//	go run ./cmd/gendocs -out DIR   # write somewhere else
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"

	"github.com/mkt-cli/mkt/internal/build"
	"github.com/mkt-cli/mkt/internal/cli/root"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/iostreams"
	"github.com/mkt-cli/mkt/internal/manifest"
)

// manDate is fixed so that regenerating the man pages changes nothing unless the commands do.
var manDate = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func main() {
	out := flag.String("out", ".", "repository root to write docs/reference, docs/man and completions/ under")
	flag.Parse()
	if err := generate(*out); err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(1)
	}
}

func newRoot() *cobra.Command {
	ios, _, _, _ := iostreams.Test()
	f := cmdutil.NewFactory(ios, func(string) string { return "" })
	cmd := root.NewCmdRoot(f, build.Info{Version: "dev"})
	disableAutoGen(cmd)
	return cmd
}

func disableAutoGen(c *cobra.Command) {
	c.DisableAutoGenTag = true
	for _, sub := range c.Commands() {
		disableAutoGen(sub)
	}
}

func generate(out string) error {
	refDir := filepath.Join(out, "docs", "reference")
	manDir := filepath.Join(out, "docs", "man")
	compDir := filepath.Join(out, "completions")
	for _, d := range []string{refDir, manDir, compDir} {
		// Start clean so a removed command leaves no stale page behind.
		if err := os.RemoveAll(d); err != nil {
			return err
		}
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	if err := doc.GenMarkdownTree(newRoot(), refDir); err != nil {
		return fmt.Errorf("markdown: %w", err)
	}
	// The listing manifest's JSON Schema, for editors (yaml-language-server) and reviewers.
	if err := os.WriteFile(filepath.Join(refDir, "manifest.schema.json"), []byte(manifest.Schema), 0o644); err != nil {
		return fmt.Errorf("schema: %w", err)
	}
	header := &doc.GenManHeader{Title: "MKT", Section: "1", Date: &manDate, Source: "mkt", Manual: "mkt manual"}
	if err := doc.GenManTree(newRoot(), header, manDir); err != nil {
		return fmt.Errorf("man: %w", err)
	}
	comps := map[string]func(*cobra.Command, string) error{
		"mkt.bash": func(c *cobra.Command, p string) error { return c.GenBashCompletionFileV2(p, true) },
		"mkt.zsh":  func(c *cobra.Command, p string) error { return c.GenZshCompletionFile(p) },
		"mkt.fish": func(c *cobra.Command, p string) error { return c.GenFishCompletionFile(p, true) },
		"mkt.ps1":  func(c *cobra.Command, p string) error { return c.GenPowerShellCompletionFileWithDesc(p) },
	}
	for name, gen := range comps {
		if err := gen(newRoot(), filepath.Join(compDir, name)); err != nil {
			return fmt.Errorf("completion %s: %w", name, err)
		}
	}
	return nil
}
