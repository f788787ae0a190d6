package spi

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// The SPI actions (docs/spi.md).
const (
	CreateInstance      = "createInstance"
	RenewInstance       = "renewInstance"
	UpgradeInstance     = "upgradeInstance"
	ExpiredInstance     = "expiredInstance"
	ReleaseInstance     = "releaseInstance"
	RefundRenewInstance = "refundRenewInstance"
	ResumeInstance      = "resumeInstance"
	VerifyAction        = "verify"
	OrderPay            = "orderPay"
)

// Actions lists them in the order of an instance's life.
var Actions = []string{CreateInstance, RenewInstance, UpgradeInstance, ExpiredInstance, ReleaseInstance,
	RefundRenewInstance, ResumeInstance, VerifyAction, OrderPay}

// IsAction reports whether a is an SPI action.
func IsAction(a string) bool {
	for _, x := range Actions {
		if x == a {
			return true
		}
	}
	return false
}

// CST is China Standard Time: the marketplace writes its times in it.
var CST = time.FixedZone("CST", 8*3600)

// TimeFormat is the SPI's time format (expiredOn, timeStamp).
const TimeFormat = "2006-01-02 15:04:05"

// VerifyWindow is how far a verify call's timeStamp may be from now before a listener
// refuses it. The documentation says the ISV must check it and gives no number; mkt uses 5
// minutes (docs/spi.md).
const VerifyWindow = 5 * time.Minute

// Context is what a call is about: the buyer, the order, the product, the instance.
type Context struct {
	AliUID      string
	OrderBizID  string
	OrderID     string
	ProductCode string
	SkuID       string
	InstanceID  string
	Trial       bool
	ExpiredOn   time.Time
	Now         time.Time
	RequestID   string
	IsRefund    bool
	// Extra billable items, sent as top-level parameters named after their keys.
	Extra map[string]string
}

func digits(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		d, _ := rand.Int(rand.Reader, big.NewInt(10))
		if i == 0 && d.Int64() == 0 {
			d = big.NewInt(1)
		}
		b.WriteByte(byte('0' + d.Int64()))
	}
	return b.String()
}

// NewContext makes a realistic context: a 16-digit buyer ID, order and business IDs, a SKU,
// a one-month term from now.
func NewContext(productCode string) Context {
	now := time.Now()
	return Context{
		AliUID: digits(16), OrderBizID: digits(8), OrderID: digits(15), ProductCode: productCode,
		SkuID: "yuncode" + digits(11), InstanceID: digits(8), ExpiredOn: now.AddDate(0, 1, 0), Now: now,
		RequestID: strings.ToLower(digits(8) + "-" + digits(4) + "-" + digits(4) + "-" + digits(4) + "-" + digits(12)),
	}
}

// Params are the parameters the marketplace sends for action (token not included).
func Params(action string, c Context) url.Values {
	p := url.Values{"action": {action}}
	when := func(t time.Time) string { return t.In(CST).Format(TimeFormat) }
	switch action {
	case CreateInstance:
		p.Set("aliUid", c.AliUID)
		p.Set("orderBizId", c.OrderBizID)
		p.Set("orderId", c.OrderID)
		p.Set("productCode", c.ProductCode)
		p.Set("skuId", c.SkuID)
		p.Set("trial", strconv.FormatBool(c.Trial))
		if !c.ExpiredOn.IsZero() {
			p.Set("expiredOn", when(c.ExpiredOn))
		}
	case RenewInstance:
		p.Set("instanceId", c.InstanceID)
		p.Set("orderId", c.OrderID)
		p.Set("expiredOn", when(c.ExpiredOn))
	case UpgradeInstance:
		p.Set("instanceId", c.InstanceID)
		p.Set("orderId", c.OrderID)
		p.Set("skuId", c.SkuID)
	case ExpiredInstance:
		p.Set("instanceId", c.InstanceID)
	case ReleaseInstance:
		p.Set("instanceId", c.InstanceID)
		p.Set("isRefund", strconv.FormatBool(c.IsRefund))
		if c.OrderID != "" {
			p.Set("orderId", c.OrderID)
		}
	case RefundRenewInstance:
		p.Set("instanceId", c.InstanceID)
		p.Set("expiredOn", when(c.ExpiredOn))
	case ResumeInstance:
		p.Set("instanceId", c.InstanceID)
		p.Set("productCode", c.ProductCode)
		p.Set("skuId", c.SkuID)
	case VerifyAction:
		p.Set("instanceId", c.InstanceID)
		now := c.Now
		if now.IsZero() {
			now = time.Now()
		}
		p.Set("timeStamp", when(now))
	case OrderPay:
		p.Set("requestId", c.RequestID)
		p.Set("aliUid", c.AliUID)
		p.Set("orderBizId", c.OrderBizID)
		p.Set("orderId", c.OrderID)
		p.Set("productCode", c.ProductCode)
		p.Set("skuId", c.SkuID)
	}
	for k, v := range c.Extra {
		p.Set(k, v)
	}
	return p
}

// Exchange is one call and its answer.
type Exchange struct {
	Action   string
	URL      string // with the token masked
	Params   url.Values
	Status   int
	Header   http.Header
	Body     []byte
	Duration time.Duration
	Err      error // transport failure: no answer
}

// Caller sends signed SPI calls.
type Caller struct {
	Key     string
	HTTP    *http.Client
	Timeout time.Duration // per call; 10 s when zero
}

// Call signs params (with the endpoint's own query parameters, which the ISV will also
// receive and verify) and sends them as a GET, as the marketplace does.
func (c *Caller) Call(ctx context.Context, endpoint string, params url.Values) Exchange {
	u, err := url.Parse(endpoint)
	if err != nil {
		return Exchange{Action: params.Get("action"), URL: endpoint, Err: err}
	}
	all := u.Query()
	for k, v := range params {
		all[k] = append([]string(nil), v...)
	}
	return c.send(ctx, u, Sign(all, c.Key))
}

// CallUnsigned sends params exactly as given (for the conformance check's bad tokens).
func (c *Caller) CallUnsigned(ctx context.Context, endpoint string, params url.Values) Exchange {
	u, err := url.Parse(endpoint)
	if err != nil {
		return Exchange{Action: params.Get("action"), URL: endpoint, Err: err}
	}
	all := u.Query()
	for k, v := range params {
		all[k] = append([]string(nil), v...)
	}
	return c.send(ctx, u, all)
}

func (c *Caller) send(ctx context.Context, u *url.URL, params url.Values) Exchange {
	timeout := c.Timeout
	if timeout <= 0 {
		timeout = 10 * time.Second
	}
	hc := c.HTTP
	if hc == nil {
		hc = &http.Client{}
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	full := *u
	full.RawQuery = params.Encode()
	masked := *u
	mp := url.Values{}
	for k, v := range params {
		mp[k] = v
	}
	if mp.Get("token") != "" {
		mp.Set("token", "***")
	}
	masked.RawQuery = mp.Encode()
	ex := Exchange{Action: params.Get("action"), URL: masked.String(), Params: params}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, full.String(), nil)
	if err != nil {
		ex.Err = err
		return ex
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", "mkt-spi")
	start := time.Now()
	resp, err := hc.Do(req)
	ex.Duration = time.Since(start)
	if err != nil {
		// url.Error repeats the whole signed URL; the cause alone says what happened.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		ex.Err = err
		return ex
	}
	defer resp.Body.Close()
	ex.Status, ex.Header = resp.StatusCode, resp.Header
	ex.Body, ex.Err = io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	ex.Duration = time.Since(start)
	return ex
}

// Answer is a decoded SPI answer.
type Answer struct {
	InstanceID string         `json:"instanceId,omitempty"`
	Success    *bool          `json:"success,omitempty"`
	AppInfo    map[string]any `json:"appInfo,omitempty"`
	HostInfo   map[string]any `json:"hostInfo,omitempty"`
	Raw        map[string]any `json:"-"`
}

// Problem is one way an answer breaks the protocol.
type Problem string

// Decode reads an answer and lists what breaks the protocol for its action.
func Decode(ex Exchange) (Answer, []Problem) {
	var a Answer
	var probs []Problem
	if ex.Err != nil {
		return a, []Problem{Problem("no answer: " + ex.Err.Error())}
	}
	if ex.Action == VerifyAction {
		// verify logs the buyer in: a page or a redirect, not JSON.
		if ex.Status >= 400 {
			probs = append(probs, Problem(fmt.Sprintf("HTTP %d", ex.Status)))
		}
		return a, probs
	}
	if ex.Status < 200 || ex.Status > 299 {
		probs = append(probs, Problem(fmt.Sprintf("HTTP %d, want 200", ex.Status)))
	}
	if ct, _, _ := mime.ParseMediaType(ex.Header.Get("Content-Type")); ct != "" && ct != "application/json" && ct != "text/json" && ct != "text/plain" {
		probs = append(probs, Problem("Content-Type "+ct+", want application/json"))
	}
	dec := json.NewDecoder(bytes.NewReader(ex.Body))
	dec.UseNumber()
	if err := dec.Decode(&a.Raw); err != nil {
		snippet := strings.TrimSpace(string(ex.Body))
		if len(snippet) > 60 {
			snippet = snippet[:60] + "…"
		}
		return a, append(probs, Problem(fmt.Sprintf("answer is not a JSON object: %q", snippet)))
	}
	switch v := a.Raw["instanceId"].(type) {
	case string:
		a.InstanceID = v
	case json.Number:
		a.InstanceID = v.String()
	}
	switch v := a.Raw["success"].(type) {
	case bool:
		a.Success = &v
	case string: // the docs' samples send "true" as a string
		b := strings.EqualFold(v, "true")
		a.Success = &b
	}
	for key, dst := range map[string]*map[string]any{"appInfo": &a.AppInfo, "hostInfo": &a.HostInfo} {
		switch v := a.Raw[key].(type) {
		case nil:
		case map[string]any:
			*dst = v
		case string:
			var m map[string]any
			if json.Unmarshal([]byte(v), &m) != nil {
				probs = append(probs, Problem(key+" is not a JSON object"))
			}
			*dst = m
		default:
			probs = append(probs, Problem(key+" is not a JSON object"))
		}
	}
	switch ex.Action {
	case CreateInstance:
		if a.InstanceID == "" {
			probs = append(probs, "createInstance must return a non-empty instanceId")
		}
	default:
		if a.Success == nil || !*a.Success {
			probs = append(probs, Problem(ex.Action+` must return "success": true`))
		}
	}
	return a, probs
}

// Pending reports whether a createInstance answer asks to be called again: instanceId "0"
// means the ISV is still provisioning (docs/spi.md).
func (a Answer) Pending() bool { return a.InstanceID == "0" }
