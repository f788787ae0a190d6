package clitest

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/sandbox"
)

// Lossy is a sandbox served on 127.0.0.1 behind a fault injector: for the actions told, it
// loses answers (the request is carried out, then the connection is closed with nothing
// written — the fault that makes a command unsure whether its change happened), or injects
// the other faults of a real network and gateway (Inject).
type Lossy struct {
	// Client reaches the sandbox through the lossy server, retrying as mkt does (fast).
	Client *market.Client
	// Direct reaches the same sandbox without losses, to look at what happened.
	Direct *market.Client
	// URL is the lossy server's, and Credential the sandbox's pair, for mkt processes.
	URL        string
	Credential market.Credential
	mu         sync.Mutex
	lose       map[string]bool
	faults     map[string][]Fault
	got        map[string]int
}

// Fault is what the lossy server does to one request.
type Fault int

const (
	// Lose carries the request out and closes the connection without an answer.
	Lose Fault = iota + 1
	// Delay carries the request out and answers after FaultDelay.
	Delay
	// BadGateway carries the request out and answers a gateway's 502 HTML page.
	BadGateway
	// Throttle refuses the request, not carried out, with 400 Throttling.User.
	Throttle
	// Truncate carries the request out and cuts the answer off halfway.
	Truncate
	// Garbage carries the request out and answers 200 with a body that is not JSON.
	Garbage
	// Huge carries the request out and answers 200 with HugeBytes of body.
	Huge
)

// FaultDelay is how late a Delay answer comes; HugeBytes how long a Huge one is.
const (
	FaultDelay = 1500 * time.Millisecond
	HugeBytes  = 80 << 20
)

func (f Fault) String() string {
	if f < 0 || int(f) > int(Huge) {
		return fmt.Sprintf("fault(%d)", int(f))
	}
	return [...]string{"none", "lose", "delay", "bad-gateway", "throttle", "truncate", "garbage", "huge"}[f]
}

// Clear takes every fault away: from now on the server answers as the sandbox does.
func (l *Lossy) Clear() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.faults = map[string][]Fault{}
	l.lose = map[string]bool{}
}

// Inject makes the next requests of action meet faults, one fault per request, in order.
func (l *Lossy) Inject(action string, faults ...Fault) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.faults[action] = append(l.faults[action], faults...)
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
	l := &Lossy{got: map[string]int{}, faults: map[string][]Fault{}, Credential: cred}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		action := r.Header.Get("x-acs-action")
		if action == "" {
			form, _ := url.ParseQuery(string(body))
			action = form.Get("Action")
		}
		l.mu.Lock()
		var fault Fault
		if q := l.faults[action]; len(q) > 0 {
			fault, l.faults[action] = q[0], q[1:]
		} else if l.lose[action] {
			fault = Lose
		}
		l.mu.Unlock()
		if fault == Throttle {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(400)
			io.WriteString(w, `{"RequestId":"FAULT-THROTTLE","HostId":"market.aliyuncs.com","Code":"Throttling.User","Message":"Request was denied due to user flow control."}`)
			return
		}
		rec := httptest.NewRecorder()
		handler.ServeHTTP(rec, r)
		l.mu.Lock()
		l.got[action]++
		l.mu.Unlock()
		answer(w, rec, fault)
	}))
	t.Cleanup(srv.Close)
	l.URL = srv.URL
	fast := market.RetryPolicy{MaxAttempts: 2, Base: 1, Cap: 1}
	l.Client = market.New(market.Options{Endpoint: srv.URL, Credential: cred, Retry: fast})
	l.Direct = market.New(market.Options{Endpoint: srv.URL, Credential: cred, Retry: market.RetryPolicy{MaxAttempts: 1}})
	return l
}

// answer writes the sandbox's answer rec, or what fault makes of it.
func answer(w http.ResponseWriter, rec *httptest.ResponseRecorder, fault Fault) {
	switch fault {
	case Lose:
		if conn, _, err := w.(http.Hijacker).Hijack(); err == nil {
			conn.Close()
		}
		return
	case Delay:
		time.Sleep(FaultDelay)
	case BadGateway:
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusBadGateway)
		io.WriteString(w, "<html><body><h1>502 Bad Gateway</h1></body></html>")
		return
	case Truncate:
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			return
		}
		body := rec.Body.Bytes()
		fmt.Fprintf(buf, "HTTP/1.1 %d %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", rec.Code, http.StatusText(rec.Code), len(body))
		buf.Write(body[:len(body)/2])
		buf.Flush()
		conn.Close()
		return
	case Garbage:
		w.WriteHeader(http.StatusOK)
		io.WriteString(w, "\x00\x1b[2J<!-- not json -->")
		return
	case Huge:
		w.WriteHeader(http.StatusOK)
		chunk := bytes.Repeat([]byte(" "), 1<<20)
		for sent := 0; sent < HugeBytes; sent += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
		return
	}
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	w.WriteHeader(rec.Code)
	w.Write(rec.Body.Bytes())
}
