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
	"strings"
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
	if err := addManSections(manDir); err != nil {
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

// manSections are what every man page says beside its command's own text: how it exits,
// what it reads from the environment, which files it uses (cobra writes none of these).
const manSections = `.SH EXIT STATUS
0 on success, also an empty list; 1 an unclassified failure; 2 a bad flag, argument or input
file; 3 a marketplace rule refused the operation; 4 missing or rejected credentials; 5 not
found; 6 a conflict (idempotency mismatch, state changed); 7 the marketplace unreachable or
failing after retries; 8 finished, but the outcome is a failure; 9 there are changes or
things to do (plan \-\-detailed\-exitcode, todo \-\-exit\-code); 10 not offered by this
endpoint, nothing sent; 11 a product still in review at \-\-wait\-timeout; 130 interrupted
(rerun the same command to continue). The whole table: \fBmkt help exit\-codes\fP.

.SH ENVIRONMENT
MKT_ACCESS_KEY_ID, MKT_ACCESS_KEY_SECRET, MKT_SECURITY_TOKEN (or ALIBABA_CLOUD_*) sign the
requests; MKT_PROFILE, MKT_REGION, MKT_ENDPOINT, MKT_SANDBOX, MKT_OUTPUT and MKT_LANG stand
for their flags; MKT_CONFIG_DIR and MKT_SANDBOX_DIR move the files below; CI makes missing
credentials an error instead of the sandbox; NO_COLOR turns colour off. Every variable:
\fBmkt help environment\fP.

.SH FILES
.TP
\fI$XDG_CONFIG_HOME/mkt/config.yaml\fP (~/.config/mkt/config.yaml)
profiles and settings, mode 0600
.TP
\fI$XDG_DATA_HOME/mkt/sandbox\fP (~/.local/share/mkt/sandbox)
the sandbox: sandbox.db (SQLite) and uploaded files, 0600 in a 0700 directory
.TP
\fI$XDG_CACHE_HOME/mkt\fP (~/.cache/mkt)
crash reports, should mkt ever fail on itself

`

// addManSections puts manSections into every page, before its SEE ALSO.
func addManSections(dir string) error {
	pages, err := filepath.Glob(filepath.Join(dir, "*.1"))
	if err != nil {
		return err
	}
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		page := string(b)
		if i := strings.Index(page, ".SH SEE ALSO"); i >= 0 {
			page = page[:i] + manSections + page[i:]
		} else {
			page += "\n" + manSections
		}
		if err := os.WriteFile(p, []byte(page), 0o644); err != nil {
			return err
		}
	}
	return nil
}
