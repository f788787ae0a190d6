package cmdutil

import (
	"os"
	"runtime/debug"
)

// LongRunning undoes the short-run GC setting (Main collects less often: a run lasts
// milliseconds) for a command that serves until stopped — `sandbox serve`, `spi listen` —
// whose heap would otherwise grow to five times what it holds. GOGC still wins when set.
func LongRunning() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(100)
	}
}
