package cli

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/iostreams"
)

// A panic reaches the user as one line — mkt's fault, where the details are — in their
// language, and the stack trace goes to a private file, not the terminal.
func TestPanicIsOneLineAndAReport(t *testing.T) {
	home := t.TempDir()
	for lang, want := range map[string]string{"en": "a bug in mkt", "zh": "mkt 的缺陷"} {
		ios, _, _, errOut := iostreams.Test()
		env := map[string]string{"HOME": home, "MKT_LANG": lang}
		code := crashed(ios, func(k string) string { return env[k] }, "index out of range [3] with length 3", debug.Stack())
		out := errOut.String()
		if code != 1 || strings.Count(out, "\n") != 1 || !strings.Contains(out, want) || strings.Contains(out, "goroutine ") {
			t.Fatalf("%s: exit %d, stderr %q", lang, code, out)
		}
		i := strings.Index(out, filepath.Join(home, ".cache", "mkt", "crash-"))
		if i < 0 {
			t.Fatalf("no report path in %q", out)
		}
		path := strings.Fields(out[i:])[0]
		fi, err := os.Stat(path)
		if err != nil || fi.Mode().Perm() != 0o600 {
			t.Fatalf("report %s: %v %v", path, fi, err)
		}
		b, _ := os.ReadFile(path)
		if !strings.Contains(string(b), "panic: index out of range") || !strings.Contains(string(b), "goroutine ") {
			t.Errorf("report: %s", b)
		}
	}
}
