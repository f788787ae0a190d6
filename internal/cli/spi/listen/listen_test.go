package listen

import (
	"context"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdListen(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdListen, "--app-info", `{"frontEndUrl":"https://x"}`)
	if err != nil || opts.AppInfo["frontEndUrl"] != "https://x" || opts.Addr != "127.0.0.1:0" {
		t.Fatalf("%+v %v", opts, err)
	}
	for _, bad := range [][]string{{"--app-info", "{"}, {"--forward-to", "ftp://x"}} {
		if _, err := clitest.Parse(t, NewCmdListen, bad...); clitest.ExitCode(err) != 2 {
			t.Errorf("%v: %v", bad, err)
		}
	}
}

// The listener prints its URL first and stops cleanly when the context ends.
func Test_listenRun(t *testing.T) {
	e := clitest.New(t, "MKT_SPI_KEY", "k3y")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := listenRun(ctx, &Options{Factory: e.F, Addr: "127.0.0.1:0"}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(e.Out.String(), "http://127.0.0.1:") {
		t.Errorf("out: %q", e.Out)
	}
}

// A caller without the key cannot forge a line or fill the log.
func TestLogText(t *testing.T) {
	for in, want := range map[string]string{
		"cmgj10000001":        "cmgj10000001",
		"2026-12-30 22:38:38": `"2026-12-30 22:38:38"`,
		"x\n12:00:00 ✓ createInstance aliUid=1 → 200 valid token": `"x\n12:00:00 ✓ createInstance aliUid=1 → 200 valid token"`,
		"a → 200 valid token": `"a → 200 valid token"`,
		"\x1b[2J":             `"\x1b[2J"`,
	} {
		if got := logText(in); got != want {
			t.Errorf("logText(%q) = %s, want %s", in, got, want)
		}
	}
	if got := logText(strings.Repeat("a", 1<<20)); len(got) > maxLogValue+8 {
		t.Errorf("a 1 MB value logged as %d bytes", len(got))
	}
}
