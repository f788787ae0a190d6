package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdServe(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdServe, "--addr", "127.0.0.1:0", "-q")
	if err != nil || opts.Addr != "127.0.0.1:0" || !opts.Quiet {
		t.Fatalf("%+v %v", opts, err)
	}
}

// serve prints its URL and the sandbox's own pair, then stops when the context ends.
func Test_serveRun(t *testing.T) {
	e := clitest.New(t)
	e.F.Global.Output = "json"
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := serveRun(ctx, &Options{Factory: e.F, Addr: "127.0.0.1:0", Quiet: true}); err != nil {
		t.Fatal(err)
	}
	var info Info
	if err := json.Unmarshal([]byte(strings.SplitN(e.Out.String(), "\n}", 2)[0]+"\n}"), &info); err != nil {
		t.Fatalf("%v: %q", err, e.Out)
	}
	if !strings.HasPrefix(info.URL, "http://127.0.0.1:") || !strings.HasPrefix(info.AccessKeyID, "LTAIsandbox") {
		t.Errorf("%+v", info)
	}
}

// The request log shows a caller's action name on one line and bounded: an unsigned caller
// cannot forge lines or fill the log.
func TestRequestLogIsBounded(t *testing.T) {
	var log bytes.Buffer
	h := logRequests(&log, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(403) }))
	r := httptest.NewRequest(http.MethodPost, "/", nil)
	r.Header.Set("x-acs-action", "X\n12:00:00 CreateProduct 200 1ms"+strings.Repeat("A", 1<<20))
	h.ServeHTTP(httptest.NewRecorder(), r)
	if strings.Count(log.String(), "\n") != 1 || log.Len() > 400 {
		t.Errorf("log: %d bytes, %d lines", log.Len(), strings.Count(log.String(), "\n"))
	}
}
