package clitest

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"

	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/sandbox"
)

// Lossy is a sandbox served on 127.0.0.1 that carries out every request and then, for the
// actions told, loses the answer (the connection is closed with nothing written) — the fault
// that makes a command unsure whether its change happened.
type Lossy struct {
	// Client reaches the sandbox through the lossy server, retrying as mkt does (fast).
	Client *market.Client
	// Direct reaches the same sandbox without losses, to look at what happened.
	Direct *market.Client
	mu     sync.Mutex
	lose   map[string]bool
	got    map[string]int
}

// Received is how many requests of action reached the sandbox.
func (l *Lossy) Received(action string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.got[action]
}

// Lose makes the server lose the answers of these actions (none when called with none).
func (l *Lossy) Lose(actions ...string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lose = map[string]bool{}
	for _, a := range actions {
		l.lose[a] = true
	}
}

// NewLossy starts a lossy sandbox; the test stops it.
func NewLossy(t testing.TB) *Lossy {
	t.Helper()
	store, err := sandbox.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	id, secret, _ := store.Credentials()
	cred := market.Credential{AccessKeyID: id, AccessKeySecret: secret}
	handler := sandbox.NewServer(store)
	l := &Lossy{got: map[string]int{}}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		action := r.Header.Get("x-acs-action")
		if action == "" {
			form, _ := url.ParseQuery(string(body))
			action = form.Get("Action")
		}
		rec := httptest.NewRecorder()
		handler.ServeHTTP(rec, r)
		l.mu.Lock()
		lost := l.lose[action]
		l.got[action]++
		l.mu.Unlock()
		if lost {
			if conn, _, err := w.(http.Hijacker).Hijack(); err == nil {
				conn.Close()
			}
			return
		}
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		w.WriteHeader(rec.Code)
		w.Write(rec.Body.Bytes())
	}))
	t.Cleanup(srv.Close)
	fast := market.RetryPolicy{MaxAttempts: 2, Base: 1, Cap: 1}
	l.Client = market.New(market.Options{Endpoint: srv.URL, Credential: cred, Retry: fast})
	l.Direct = market.New(market.Options{Endpoint: srv.URL, Credential: cred, Retry: market.RetryPolicy{MaxAttempts: 1}})
	return l
}
