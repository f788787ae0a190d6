package spi

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

const key = "isv-key-for-tests"

func run(t *testing.T, h http.Handler) []CheckResult {
	t.Helper()
	srv := httptest.NewServer(h)
	defer srv.Close()
	ch := &Checker{Caller: &Caller{Key: key, Timeout: 2 * time.Second}, Endpoint: srv.URL + "/spi", PendingDelay: time.Millisecond}
	return ch.Run(context.Background())
}

func failed(rs []CheckResult) []string {
	var out []string
	for _, r := range rs {
		if !r.Passed {
			out = append(out, r.Name)
		}
	}
	return out
}

func TestCheckPassesAgainstListener(t *testing.T) {
	var events []Event
	rs := run(t, &Listener{Key: key, Events: func(e Event) { events = append(events, e) }})
	if !Passed(rs) {
		t.Fatalf("failed: %v\n%+v", failed(rs), rs)
	}
	if len(rs) != 13 {
		t.Errorf("%d checks", len(rs))
	}
	invalid := 0
	for _, e := range events {
		if !e.Valid {
			invalid++
		}
	}
	if invalid != 2 { // the wrong token and the stale verify
		t.Errorf("listener refused %d calls, want 2", invalid)
	}
}

func jsonAnswer(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}

// conforming answers like a good ISV except for what a test changes.
func conforming(r *http.Request) (map[string]any, bool) {
	p := r.URL.Query()
	if !Verify(p, key).Valid {
		return map[string]any{"success": false}, false
	}
	switch p.Get("action") {
	case CreateInstance:
		return map[string]any{"instanceId": p.Get("orderBizId")}, true
	case VerifyAction:
		ts, err := time.ParseInLocation(TimeFormat, p.Get("timeStamp"), CST)
		if err != nil || time.Since(ts) > VerifyWindow {
			return map[string]any{"success": false}, true
		}
	}
	return map[string]any{"success": true}, true
}

func TestCheckNamesTheFailure(t *testing.T) {
	var n atomic.Int64
	cases := map[string]struct {
		h    http.HandlerFunc
		want string
	}{
		"ignores the token": {func(w http.ResponseWriter, r *http.Request) {
			p := r.URL.Query()
			if p.Get("action") == CreateInstance {
				jsonAnswer(w, map[string]any{"instanceId": p.Get("orderBizId")})
				return
			}
			jsonAnswer(w, map[string]any{"success": true})
		}, "a wrong token is refused"},
		"new instanceId every call": {func(w http.ResponseWriter, r *http.Request) {
			a, ok := conforming(r)
			if ok && r.URL.Query().Get("action") == CreateInstance {
				a["instanceId"] = fmt.Sprint(n.Add(1))
			}
			jsonAnswer(w, a)
		}, "the same orderBizId twice gives the same instanceId"},
		"never leaves instanceId=0": {func(w http.ResponseWriter, r *http.Request) {
			a, ok := conforming(r)
			if ok && r.URL.Query().Get("action") == CreateInstance {
				a["instanceId"] = "0"
			}
			jsonAnswer(w, a)
		}, "createInstance returns an instanceId"},
		"answers HTML": {func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, "<html><body>OK</body></html>")
		}, "answers are JSON"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			rs := run(t, c.h)
			if Passed(rs) {
				t.Fatal("passed")
			}
			found := false
			for _, f := range failed(rs) {
				found = found || strings.HasPrefix(f, c.want)
			}
			if !found {
				t.Errorf("failed %v, want %q among them", failed(rs), c.want)
			}
		})
	}
}

// instanceId=0 for a while, then the id: the check retries and passes.
func TestCheckRetriesPending(t *testing.T) {
	var calls atomic.Int64
	rs := run(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a, ok := conforming(r)
		if ok && r.URL.Query().Get("action") == CreateInstance && calls.Add(1) <= 2 {
			a["instanceId"] = "0"
		}
		jsonAnswer(w, a)
	}))
	if !Passed(rs) {
		t.Fatalf("%v", failed(rs))
	}
}

func TestDecode(t *testing.T) {
	mk := func(action, body string) Exchange {
		return Exchange{Action: action, Status: 200, Header: http.Header{"Content-Type": {"application/json"}}, Body: []byte(body)}
	}
	if a, p := Decode(mk(CreateInstance, `{"instanceId":"42","appInfo":{"frontEndUrl":"https://x"}}`)); len(p) != 0 || a.InstanceID != "42" || a.AppInfo["frontEndUrl"] != "https://x" {
		t.Errorf("%+v %v", a, p)
	}
	if a, p := Decode(mk(CreateInstance, `{"instanceId":42}`)); len(p) != 0 || a.InstanceID != "42" {
		t.Errorf("number id: %+v %v", a, p)
	}
	if _, p := Decode(mk(RenewInstance, `{"success":"true"}`)); len(p) != 0 {
		t.Errorf("string true: %v", p)
	}
	if _, p := Decode(mk(RenewInstance, `{"success":false}`)); len(p) == 0 {
		t.Error("false accepted")
	}
	if _, p := Decode(mk(CreateInstance, `{"instanceId":"1","hostInfo":"nope"}`)); len(p) == 0 {
		t.Error("bad hostInfo accepted")
	}
	if _, p := Decode(mk(CreateInstance, `<html>`)); len(p) == 0 {
		t.Error("HTML accepted")
	}
}

// --forward-to: valid calls reach the app unchanged and its answers come back; invalid ones
// never reach it.
func TestListenerForwards(t *testing.T) {
	var seen atomic.Int64
	app := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen.Add(1)
		if !Verify(r.URL.Query(), key).Valid {
			t.Errorf("the app got a call that does not verify: %v", r.URL.Query())
		}
		jsonAnswer(w, map[string]any{"instanceId": "app-" + r.URL.Query().Get("orderBizId")})
	}))
	defer app.Close()
	var events []Event
	l := &Listener{Key: key, Forward: app.URL + "/hook", Events: func(e Event) { events = append(events, e) }}
	srv := httptest.NewServer(l)
	defer srv.Close()
	c := &Caller{Key: key}
	ex := c.Call(context.Background(), srv.URL, Params(CreateInstance, Context{OrderBizID: "77", AliUID: "1", OrderID: "2", ProductCode: "cmgj1", SkuID: "s"}))
	if a, probs := Decode(ex); len(probs) != 0 || a.InstanceID != "app-77" {
		t.Fatalf("%+v %v", a, probs)
	}
	bad := &Caller{Key: "other"}
	if ex := bad.Call(context.Background(), srv.URL, Params(RenewInstance, Context{InstanceID: "1", OrderID: "2"})); ex.Status != 403 {
		t.Errorf("bad token: %d", ex.Status)
	}
	if seen.Load() != 1 || len(events) != 2 || !strings.Contains(events[0].Verdict, "forwarded") {
		t.Errorf("app saw %d calls; events %+v", seen.Load(), events)
	}
}

// A call posted as a form is forwarded with every parameter it carried (not only its query),
// and a body past MaxCallBytes is refused while it is read.
func TestListenerPostedCalls(t *testing.T) {
	key := "k3y"
	var got url.Values
	app := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r.URL.Query()
		jsonAnswer(w, map[string]any{"instanceId": "app-" + r.URL.Query().Get("orderBizId")})
	}))
	defer app.Close()
	var events []Event
	srv := httptest.NewServer(&Listener{Key: key, Forward: app.URL, Events: func(e Event) { events = append(events, e) }})
	defer srv.Close()
	params := Params(CreateInstance, Context{OrderBizID: "77", AliUID: "1", OrderID: "2", ProductCode: "cmgj1", SkuID: "s"})
	params.Set("token", Token(params, key))
	resp, err := http.PostForm(srv.URL, params)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || got.Get("orderBizId") != "77" || !Verify(got, key).Valid {
		t.Errorf("forwarded %d with %v", resp.StatusCode, got)
	}
	big := url.Values{"action": {"createInstance"}, "pad": {strings.Repeat("x", MaxCallBytes)}}
	resp, err = http.PostForm(srv.URL, big)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge || events[len(events)-1].Status != 413 {
		t.Errorf("an oversized call: %d", resp.StatusCode)
	}
}
