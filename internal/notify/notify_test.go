package notify

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

const secret = "SECtest0123456789"

// dingTalk answers as DingTalk's robot does, checking the 加签 signature independently of the
// code under test: the timestamp within an hour, the sign HMAC-SHA256 of "ts\nsecret".
func dingTalk(t *testing.T, got *map[string]any) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		ts, _ := strconv.ParseInt(q.Get("timestamp"), 10, 64)
		mac := hmac.New(sha256.New, []byte(secret))
		mac.Write([]byte(q.Get("timestamp") + "\n" + secret))
		want := base64.StdEncoding.EncodeToString(mac.Sum(nil))
		if q.Get("access_token") != "tok" || q.Get("sign") != want || time.Since(time.UnixMilli(ts)).Abs() > time.Hour {
			io.WriteString(w, `{"errcode":310000,"errmsg":"sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]"}`)
			return
		}
		json.NewDecoder(r.Body).Decode(got)
		io.WriteString(w, `{"errcode":0,"errmsg":"ok"}`)
	}))
}

func TestSendEachFormat(t *testing.T) {
	ctx := context.Background()
	msg := Message{Title: "发票申请待开具：2 个（1 个已超期）", Lines: []string{"INV-1 · 示例公司 · ¥99.00", "INV-2"}, Event: "invoice.due",
		Data: map[string]int{"due": 2}}

	var ding map[string]any
	srv := dingTalk(t, &ding)
	defer srv.Close()
	if err := (&Robot{URL: srv.URL + "/robot/send?access_token=tok", Kind: DingTalk, Secret: secret}).Send(ctx, msg); err != nil {
		t.Fatalf("dingtalk, signed: %v", err)
	}
	md := ding["markdown"].(map[string]any)
	if ding["msgtype"] != "markdown" || md["title"] != msg.Title || !strings.Contains(md["text"].(string), "- INV-1 · 示例公司") {
		t.Errorf("dingtalk body: %v", ding)
	}
	// A wrong secret: the robot's refusal, with its code and message.
	err := (&Robot{URL: srv.URL + "/robot/send?access_token=tok", Kind: DingTalk, Secret: "SECwrong"}).Send(ctx, msg)
	var refused *RefusedError
	if !errors.As(err, &refused) || refused.Code != "310000" || !strings.Contains(err.Error(), "sign not match") {
		t.Errorf("dingtalk, wrong secret: %v", err)
	}

	var wecom, feishu, generic map[string]any
	answer := func(body string, into *map[string]any, check func(r *http.Request) bool) *httptest.Server {
		return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			json.NewDecoder(r.Body).Decode(into)
			if check != nil && !check(r) {
				io.WriteString(w, `{"code":19021,"msg":"sign match fail or timestamp is not within one hour from current time"}`)
				return
			}
			io.WriteString(w, body)
		}))
	}
	ws := answer(`{"errcode":0,"errmsg":"ok"}`, &wecom, nil)
	defer ws.Close()
	if err := (&Robot{URL: ws.URL + "/cgi-bin/webhook/send?key=k", Kind: WeCom}).Send(ctx, msg); err != nil {
		t.Fatal(err)
	}
	if wecom["msgtype"] != "markdown" || !strings.Contains(wecom["markdown"].(map[string]any)["content"].(string), "### 发票申请") {
		t.Errorf("wecom body: %v", wecom)
	}
	fs := answer(`{"code":0,"msg":"success","data":{}}`, &feishu, func(*http.Request) bool {
		ts, _ := feishu["timestamp"].(string)
		mac := hmac.New(sha256.New, []byte(ts+"\n"+secret))
		return feishu["sign"] == base64.StdEncoding.EncodeToString(mac.Sum(nil))
	})
	defer fs.Close()
	if err := (&Robot{URL: fs.URL + "/open-apis/bot/v2/hook/x", Kind: Feishu, Secret: secret}).Send(ctx, msg); err != nil {
		t.Fatalf("feishu, signed: %v", err)
	}
	if feishu["msg_type"] != "text" || !strings.HasPrefix(feishu["content"].(map[string]any)["text"].(string), msg.Title+"\nINV-1") {
		t.Errorf("feishu body: %v", feishu)
	}
	if err := (&Robot{URL: fs.URL + "/open-apis/bot/v2/hook/x", Kind: Feishu, Secret: "wrong"}).Send(ctx, msg); !errors.As(err, &refused) || refused.Code != "19021" {
		t.Errorf("feishu, wrong secret: %v", err)
	}
	gs := answer(`accepted`, &generic, nil)
	defer gs.Close()
	if err := (&Robot{URL: gs.URL + "/hooks/mkt"}).Send(ctx, msg); err != nil { // 127.0.0.1: generic
		t.Fatal(err)
	}
	if generic["source"] != "mkt" || generic["event"] != "invoice.due" || generic["data"].(map[string]any)["due"] != 2.0 {
		t.Errorf("generic body: %v", generic)
	}
}

// 5xx and 429 are retried; a 4xx is a refusal at once; a robot that keeps failing is
// unreachable, and its URL (the token) is never in the error.
func TestSendRetries(t *testing.T) {
	var n atomic.Int32
	flaky := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) < 3 {
			w.WriteHeader(http.StatusBadGateway)
			return
		}
		io.WriteString(w, `{"errcode":0,"errmsg":"ok"}`)
	}))
	defer flaky.Close()
	r := &Robot{URL: flaky.URL + "/?key=secret-token", Kind: WeCom, Wait: time.Millisecond}
	if err := r.Send(context.Background(), Message{Title: "t"}); err != nil || n.Load() != 3 {
		t.Fatalf("flaky: %v after %d", err, n.Load())
	}
	n.Store(0)
	bad := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		http.Error(w, "no such hook", http.StatusNotFound)
	}))
	defer bad.Close()
	err := (&Robot{URL: bad.URL, Wait: time.Millisecond}).Send(context.Background(), Message{Title: "t"})
	var refused *RefusedError
	if !errors.As(err, &refused) || refused.Status != 404 || n.Load() != 1 {
		t.Errorf("404: %v after %d", err, n.Load())
	}
	down := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(503) }))
	down.Close() // nothing listens any more
	err = (&Robot{URL: down.URL + "/?access_token=secret-token", Kind: DingTalk, Wait: time.Millisecond}).Send(context.Background(), Message{Title: "t"})
	var unreachable *UnreachableError
	if !errors.As(err, &unreachable) || unreachable.Attempts != 3 || strings.Contains(err.Error(), "secret-token") {
		t.Errorf("down: %v", err)
	}
}

func TestDetect(t *testing.T) {
	for raw, want := range map[string]Kind{
		"https://oapi.dingtalk.com/robot/send?access_token=x":    DingTalk,
		"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x": WeCom,
		"https://open.feishu.cn/open-apis/bot/v2/hook/x":         Feishu,
		"https://open.larksuite.com/open-apis/bot/v2/hook/x":     Feishu,
		"https://hooks.example.com/mkt":                          Webhook,
		"http://127.0.0.1:8080/robot/send?access_token=x":        Webhook,
	} {
		u, _ := url.Parse(raw)
		if got := Detect(u); got != want {
			t.Errorf("Detect(%s) = %s, want %s", raw, got, want)
		}
	}
	if got := Redact("https://oapi.dingtalk.com/robot/send?access_token=secret"); got != "https://oapi.dingtalk.com/…" {
		t.Errorf("Redact: %s", got)
	}
}
