package market

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/go-resty/resty/v2"
	"github.com/google/uuid"

	"github.com/mkt-cli/mkt/internal/acs"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// Credential signs requests.
type Credential struct {
	AccessKeyID     string
	AccessKeySecret string
	SecurityToken   string
}

// RetryPolicy bounds retries: exponential backoff from Base, doubled per attempt, capped at
// Cap, with jitter; Retry-After is honoured up to MaxRetryAfter.
type RetryPolicy struct {
	MaxAttempts   int
	Base          time.Duration
	Cap           time.Duration
	MaxRetryAfter time.Duration
}

// DefaultRetry is used when Options.Retry is zero.
var DefaultRetry = RetryPolicy{MaxAttempts: 4, Base: 250 * time.Millisecond, Cap: 8 * time.Second, MaxRetryAfter: 30 * time.Second}

// Options configure a Client.
type Options struct {
	// Endpoint is the base URL, e.g. https://market.aliyuncs.com.
	Endpoint string
	// NestEndpoint is ComputeNestSupplier's base URL (e.g.
	// https://computenestsupplier.cn-hangzhou.aliyuncs.com); Endpoint when empty (the sandbox,
	// a stub or a proxy answers both products).
	NestEndpoint string
	// Region is sent as RegionId to the actions that take one (cn-hangzhou when empty).
	Region     string
	Credential Credential
	// Transport replaces the network (the embedded sandbox serves requests in process).
	Transport http.RoundTripper
	// Timeout bounds each attempt; 30 s when zero.
	Timeout time.Duration
	Retry   RetryPolicy
	// Debug, when set, receives each exchange with secrets redacted.
	Debug     io.Writer
	UserAgent string
	// Language is sent as Accept-Language ("zh" or "en"): the sandbox answers rule refusals
	// in it.
	Language string
	// Offer, when set, is what the target offers: an action of the table it does not offer is
	// refused before anything is sent (*NotOfferedError). Actions outside the table are sent.
	Offer Offering
	// Now, Nonce and Sleep are replaced in tests.
	Now   func() time.Time
	Nonce func() string
	Sleep func(context.Context, time.Duration) error
}

// Client calls the Market API. Make one per process.
type Client struct {
	opts Options
	http *resty.Client
}

// New returns a Client.
func New(opts Options) *Client {
	if opts.Timeout <= 0 {
		opts.Timeout = 30 * time.Second
	}
	if opts.Retry.MaxAttempts <= 0 {
		opts.Retry = DefaultRetry
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Nonce == nil {
		opts.Nonce = func() string { return strings.ReplaceAll(uuid.NewString(), "-", "") }
	}
	if opts.Sleep == nil {
		opts.Sleep = sleepCtx
	}
	if opts.UserAgent == "" {
		opts.UserAgent = "mkt"
	}
	hc := resty.New().
		SetTimeout(opts.Timeout).
		SetRetryCount(0).
		SetHeader("User-Agent", opts.UserAgent).
		SetDoNotParseResponse(false).
		SetResponseBodyLimit(MaxAnswerBytes)
	if opts.Transport != nil {
		hc.SetTransport(opts.Transport)
	}
	return &Client{opts: opts, http: hc}
}

// MaxAnswerBytes bounds an answer: the largest the marketplace sends (a page of 100 products
// with every field) is a few hundred KiB. A larger one is refused while it is read.
const MaxAnswerBytes = 64 << 20

// MaxErrorMessage bounds the message of an error envelope that mkt keeps and prints.
const MaxErrorMessage = 2000

// Endpoint is the base URL the client talks to.
func (c *Client) Endpoint() string { return c.opts.Endpoint }

// NestEndpoint is the base URL of ComputeNestSupplier's actions.
func (c *Client) NestEndpoint() string { return c.endpointOf(marketapi.NestProduct) }

func (c *Client) endpointOf(product string) string {
	if product == marketapi.NestProduct && c.opts.NestEndpoint != "" {
		return c.opts.NestEndpoint
	}
	return c.opts.Endpoint
}

// Offering is what the target offers; nil means everything (a client that was not told).
type Offering interface {
	Offers(marketapi.Action) bool
}

// Request is one logical API operation.
type Request struct {
	// Product is the API product (marketapi.APIProduct when empty): it chooses the action's
	// row and the endpoint.
	Product string
	Action  string
	// Version and Method default to the action's row in the action table (marketapi), else
	// the public version and POST.
	Version string
	Method  string
	// Query parameters; Form parameters go in an x-www-form-urlencoded body.
	Query url.Values
	Form  url.Values
	// ClientToken is sent when set. When it is empty and the action table says the action
	// takes one, one is made; every retry of this request reuses it.
	ClientToken string
	// Once sends the request once, whatever happens: for a change without a ClientToken whose
	// lost answer cannot be told from a lost request (PushMeteringData), the caller decides.
	Once bool
}

// Response is a raw answer.
type Response struct {
	Status    int
	Header    http.Header
	Body      []byte
	RequestID string
	Attempts  int
}

// NewClientToken makes a ClientToken: 32 lower-case hex characters (≤ 64 ASCII).
func NewClientToken() string { return strings.ReplaceAll(uuid.NewString(), "-", "") }

// ContentToken derives a ClientToken from what a request is about: the same parts give the
// same token, so a retried or rerun request is done once. Parts are JSON-encoded ([]byte as
// base64), so their boundaries cannot blur.
func ContentToken(prefix string, parts ...any) string {
	b, _ := json.Marshal(parts)
	sum := sha256.Sum256(b)
	return prefix + "-" + hex.EncodeToString(sum[:16])
}

// Call performs req and decodes the JSON answer into out (when not nil).
func (c *Client) Call(ctx context.Context, req Request, out any) error {
	resp, err := c.Do(ctx, req)
	if err != nil {
		return err
	}
	if out == nil {
		// Even an answer nobody reads must be the API's: a 2xx page from something in between
		// is no proof that the request was carried out.
		if !json.Valid(resp.Body) && !bytes.HasPrefix(bytes.TrimSpace(resp.Body), []byte("<?xml")) {
			return &DecodeError{Action: req.Action, Status: resp.Status, Body: string(resp.Body), Err: errors.New("the answer is not JSON")}
		}
		return nil
	}
	if err := json.Unmarshal(resp.Body, out); err != nil {
		return &DecodeError{Action: req.Action, Status: resp.Status, Body: string(resp.Body), Err: err}
	}
	return nil
}

// Do performs req with retries and returns the raw 2xx answer, or an error: *APIError for a
// refusal, *RetriesExhaustedError or *TransportError when the marketplace could not answer.
func (c *Client) Do(ctx context.Context, req Request) (*Response, error) {
	req = withDefaults(req)
	if row, known := marketapi.LookupIn(req.Product, req.Action); known && c.opts.Offer != nil && !c.opts.Offer.Offers(row) {
		return nil, &NotOfferedError{Action: req.Action, Kind: row.Kind, Endpoint: c.endpointOf(req.Product)}
	}
	pol := c.opts.Retry
	if req.Once {
		pol.MaxAttempts = 1
	}
	throttled := 0
	for attempt := 1; ; attempt++ {
		resp, err := c.once(ctx, req)
		if err == nil {
			resp.Attempts = attempt + throttled
			return resp, nil
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		var apiErr *APIError
		retryable := IsRetryable(err) || isTransport(err)
		if !retryable {
			return nil, err
		}
		var wait time.Duration
		if IsThrottled(err) && throttled < MaxThrottledRetries {
			// Flow control refused the request before doing anything, so waiting it out is
			// safe even for a request sent once, and it costs no attempt: a pipeline faster
			// than its quota slows down instead of failing. The deadline still bounds it.
			throttled++
			attempt--
			wait = throttleBackoff(throttled)
		} else {
			if attempt >= pol.MaxAttempts {
				if errors.As(err, &apiErr) {
					return nil, &RetriesExhaustedError{Attempts: attempt + throttled, Last: apiErr}
				}
				return nil, &TransportError{Endpoint: c.endpointOf(req.Product), Attempts: attempt + throttled, Err: err}
			}
			wait = backoff(pol, attempt)
		}
		if ra, ok := retryAfter(err, c.opts.Now()); ok {
			wait = max(wait, min(ra, pol.MaxRetryAfter))
		}
		// A wait that would outlast the caller's deadline (--timeout) is not begun: the
		// answer is known now, not when the deadline strikes.
		if dl, ok := ctx.Deadline(); ok && c.opts.Now().Add(wait).After(dl) {
			if errors.As(err, &apiErr) {
				return nil, &RetriesExhaustedError{Attempts: attempt + throttled, Last: apiErr}
			}
			return nil, &TransportError{Endpoint: c.endpointOf(req.Product), Attempts: attempt + throttled, Err: err}
		}
		if c.opts.Debug != nil {
			fmt.Fprintf(c.opts.Debug, "* attempt %d failed (%v); retrying in %s\n", attempt, err, wait.Round(time.Millisecond))
		}
		if err := c.opts.Sleep(ctx, wait); err != nil {
			return nil, err
		}
	}
}

// withDefaults fills what the action table knows: version, method, and a ClientToken for an
// action that takes one (taken from the parameters when the caller put it there).
func withDefaults(req Request) Request {
	if req.Product == "" {
		req.Product = marketapi.APIProduct
	}
	row, known := marketapi.LookupIn(req.Product, req.Action)
	if req.Version == "" {
		req.Version = marketapi.Version
		if known {
			req.Version = row.Version
		}
	}
	if req.Method == "" {
		req.Method = http.MethodPost
		if known {
			req.Method = row.Sends()
		}
	}
	if req.ClientToken == "" {
		req.ClientToken = req.Form.Get("ClientToken")
	}
	if req.ClientToken == "" {
		req.ClientToken = req.Query.Get("ClientToken")
	}
	if req.ClientToken == "" && known && row.ClientToken {
		req.ClientToken = NewClientToken()
	}
	return req
}

// MaxThrottledRetries bounds the flow-control refusals one request waits out (they cost no
// attempt of the RetryPolicy); --timeout bounds them too.
const MaxThrottledRetries = 60

// throttleBackoff is the wait after the n-th flow-control refusal of one request: from about
// 50 ms, doubled per refusal up to about 2 s, with full jitter so that parallel workers
// spread over the quota instead of returning together.
func throttleBackoff(n int) time.Duration {
	d := min(50*time.Millisecond<<min(n-1, 6), 2*time.Second)
	return d/4 + time.Duration(rand.Int64N(int64(d)))
}

// backoff is exponential with "equal jitter": half the step fixed, half random, so waits
// never collapse to zero and retries from many clients spread out.
func backoff(p RetryPolicy, attempt int) time.Duration {
	d := p.Base << (attempt - 1)
	if d > p.Cap || d <= 0 {
		d = p.Cap
	}
	half := d / 2
	return half + time.Duration(rand.Int64N(int64(half)+1))
}

func retryAfter(err error, now time.Time) (time.Duration, bool) {
	var h *httpStatusError
	if !errors.As(err, &h) || h.retryAfter == "" {
		return 0, false
	}
	if s, err := strconv.Atoi(strings.TrimSpace(h.retryAfter)); err == nil && s >= 0 {
		return time.Duration(s) * time.Second, true
	}
	if t, err := http.ParseTime(h.retryAfter); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

// httpStatusError carries the Retry-After header alongside an APIError.
type httpStatusError struct {
	*APIError
	retryAfter string
}

func (e *httpStatusError) Unwrap() error { return e.APIError }

type transportErr struct{ err error }

func (e *transportErr) Error() string { return e.err.Error() }
func (e *transportErr) Unwrap() error { return e.err }

func isTransport(err error) bool {
	var t *transportErr
	return errors.As(err, &t)
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// once sends one signed attempt. Every attempt is signed anew (fresh date and nonce) with the
// same parameters, ClientToken included.
func (c *Client) once(ctx context.Context, req Request) (*Response, error) {
	query := cloneValues(req.Query)
	var form url.Values
	if req.Form != nil {
		form = cloneValues(req.Form)
	}
	if req.ClientToken != "" {
		if form != nil {
			form.Set("ClientToken", req.ClientToken)
		} else {
			query.Set("ClientToken", req.ClientToken)
		}
	}
	u := strings.TrimRight(c.endpointOf(req.Product), "/") + "/"
	if len(query) > 0 {
		u += "?" + acs.EncodeQuery(query)
	}
	var body []byte
	if form != nil {
		body = []byte(acs.EncodeQuery(form))
	}
	hreq, err := http.NewRequestWithContext(ctx, req.Method, u, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	hreq.Header.Set("x-acs-action", req.Action)
	hreq.Header.Set("x-acs-version", req.Version)
	hreq.Header.Set("x-acs-date", c.opts.Now().UTC().Format(acs.TimeFormat))
	hreq.Header.Set("x-acs-signature-nonce", c.opts.Nonce())
	hreq.Header.Set("Accept", "application/json")
	switch c.opts.Language {
	case "zh":
		hreq.Header.Set("Accept-Language", "zh-CN,zh;q=0.9")
	case "en":
		hreq.Header.Set("Accept-Language", "en-US,en;q=0.9")
	}
	if form != nil {
		hreq.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	cred := c.opts.Credential
	if cred.SecurityToken != "" {
		hreq.Header.Set("x-acs-security-token", cred.SecurityToken)
		hreq.Header.Set("x-acs-accesskey-id", cred.AccessKeyID)
	}
	acs.SignV3(hreq, body, cred.AccessKeyID, cred.AccessKeySecret)
	if c.opts.Debug != nil {
		debugRequest(c.opts.Debug, hreq, body)
	}

	r := c.http.R().SetContext(ctx)
	if len(body) > 0 {
		r.SetBody(body)
	}
	for k, vs := range hreq.Header {
		for _, v := range vs {
			r.Header.Add(k, v)
		}
	}
	start := time.Now()
	resp, err := r.Execute(req.Method, u)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if c.opts.Debug != nil {
			fmt.Fprintf(c.opts.Debug, "< transport error after %s: %v\n", time.Since(start).Round(time.Millisecond), err)
		}
		if errors.Is(err, resty.ErrResponseBodyTooLarge) {
			// Read no further: the answer is not one the marketplace sends, and sending the
			// same request again would bring the same flood.
			return nil, &DecodeError{Action: req.Action, Status: resp.StatusCode(), Err: fmt.Errorf("the answer is larger than %d MiB", MaxAnswerBytes>>20)}
		}
		// Only a failed exchange (what http.Client.Do reports as *url.Error, or an answer cut
		// off mid-body) may be retried; an error building the request would fail the same way
		// every time.
		var ue *url.Error
		if errors.As(err, &ue) || errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, &transportErr{err}
		}
		return nil, err
	}
	out := &Response{Status: resp.StatusCode(), Header: resp.Header(), Body: resp.Body()}
	if c.opts.Debug != nil {
		debugResponse(c.opts.Debug, out, time.Since(start))
	}
	// The request ID from the header: parsing a large answer a second time just for it would
	// double the cost of a listing. Errors carry it in the envelope below.
	out.RequestID = out.Header.Get("x-acs-request-id")
	if out.Status >= 200 && out.Status < 300 {
		return out, nil
	}
	apiErr := &APIError{HTTPStatus: out.Status}
	if err := json.Unmarshal(out.Body, apiErr); err != nil || apiErr.Code == "" {
		// Not the envelope (a proxy's HTML page, an empty 502): keep what can be said.
		apiErr.Code = fmt.Sprintf("HTTP%d", out.Status)
		apiErr.Message = strings.TrimSpace(truncate(string(out.Body), 200))
	}
	// An envelope's message is a sentence or two; a flood in it is cut, not printed.
	apiErr.Message = truncate(apiErr.Message, MaxErrorMessage)
	apiErr.HTTPStatus = out.Status
	apiErr.Action = req.Action
	return nil, &httpStatusError{APIError: apiErr, retryAfter: out.Header.Get("Retry-After")}
}

func cloneValues(v url.Values) url.Values {
	if v == nil {
		return url.Values{}
	}
	out := make(url.Values, len(v))
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// Flatten sets a repeatList parameter: name.1.Field=…, name.2.Field=… (docs/api.md, e.g.
// Filter.1.Key=sort&Filter.1.Value=created_on-desc). Fields are set in the order given.
func Flatten(v url.Values, name string, items []map[string]string) {
	for i, item := range items {
		for field, value := range item {
			v.Set(fmt.Sprintf("%s.%d.%s", name, i+1, field), value)
		}
	}
}
