package market

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mkt-cli/mkt/internal/exitcode"
)

type recorded struct {
	mu      sync.Mutex
	tokens  []string
	nonces  []string
	waits   []time.Duration
	queries []url.Values
}

func client(t *testing.T, url string, rec *recorded, opts Options) *Client {
	t.Helper()
	opts.Endpoint = url
	opts.Credential = Credential{AccessKeyID: "LTAItestkey00001", AccessKeySecret: "test-secret", SecurityToken: "sts-token-value"}
	if opts.Retry.MaxAttempts == 0 {
		opts.Retry = RetryPolicy{MaxAttempts: 4, Base: time.Millisecond, Cap: 10 * time.Millisecond, MaxRetryAfter: 5 * time.Second}
	}
	opts.Sleep = func(ctx context.Context, d time.Duration) error {
		rec.mu.Lock()
		rec.waits = append(rec.waits, d)
		rec.mu.Unlock()
		return nil
	}
	return New(opts)
}

func handler(rec *recorded, answers ...func(w http.ResponseWriter)) http.HandlerFunc {
	var n int
	var mu sync.Mutex
	return func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		form, _ := url.ParseQuery(string(body))
		q := r.URL.Query()
		tok := form.Get("ClientToken")
		if tok == "" {
			tok = q.Get("ClientToken")
		}
		rec.mu.Lock()
		rec.tokens = append(rec.tokens, tok)
		rec.nonces = append(rec.nonces, r.Header.Get("x-acs-signature-nonce"))
		rec.queries = append(rec.queries, q)
		rec.mu.Unlock()
		mu.Lock()
		i := min(n, len(answers)-1)
		n++
		mu.Unlock()
		answers[i](w)
	}
}

func status(code int, body string, headers ...string) func(w http.ResponseWriter) {
	return func(w http.ResponseWriter) {
		for i := 0; i+1 < len(headers); i += 2 {
			w.Header().Set(headers[i], headers[i+1])
		}
		w.WriteHeader(code)
		io.WriteString(w, body)
	}
}

const okBody = `{"RequestId":"R-OK","FileId":"file-1"}`

func TestRetry503ThenOKWithOneClientToken(t *testing.T) {
	rec := &recorded{}
	srv := httptest.NewServer(handler(rec,
		status(503, `{"RequestId":"R1","Code":"ServiceUnavailable","Message":"busy"}`),
		status(500, `{"RequestId":"R2","Code":"InternalError","Message":"oops"}`),
		status(200, okBody)))
	defer srv.Close()
	c := client(t, srv.URL, rec, Options{})
	var out struct{ FileId string }
	err := c.Call(context.Background(), Request{Action: "UploadFile", Form: url.Values{"FileName": {"a.pdf"}}}, &out)
	if err != nil || out.FileId != "file-1" {
		t.Fatalf("%v %+v", err, out)
	}
	if len(rec.tokens) != 3 || rec.tokens[0] == "" || rec.tokens[0] != rec.tokens[1] || rec.tokens[1] != rec.tokens[2] {
		t.Errorf("ClientToken across retries: %q", rec.tokens)
	}
	if rec.nonces[0] == rec.nonces[1] {
		t.Error("a retry reused the signature nonce")
	}
	if len(rec.waits) != 2 {
		t.Errorf("waits: %v", rec.waits)
	}
}

func TestThrottlingHonoursRetryAfter(t *testing.T) {
	rec := &recorded{}
	srv := httptest.NewServer(handler(rec,
		status(400, `{"RequestId":"R1","Code":"Throttling.User","Message":"Request was denied due to user flow control."}`, "Retry-After", "2"),
		status(200, okBody)))
	defer srv.Close()
	c := client(t, srv.URL, rec, Options{})
	if err := c.Call(context.Background(), Request{Action: "DescribeProducts"}, nil); err != nil {
		t.Fatal(err)
	}
	if len(rec.waits) != 1 || rec.waits[0] < 2*time.Second {
		t.Errorf("Retry-After ignored: %v", rec.waits)
	}
	if rec.tokens[0] != "" {
		t.Errorf("a read-only action got a ClientToken: %q", rec.tokens[0])
	}
}

func TestBadRequestIsNotRetried(t *testing.T) {
	rec := &recorded{}
	srv := httptest.NewServer(handler(rec, status(400, `{"RequestId":"R1","HostId":"h","Code":"InvalidParameter","Message":"bad","Recommend":"https://x"}`)))
	defer srv.Close()
	err := client(t, srv.URL, rec, Options{}).Call(context.Background(), Request{Action: "DescribeProduct"}, nil)
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.Code != "InvalidParameter" || apiErr.RequestID != "R1" || apiErr.HostID != "h" || apiErr.Recommend != "https://x" || apiErr.HTTPStatus != 400 {
		t.Fatalf("%#v", err)
	}
	if len(rec.tokens) != 1 {
		t.Errorf("a 400 was retried %d times", len(rec.tokens)-1)
	}
	if apiErr.Kind() != exitcode.Usage {
		t.Errorf("category %v", apiErr.Kind())
	}
}

func TestRetriesExhausted(t *testing.T) {
	rec := &recorded{}
	srv := httptest.NewServer(handler(rec, status(502, `<html>bad gateway</html>`)))
	defer srv.Close()
	err := client(t, srv.URL, rec, Options{}).Call(context.Background(), Request{Action: "DescribeProducts"}, nil)
	var ex *RetriesExhaustedError
	if !errors.As(err, &ex) || ex.Attempts != 4 || ex.Last.Code != "HTTP502" || ex.Last.Kind() != exitcode.Unavailable {
		t.Fatalf("%v", err)
	}
}

func TestHungServerTimesOut(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	rec := &recorded{}
	c := client(t, srv.URL, rec, Options{Timeout: 50 * time.Millisecond, Retry: RetryPolicy{MaxAttempts: 2, Base: time.Millisecond, Cap: time.Millisecond}})
	start := time.Now()
	err := c.Call(context.Background(), Request{Action: "DescribeProducts"}, nil)
	var te *TransportError
	if !errors.As(err, &te) || te.Attempts != 2 {
		t.Fatalf("%v", err)
	}
	if time.Since(start) > 5*time.Second {
		t.Errorf("timeout not applied: %s", time.Since(start))
	}
}

func TestMalformedJSON(t *testing.T) {
	rec := &recorded{}
	srv := httptest.NewServer(handler(rec, status(200, `{"RequestId": "R1", "TotalCount": `)))
	defer srv.Close()
	var out struct{ TotalCount int }
	err := client(t, srv.URL, rec, Options{}).Call(context.Background(), Request{Action: "DescribeProducts"}, &out)
	var de *DecodeError
	if !errors.As(err, &de) || de.Action != "DescribeProducts" {
		t.Fatalf("%v", err)
	}
}

func TestDebugRedactsSecrets(t *testing.T) {
	rec := &recorded{}
	srv := httptest.NewServer(handler(rec, status(200, okBody)))
	defer srv.Close()
	var dbg bytes.Buffer
	c := client(t, srv.URL, rec, Options{Debug: &dbg})
	q := url.Values{}
	Flatten(q, "Filter", []map[string]string{{"Key": "sort", "Value": "created_on-desc"}})
	if err := c.Call(context.Background(), Request{Action: "DescribeProducts", Query: q}, nil); err != nil {
		t.Fatal(err)
	}
	out := dbg.String()
	for _, secret := range []string{"test-secret", "sts-token-value", "testkey"} {
		if strings.Contains(out, secret) {
			t.Errorf("debug output leaks %q:\n%s", secret, out)
		}
	}
	if !strings.Contains(out, "Signature=REDACTED") || !strings.Contains(out, "Filter.1.Key=sort") || !strings.Contains(out, "< HTTP 200") {
		t.Errorf("debug output:\n%s", out)
	}
	if rec.queries[0].Get("Filter.1.Value") != "created_on-desc" {
		t.Errorf("flattening: %v", rec.queries[0])
	}
}

func TestContextCancelStopsRetries(t *testing.T) {
	rec := &recorded{}
	srv := httptest.NewServer(handler(rec, status(503, `{"Code":"ServiceUnavailable"}`)))
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	c := client(t, srv.URL, rec, Options{})
	c.opts.Sleep = func(context.Context, time.Duration) error { cancel(); return context.Canceled }
	if err := c.Call(ctx, Request{Action: "DescribeProducts"}, nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("%v", err)
	}
}

func TestBackoffBounds(t *testing.T) {
	p := RetryPolicy{Base: 100 * time.Millisecond, Cap: time.Second}
	for attempt := 1; attempt < 10; attempt++ {
		step := min(p.Base<<(attempt-1), p.Cap)
		for i := 0; i < 50; i++ {
			d := backoff(p, attempt)
			if d < step/2 || d > step {
				t.Fatalf("attempt %d: %s outside [%s, %s]", attempt, d, step/2, step)
			}
		}
	}
}

// An answer cut off mid-body is a failed exchange: retried, and exit 7 when it keeps failing.
func TestTruncatedBodyIsRetried(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			w.Header().Set("Content-Length", "100")
			w.WriteHeader(200)
			io.WriteString(w, `{"RequestId":"x",`)
			return // the connection ends 83 bytes short
		}
		io.WriteString(w, `{"RequestId":"y","TotalCount":0}`)
	}))
	defer srv.Close()
	c := New(Options{Endpoint: srv.URL, Credential: Credential{AccessKeyID: "id", AccessKeySecret: "s"},
		Retry: RetryPolicy{MaxAttempts: 3, Base: time.Millisecond, Cap: time.Millisecond}})
	var out struct{ TotalCount int }
	if err := c.Call(context.Background(), Request{Action: "DescribeProducts"}, &out); err != nil || calls.Load() != 2 {
		t.Fatalf("%v after %d calls", err, calls.Load())
	}
}

// A Retry-After longer than the caller's deadline is not waited out: the command ends within
// its --timeout with the marketplace's answer.
func TestRetryAfterWithinDeadline(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "90")
		w.WriteHeader(503)
		io.WriteString(w, `{"Code":"ServiceUnavailable","Message":"busy"}`)
	}))
	defer srv.Close()
	c := New(Options{Endpoint: srv.URL, Credential: Credential{AccessKeyID: "id", AccessKeySecret: "s"}})
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	start := time.Now()
	err := c.Call(ctx, Request{Action: "DescribeProducts"}, nil)
	var ex *RetriesExhaustedError
	if !errors.As(err, &ex) || time.Since(start) > time.Second {
		t.Fatalf("%v after %v", err, time.Since(start))
	}
}

// A flood of an answer is refused while it is read (exit 7, not retried, the reading stops
// near the limit), and a flood of an error message is cut before anyone prints it.
func TestAnswersAreBounded(t *testing.T) {
	var sent atomic.Int64
	rec := &recorded{}
	flood := func(w http.ResponseWriter) {
		w.WriteHeader(200)
		chunk := bytes.Repeat([]byte("a"), 1<<20)
		for i := 0; i < 1024; i++ { // up to 1 GiB
			n, err := w.Write(chunk)
			sent.Add(int64(n))
			if err != nil {
				return
			}
		}
	}
	srv := httptest.NewServer(handler(rec, flood, flood))
	defer srv.Close()
	err := client(t, srv.URL, rec, Options{}).Call(context.Background(), Request{Action: "DescribeProducts"}, nil)
	var de *DecodeError
	if !errors.As(err, &de) || !strings.Contains(err.Error(), "larger than") {
		t.Fatalf("a 1 GiB answer: %v", err)
	}
	if len(rec.tokens) != 1 || sent.Load() > 2*MaxAnswerBytes {
		t.Errorf("%d requests; %d MiB sent before the client stopped reading", len(rec.tokens), sent.Load()>>20)
	}

	long := `{"RequestId":"R1","Code":"InvalidParameter","Message":"` + strings.Repeat("x", 1<<20) + `"}`
	srv2 := httptest.NewServer(handler(&recorded{}, status(400, long)))
	defer srv2.Close()
	err = client(t, srv2.URL, &recorded{}, Options{}).Call(context.Background(), Request{Action: "DescribeProducts"}, nil)
	var apiErr *APIError
	if !errors.As(err, &apiErr) || len(apiErr.Message) > MaxErrorMessage+len("…") {
		t.Errorf("a 1 MiB message kept whole: %d bytes", len(apiErr.Message))
	}
}

// A 2xx page that is not the API's answer is no proof the request was carried out, even when
// the caller reads nothing from it; a 5xx or a gateway's page is never a certain refusal.
func TestUnreadAnswersAreChecked(t *testing.T) {
	srv := httptest.NewServer(handler(&recorded{}, status(200, "<html>captive portal</html>")))
	defer srv.Close()
	err := client(t, srv.URL, &recorded{}, Options{}).Call(context.Background(), Request{Action: "PushMeteringData", Once: true}, nil)
	var de *DecodeError
	if !errors.As(err, &de) {
		t.Fatalf("a 200 HTML page: %v", err)
	}
	for _, c := range []struct {
		err  *APIError
		want bool
	}{
		{&APIError{HTTPStatus: 400, Code: "InvalidParameter"}, true},
		{&APIError{HTTPStatus: 502, Code: "HTTP502"}, false},
		{&APIError{HTTPStatus: 403, Code: "HTTP403"}, false},
		{&APIError{HTTPStatus: 500, Code: "InternalError"}, false},
	} {
		if got := IsRefusal(c.err); got != c.want {
			t.Errorf("IsRefusal(%d %s) = %v", c.err.HTTPStatus, c.err.Code, got)
		}
	}
}
