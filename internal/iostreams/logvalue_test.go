package iostreams

import (
	"strings"
	"testing"
)

// A caller without the key cannot forge a line or fill the log.
func TestLogValue(t *testing.T) {
	for in, want := range map[string]string{
		"cmgj10000001":        "cmgj10000001",
		"2026-12-30 22:38:38": `"2026-12-30 22:38:38"`,
		"x\n12:00:00 ✓ createInstance aliUid=1 → 200 valid token": `"x\n12:00:00 ✓ createInstance aliUid=1 → 200 valid token"`,
		"a → 200 valid token": `"a → 200 valid token"`,
		"\x1b[2J":             `"\x1b[2J"`,
	} {
		if got := LogValue(in); got != want {
			t.Errorf("LogValue(%q) = %s, want %s", in, got, want)
		}
	}
	if got := LogValue(strings.Repeat("a", 1<<20)); len(got) > MaxLogValue+8 {
		t.Errorf("a 1 MB value logged as %d bytes", len(got))
	}
}
