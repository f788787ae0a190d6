package cmdutil

import (
	"fmt"
	"net"
	"os"
	"runtime/debug"
	"time"
)

// LongRunning undoes the short-run GC setting (Main collects less often: a run lasts
// milliseconds) for a command that serves until stopped — `sandbox serve`, `spi listen` —
// whose heap would otherwise grow to five times what it holds. GOGC still wins when set.
//
// It also hands freed memory back to the system every 30 s, so that a server that has
// weathered a burst does not keep its peak for the rest of its life.
func LongRunning() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(100)
	}
	go func() {
		for range time.Tick(30 * time.Second) {
			debug.FreeOSMemory()
		}
	}()
}

// WarnIfExposed warns on stderr when a server listens beyond this machine (":8765",
// "0.0.0.0:…", a LAN address): anyone who can reach it can call it.
func (f *Factory) WarnIfExposed(addr net.Addr) {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok || tcp.IP.IsLoopback() {
		return
	}
	ios := f.IOStreams
	fmt.Fprintf(ios.ErrOut, "%s %s\n", ios.StylesErr().Warning.Render("!"), f.T("serve.exposed", addr.String()))
}
