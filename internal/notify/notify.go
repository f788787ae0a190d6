// Package notify posts a message to a chat robot's webhook — DingTalk (钉钉, optionally signed
// with the robot's 加签 secret), WeCom (企业微信), Feishu/Lark (飞书, optionally signed) — or to a
// generic JSON webhook, with retries for what is worth retrying and a typed error when the
// robot refuses. It knows nothing about invoices: callers build the Message.
package notify

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/go-resty/resty/v2"
)

// Kind is the robot's wire format.
type Kind string

// The formats.
const (
	DingTalk Kind = "dingtalk"
	WeCom    Kind = "wecom"
	Feishu   Kind = "feishu"
	Webhook  Kind = "webhook"
)

// Kinds are the formats a caller may name.
var Kinds = []Kind{DingTalk, WeCom, Feishu, Webhook}

// ParseKind reads a format name; "" and "auto" are auto-detection (the zero Kind).
func ParseKind(s string) (Kind, bool) {
	switch s {
	case "", "auto":
		return "", true
	}
	for _, k := range Kinds {
		if string(k) == s {
			return k, true
		}
	}
	return "", false
}

// Detect tells the format from the webhook's host, as each service publishes its robots:
// oapi.dingtalk.com, qyapi.weixin.qq.com, open.feishu.cn or open.larksuite.com; any other URL
// is a generic JSON webhook.
func Detect(u *url.URL) Kind {
	host := strings.ToLower(u.Hostname())
	switch {
	case host == "oapi.dingtalk.com":
		return DingTalk
	case host == "qyapi.weixin.qq.com":
		return WeCom
	case host == "open.feishu.cn" || host == "open.larksuite.com":
		return Feishu
	}
	return Webhook
}

// Message is what is sent: a title and lines for people, the event and its data for a
// generic webhook.
type Message struct {
	Title string
	Lines []string
	Event string // e.g. invoice.due
	Data  any    // the event's data, for a generic webhook
}

// Text is the message as plain text.
func (m Message) Text() string {
	return strings.Join(append([]string{m.Title}, m.Lines...), "\n")
}

// Markdown is the message as the Markdown chat robots render.
func (m Message) Markdown() string {
	var b strings.Builder
	b.WriteString("### " + m.Title + "\n")
	for _, l := range m.Lines {
		b.WriteString("\n- " + l)
	}
	return b.String()
}

// Robot is one webhook.
type Robot struct {
	URL    string
	Kind   Kind   // "" detects it from URL
	Secret string // DingTalk's or Feishu's signing secret; "" sends unsigned
	// Attempts bounds tries of a request that failed in a way worth retrying (the network, a
	// 5xx, 429); 3 when zero. Wait is the first pause between them, doubled each time (1 s
	// when zero).
	Attempts int
	Wait     time.Duration
	Timeout  time.Duration // per attempt; 15 s when zero
	Now      func() time.Time
	// Transport replaces the HTTP transport (tests).
	Transport http.RoundTripper
}

// RefusedError is a robot's refusal: an HTTP 4xx, or a 2xx whose body says the message was
// not accepted (DingTalk's and WeCom's errcode, Feishu's code).
type RefusedError struct {
	Kind    Kind
	Status  int
	Code    string
	Message string
}

func (e *RefusedError) Error() string {
	if e.Code != "" {
		return fmt.Sprintf("the %s robot refused the message: %s %s (HTTP %d)", e.Kind, e.Code, e.Message, e.Status)
	}
	return fmt.Sprintf("the %s webhook refused the message: HTTP %d %s", e.Kind, e.Status, e.Message)
}

// UnreachableError is a webhook that could not be reached, or kept failing, after every attempt.
type UnreachableError struct {
	Attempts int
	Err      error
}

func (e *UnreachableError) Error() string {
	return fmt.Sprintf("the webhook could not be reached after %d attempt(s): %v", e.Attempts, e.Err)
}

func (e *UnreachableError) Unwrap() error { return e.Err }

// Send posts m once (retrying only what did not arrive or failed on the robot's side).
func (r *Robot) Send(ctx context.Context, m Message) error {
	u, err := url.Parse(r.URL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return fmt.Errorf("%q is not an http(s) URL", Redact(r.URL))
	}
	kind := r.Kind
	if kind == "" {
		kind = Detect(u)
	}
	now := time.Now
	if r.Now != nil {
		now = r.Now
	}
	body, err := r.body(kind, m, now())
	if err != nil {
		return err
	}
	if kind == DingTalk && r.Secret != "" {
		ts := strconv.FormatInt(now().UnixMilli(), 10)
		q := u.Query()
		q.Set("timestamp", ts)
		q.Set("sign", DingTalkSign(ts, r.Secret))
		u.RawQuery = q.Encode()
	}
	attempts, wait, timeout := r.Attempts, r.Wait, r.Timeout
	if attempts <= 0 {
		attempts = 3
	}
	if wait <= 0 {
		wait = time.Second
	}
	if timeout <= 0 {
		timeout = 15 * time.Second
	}
	hc := resty.New().SetTimeout(timeout).SetHeader("Content-Type", "application/json; charset=utf-8").SetHeader("User-Agent", "mkt")
	if r.Transport != nil {
		hc.SetTransport(r.Transport)
	}
	var last error
	for i := 1; i <= attempts; i++ {
		resp, err := hc.R().SetContext(ctx).SetBody(body).Post(u.String())
		switch {
		case err != nil:
			if ctx.Err() != nil {
				return ctx.Err()
			}
			last = stripURL(err)
		case resp.StatusCode() == http.StatusTooManyRequests || resp.StatusCode() >= 500:
			last = fmt.Errorf("HTTP %d", resp.StatusCode())
		default:
			return check(kind, resp.StatusCode(), resp.Body())
		}
		if i < attempts {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(wait):
			}
			wait *= 2
		}
	}
	return &UnreachableError{Attempts: attempts, Err: last}
}

// body is the request body in the robot's format.
func (r *Robot) body(kind Kind, m Message, now time.Time) ([]byte, error) {
	var v any
	switch kind {
	case DingTalk:
		v = map[string]any{"msgtype": "markdown", "markdown": map[string]string{"title": m.Title, "text": m.Markdown()}}
	case WeCom:
		v = map[string]any{"msgtype": "markdown", "markdown": map[string]string{"content": m.Markdown()}}
	case Feishu:
		fb := map[string]any{"msg_type": "text", "content": map[string]string{"text": m.Text()}}
		if r.Secret != "" {
			ts := strconv.FormatInt(now.Unix(), 10)
			fb["timestamp"], fb["sign"] = ts, FeishuSign(ts, r.Secret)
		}
		v = fb
	default:
		v = struct {
			Source string `json:"source"`
			Event  string `json:"event"`
			Title  string `json:"title"`
			Text   string `json:"text"`
			Data   any    `json:"data,omitempty"`
		}{"mkt", m.Event, m.Title, m.Text(), m.Data}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // <id> stays <id> in the chat
	err := enc.Encode(v)
	return b.Bytes(), err
}

// check reads the robot's answer: 2xx with a zero code is delivered.
func check(kind Kind, status int, body []byte) error {
	msg := strings.TrimSpace(string(body))
	if len(msg) > 300 {
		msg = msg[:300] + "…"
	}
	if status < 200 || status > 299 {
		return &RefusedError{Kind: kind, Status: status, Message: msg}
	}
	var ans struct {
		ErrCode    *int   `json:"errcode"`
		ErrMsg     string `json:"errmsg"`
		Code       *int   `json:"code"`
		Msg        string `json:"msg"`
		StatusCode *int   `json:"StatusCode"`
	}
	switch kind {
	case DingTalk, WeCom:
		if err := json.Unmarshal(body, &ans); err != nil || ans.ErrCode == nil {
			return &RefusedError{Kind: kind, Status: status, Message: "unexpected answer: " + msg}
		}
		if *ans.ErrCode != 0 {
			return &RefusedError{Kind: kind, Status: status, Code: strconv.Itoa(*ans.ErrCode), Message: ans.ErrMsg}
		}
	case Feishu:
		if err := json.Unmarshal(body, &ans); err != nil {
			return &RefusedError{Kind: kind, Status: status, Message: "unexpected answer: " + msg}
		}
		code := ans.Code
		if code == nil {
			code = ans.StatusCode
		}
		if code == nil {
			return &RefusedError{Kind: kind, Status: status, Message: "unexpected answer: " + msg}
		}
		if *code != 0 {
			return &RefusedError{Kind: kind, Status: status, Code: strconv.Itoa(*code), Message: ans.Msg}
		}
	}
	return nil
}

// DingTalkSign is DingTalk's 加签: base64(HMAC-SHA256(secret, timestamp + "\n" + secret)), the
// timestamp in milliseconds; it goes in the URL with the timestamp.
func DingTalkSign(timestampMs, secret string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(timestampMs + "\n" + secret))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

// FeishuSign is Feishu's signature: base64(HMAC-SHA256 keyed by timestamp + "\n" + secret, of
// nothing), the timestamp in seconds; it goes in the body with the timestamp.
func FeishuSign(timestampS, secret string) string {
	mac := hmac.New(sha256.New, []byte(timestampS+"\n"+secret))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

// Redact is a webhook URL as it may be shown: scheme and host only — its query (access_token,
// key) and path (Feishu's hook ID) are the robot's secret.
func Redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return "<webhook URL>"
	}
	return u.Scheme + "://" + u.Host + "/…"
}

// stripURL drops the URL (which holds the robot's token) from a transport error.
func stripURL(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		var ne net.Error
		if errors.As(ue.Err, &ne) && ne.Timeout() {
			return errors.New("timed out")
		}
		return ue.Err
	}
	return err
}
