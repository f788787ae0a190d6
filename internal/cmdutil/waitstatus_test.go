package cmdutil

import (
	"strings"
	"testing"
	"time"

	"github.com/mkt-cli/mkt/internal/iostreams"
)

// In a pipe each heartbeat is a line; on a terminal one status line is redrawn in place
// (carriage return, erase line), moved out of the way of other output, and cleared at the end.
func TestWaitStatus(t *testing.T) {
	ios, _, _, errOut := iostreams.Test()
	f := NewFactory(ios, func(string) string { return "" })
	w := f.NewWaitStatus()
	w.Heartbeat(2, time.Minute)
	w.Heartbeat(1, 30*time.Second)
	w.Stop()
	if got := errOut.String(); got != "waiting: 2 product(s) still in review, 1m0s to the deadline\nwaiting: 1 product(s) still in review, 30s to the deadline\n" {
		t.Errorf("pipe: %q", got)
	}

	ios, _, out, errOut := iostreams.Test()
	ios.SetStderrTTY(true)
	ios.SetStdoutTTY(true)
	f = NewFactory(ios, func(string) string { return "" })
	w = f.NewWaitStatus()
	w.Heartbeat(2, 3*time.Second)
	w.Print(func() { out.WriteString("listed\n") })
	time.Sleep(1100 * time.Millisecond) // the ticker redraws with less time left
	w.Stop()
	got := errOut.String()
	if strings.Count(got, "\n") != 0 || !strings.HasPrefix(got, "\r\x1b[K") || !strings.HasSuffix(got, "\r\x1b[K") || strings.Count(got, "still in review") < 3 {
		t.Errorf("terminal: %q", got)
	}
	if !strings.Contains(got, " 2s to the deadline") && !strings.Contains(got, " 1s to the deadline") {
		t.Errorf("the countdown did not move: %q", got)
	}
}
