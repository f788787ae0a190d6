package cmdutil

import (
	"fmt"
	"sync"
	"time"
)

// WaitStatus is what a --wait shows while it waits. In a pipe (a CI log) each heartbeat is a
// line on stderr; on a terminal one status line on stderr is redrawn every second with the
// time left, and cleared whenever something else is printed, so the screen never scrolls
// with heartbeats.
type WaitStatus struct {
	f        *Factory
	tty      bool
	mu       sync.Mutex
	n        int
	deadline time.Time
	shown    bool
	stop     chan struct{}
	done     sync.WaitGroup
}

// NewWaitStatus starts the status of a wait; its heartbeats say how long is left.
func (f *Factory) NewWaitStatus() *WaitStatus {
	w := &WaitStatus{f: f, tty: f.IOStreams.IsStderrTTY(), stop: make(chan struct{})}
	if w.tty {
		w.done.Add(1)
		go w.tick()
	}
	return w
}

func (w *WaitStatus) tick() {
	defer w.done.Done()
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-w.stop:
			return
		case <-t.C:
			w.mu.Lock()
			if w.n > 0 {
				w.draw()
			}
			w.mu.Unlock()
		}
	}
}

// line is the status text; called with mu held.
func (w *WaitStatus) line() string {
	left := time.Until(w.deadline).Round(time.Second)
	if left < 0 {
		left = 0
	}
	return w.f.T("apply.waiting", w.n, left.String())
}

// draw redraws the terminal's status line; called with mu held.
func (w *WaitStatus) draw() {
	fmt.Fprint(w.f.IOStreams.ErrOut, "\r\x1b[K"+w.f.IOStreams.StylesErr().Muted.Render(w.line()))
	w.shown = true
}

// clear removes the terminal's status line; called with mu held.
func (w *WaitStatus) clear() {
	if w.shown {
		fmt.Fprint(w.f.IOStreams.ErrOut, "\r\x1b[K")
		w.shown = false
	}
}

// Heartbeat reports that n things are still pending with left to the deadline: a line in a
// pipe, the status line on a terminal.
func (w *WaitStatus) Heartbeat(n int, left time.Duration) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.n, w.deadline = n, time.Now().Add(left)
	if !w.tty {
		fmt.Fprintln(w.f.IOStreams.ErrOut, w.line())
		return
	}
	w.draw()
}

// Print runs print (which writes a line of output anywhere) with the status line out of its way.
func (w *WaitStatus) Print(print func()) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.clear()
	print()
	if w.tty && w.n > 0 {
		w.draw()
	}
}

// Stop ends the status and clears the line.
func (w *WaitStatus) Stop() {
	close(w.stop)
	w.done.Wait()
	w.mu.Lock()
	w.clear()
	w.mu.Unlock()
}
