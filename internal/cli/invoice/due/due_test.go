package due

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/invoice"
	"github.com/mkt-cli/mkt/internal/notify"
)

func TestNewCmdDue(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdDue, "--within", "2d", "--fail-on-overdue")
	if err != nil || opts.Within != 48*time.Hour || !opts.FailOnOverdue {
		t.Fatalf("%+v %v", opts, err)
	}
	if _, err := clitest.Parse(t, NewCmdDue, "--within", "soon"); clitest.ExitCode(err) != 2 {
		t.Errorf("bad duration: %v", err)
	}
}

func Test_dueRun(t *testing.T) {
	e := clitest.New(t)
	id := e.InvoiceRequest(t, e.Listed(t, "Invoice Helper").Code)
	opts := &Options{Factory: e.F, Within: invoice.Window, Loc: time.UTC, FailOnOverdue: true}
	if err := dueRun(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(e.Out.String(), id+"\t") {
		t.Errorf("out: %q", e.Out)
	}
	// Eight days on, the request is overdue: exit 3 with --fail-on-overdue.
	if _, err := e.Client(t).AdvanceClock(context.Background(), "8d"); err != nil {
		t.Fatal(err)
	}
	e.Reset()
	if err := dueRun(context.Background(), opts); clitest.ExitCode(err) != 3 || !strings.Contains(e.Out.String(), "overdue") {
		t.Errorf("overdue: %v\n%s", err, e.Out)
	}
}

// --notify posts the due requests once to a robot speaking DingTalk's format (its signature
// checked by the server, as DingTalk does), says nothing when nothing is due, and a refusal is
// exit 8 with the list still printed and the token never shown.
func TestNotify(t *testing.T) {
	const secret = "SECcli0123"
	var posts atomic.Int32
	var got map[string]any
	ding := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		posts.Add(1)
		q := r.URL.Query()
		if q.Get("sign") != notify.DingTalkSign(q.Get("timestamp"), secret) {
			io.WriteString(w, `{"errcode":310000,"errmsg":"sign not match"}`)
			return
		}
		json.NewDecoder(r.Body).Decode(&got)
		io.WriteString(w, `{"errcode":0,"errmsg":"ok"}`)
	}))
	defer ding.Close()
	hook := ding.URL + "/robot/send?access_token=tok-123"

	e := clitest.New(t, "MKT_NOTIFY_SECRET", secret)
	if err := e.Exec(NewCmdDue(e.F, nil), "--notify", hook, "--notify-format", "dingtalk"); err != nil || posts.Load() != 0 {
		t.Fatalf("nothing due: %v, %d posts", err, posts.Load())
	}
	if !strings.Contains(e.ErrOut.String(), "no notification sent") {
		t.Errorf("stderr: %s", e.ErrOut)
	}
	id := e.InvoiceRequest(t, e.Listed(t, "Invoice Helper").Code)
	e.Reset()
	if err := e.Exec(NewCmdDue(e.F, nil), "--notify", hook, "--notify-format", "dingtalk"); err != nil || posts.Load() != 1 {
		t.Fatalf("one due: %v, %d posts", err, posts.Load())
	}
	md, _ := got["markdown"].(map[string]any)
	if text, _ := md["text"].(string); !strings.Contains(text, id) || !strings.Contains(md["title"].(string), "Invoice requests to issue: 1 (0 overdue)") {
		t.Errorf("posted: %v", got)
	}
	if strings.Contains(e.ErrOut.String(), "tok-123") || !strings.Contains(e.ErrOut.String(), "notified http://127.0.0.1") {
		t.Errorf("stderr: %s", e.ErrOut)
	}

	// A wrong secret: the robot refuses; exit 8, the list on stdout all the same.
	e2 := clitest.New(t, "MKT_NOTIFY_SECRET", "SECwrong")
	e2.InvoiceRequest(t, e2.Listed(t, "Invoice Helper").Code)
	err := e2.Exec(NewCmdDue(e2.F, nil), "--notify", hook, "--notify-format", "dingtalk")
	if clitest.ExitCode(err) != 8 || !strings.Contains(err.Error(), "310000 sign not match") || strings.Contains(err.Error(), "tok-123") || e2.Out.Len() == 0 {
		t.Errorf("refused: %v\nout %s", err, e2.Out)
	}
	for _, bad := range [][]string{{"--notify", "ftp://x"}, {"--notify-format", "slack", "--notify", hook}, {"--notify-format", "wecom"}} {
		if err := e2.Exec(NewCmdDue(e2.F, nil), bad...); clitest.ExitCode(err) != 2 {
			t.Errorf("%v: %v", bad, err)
		}
	}
}
