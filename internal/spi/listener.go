package spi

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"
)

// Event is one call a Listener received.
type Event struct {
	Time    time.Time         `json:"time"`
	Action  string            `json:"action"`
	Params  map[string]string `json:"params"`
	Valid   bool              `json:"valid"`
	Verdict string            `json:"verdict"`
	Status  int               `json:"status"`
	Answer  string            `json:"answer"`
}

// Listener is a local production endpoint: it verifies every call's token and answers like a
// conforming ISV (a deterministic instanceId from orderBizId), or forwards valid calls to the
// ISV's app and relays the answer.
type Listener struct {
	Key     string
	Forward string
	AppInfo map[string]any
	// Events receives every call, in order.
	Events func(Event)
	Now    func() time.Time
	HTTP   *http.Client
}

func (l *Listener) now() time.Time {
	if l.Now != nil {
		return l.Now()
	}
	return time.Now()
}

// MaxCallBytes bounds an SPI call's form body: the marketplace sends a handful of short
// parameters, so a larger body is refused while it is read, never buffered whole.
const MaxCallBytes = 64 << 10

func (l *Listener) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	params := r.URL.Query()
	if r.Method == http.MethodPost {
		r.Body = http.MaxBytesReader(w, r.Body, MaxCallBytes)
		if err := r.ParseForm(); err != nil {
			var tooLarge *http.MaxBytesError
			status := http.StatusBadRequest
			if errors.As(err, &tooLarge) {
				status = http.StatusRequestEntityTooLarge
			}
			ev := Event{Time: l.now(), Params: map[string]string{}, Verdict: "unreadable body: " + err.Error(), Status: status}
			b, _ := json.Marshal(map[string]any{"success": false, "message": "unreadable body"})
			ev.Answer = string(b)
			if l.Events != nil {
				l.Events(ev)
			}
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(status)
			w.Write(b)
			return
		}
		for k, v := range r.PostForm {
			params[k] = v
		}
	}
	ev := Event{Time: l.now(), Action: params.Get("action"), Params: map[string]string{}}
	keys := make([]string, 0, len(params))
	for k := range params {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := params.Get(k)
		if k == "token" && len(v) > 8 {
			v = v[:8] + "…"
		}
		ev.Params[k] = v
	}
	answer := func(status int, body any) {
		b, _ := json.Marshal(body)
		// Report before answering: whoever made the call may look at the report at once.
		ev.Status, ev.Answer = status, string(b)
		if l.Events != nil {
			l.Events(ev)
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		w.Write(b)
	}
	v := Verify(params, l.Key)
	ev.Valid = v.Valid
	if !v.Valid {
		ev.Verdict = "invalid token: expected md5(" + v.StringToSign + ")"
		answer(http.StatusForbidden, map[string]any{"success": false, "message": "invalid token"})
		return
	}
	ev.Verdict = "valid token"
	if ev.Action == VerifyAction {
		ts, err := time.ParseInLocation(TimeFormat, params.Get("timeStamp"), CST)
		if err != nil || ts.Sub(l.now()) > VerifyWindow || l.now().Sub(ts) > VerifyWindow {
			ev.Valid = false
			ev.Verdict = "stale or missing timeStamp (window ±5m)"
			answer(http.StatusForbidden, map[string]any{"success": false, "message": "stale timeStamp"})
			return
		}
	}
	if l.Forward != "" {
		l.forward(w, r, params, &ev)
		return
	}
	switch ev.Action {
	case CreateInstance:
		id := params.Get("orderBizId")
		if id == "" {
			answer(http.StatusBadRequest, map[string]any{"success": false, "message": "orderBizId missing"})
			return
		}
		app := map[string]any{
			"frontEndUrl": "https://app.example.com/" + id,
			"adminUrl":    "https://app.example.com/admin/" + id,
			"username":    "admin",
			"password":    "changeme-" + id,
		}
		for k, val := range l.AppInfo {
			app[k] = val
		}
		answer(http.StatusOK, map[string]any{"instanceId": id, "appInfo": app})
	case "":
		answer(http.StatusBadRequest, map[string]any{"success": false, "message": "no action"})
	default:
		answer(http.StatusOK, map[string]any{"success": true})
	}
}

// forward relays a valid call to the ISV's app as a GET carrying every parameter the call had,
// from its query and its form body alike.
func (l *Listener) forward(w http.ResponseWriter, r *http.Request, params url.Values, ev *Event) {
	u, err := url.Parse(l.Forward)
	hc := l.HTTP
	if hc == nil {
		hc = &http.Client{Timeout: 30 * time.Second}
	}
	fail := func(msg string) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadGateway)
		b, _ := json.Marshal(map[string]any{"success": false, "message": msg})
		w.Write(b)
		ev.Status, ev.Answer = http.StatusBadGateway, string(b)
		if l.Events != nil {
			l.Events(*ev)
		}
	}
	if err != nil {
		fail("bad --forward-to: " + err.Error())
		return
	}
	q := u.Query()
	for k, v := range params {
		q[k] = v
	}
	u.RawQuery = q.Encode()
	req, err := http.NewRequestWithContext(r.Context(), http.MethodGet, u.String(), nil)
	if err != nil {
		fail(err.Error())
		return
	}
	resp, err := hc.Do(req)
	if err != nil {
		fail("forward failed: " + err.Error())
		return
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	ev.Status, ev.Answer = resp.StatusCode, strings.TrimSpace(string(body))
	ev.Verdict += ", forwarded"
	if l.Events != nil {
		l.Events(*ev)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	w.WriteHeader(resp.StatusCode)
	w.Write(body)
}
