package acs

import (
	"crypto/subtle"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Request is what a verifier looks at: the method, host, path, query, the parsed form body
// (nil unless the body is application/x-www-form-urlencoded), the headers and the raw body.
type Request struct {
	Method string
	Host   string
	Path   string
	Query  url.Values
	Form   url.Values
	Header http.Header
	Body   []byte
}

// FromHTTP builds a Request from an incoming request whose body has already been read.
func FromHTTP(r *http.Request, body []byte) Request {
	req := Request{
		Method: r.Method,
		Host:   r.Host,
		Path:   r.URL.EscapedPath(),
		Query:  r.URL.Query(),
		Header: r.Header,
		Body:   body,
	}
	if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct == "application/x-www-form-urlencoded" {
		if form, err := url.ParseQuery(string(body)); err == nil {
			req.Form = form
		}
	}
	return req
}

// Params merges the query and the form body, as V1 signs them.
func (r Request) Params() url.Values {
	p := url.Values{}
	for k, v := range r.Query {
		p[k] = append(p[k], v...)
	}
	for k, v := range r.Form {
		p[k] = append(p[k], v...)
	}
	return p
}

// Identity is who signed a request, and how.
type Identity struct {
	AccessKeyID   string
	SecurityToken string
	Scheme        string // "V1" or "V3"
}

// Error is a refused signature, in the shape of the marketplace's error envelope.
type Error struct {
	Status  int
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Code + ": " + e.Message }

func missing(name string) *Error {
	return &Error{400, "MissingParameter", fmt.Sprintf("The input parameter %q that is mandatory for processing this request is not supplied.", name)}
}

// Verifier checks V1 and V3 signatures.
type Verifier struct {
	// Secret returns the secret of an AccessKey ID.
	Secret func(accessKeyID string) (string, bool)
	// Now is the verifier's clock (real time: clients sign with real time).
	Now func() time.Time
	// MaxSkew is how far a request's timestamp may be from Now; 15 minutes when zero.
	MaxSkew time.Duration
	// Nonces remembers recent nonces to refuse replays; nil disables the check.
	Nonces *NonceCache
	// NotBefore, when set, refuses requests signed before it. A server that restarted without
	// the nonces it had accepted (after a crash) sets it to its start, so that nothing signed
	// before the restart can be replayed.
	NotBefore time.Time
}

func (v *Verifier) skew() time.Duration {
	if v.MaxSkew > 0 {
		return v.MaxSkew
	}
	return 15 * time.Minute
}

func (v *Verifier) now() time.Time {
	if v.Now != nil {
		return v.Now()
	}
	return time.Now()
}

// Verify checks the request's signature. A request with an Authorization header is V3; one
// with a Signature parameter is V1.
func (v *Verifier) Verify(r Request) (Identity, *Error) {
	if auth := r.Header.Get("Authorization"); auth != "" {
		return v.verifyV3(r, auth, HashHex(r.Body))
	}
	return v.verifyV1(r)
}

func (v *Verifier) verifyV1(r Request) (Identity, *Error) {
	p := r.Params()
	for _, name := range []string{"AccessKeyId", "Signature", "SignatureMethod", "SignatureNonce", "Timestamp"} {
		if p.Get(name) == "" {
			if name == "Signature" && p.Get("AccessKeyId") == "" {
				return Identity{}, &Error{400, "MissingParameter", "The request is not signed: use an AccessKey pair (mkt auth login) or the sandbox's credentials (mkt sandbox serve prints them)."}
			}
			return Identity{}, missing(name)
		}
	}
	if m := p.Get("SignatureMethod"); m != V1SignatureMethod {
		return Identity{}, &Error{400, "IncompleteSignature", fmt.Sprintf("SignatureMethod %q is not supported; use HMAC-SHA1.", m)}
	}
	if sv := p.Get("SignatureVersion"); sv != "" && sv != V1SignatureVersion {
		return Identity{}, &Error{400, "IncompleteSignature", fmt.Sprintf("SignatureVersion %q is not supported; use 1.0.", sv)}
	}
	id := Identity{AccessKeyID: p.Get("AccessKeyId"), SecurityToken: p.Get("SecurityToken"), Scheme: "V1"}
	if err := v.checkTime(p.Get("Timestamp")); err != nil {
		return id, err
	}
	secret, ok := v.Secret(id.AccessKeyID)
	if !ok {
		return id, &Error{404, "InvalidAccessKeyId.NotFound", "Specified access key is not found."}
	}
	sts := V1StringToSign(r.Method, p)
	want := V1Signature(sts, secret)
	if subtle.ConstantTimeCompare([]byte(want), []byte(p.Get("Signature"))) != 1 {
		return id, &Error{400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation. server string to sign is:" + sts}
	}
	if err := v.checkNonce(id.AccessKeyID, p.Get("SignatureNonce")); err != nil {
		return id, err
	}
	return id, nil
}

// VerifyHead checks what the request line and headers alone allow, before any body is read,
// so that a server spends nothing on a body it will refuse. A V3 request that declares its
// payload hash (x-acs-content-sha256, as every Alibaba Cloud SDK and mkt send) is verified
// whole — signature, time, nonce — and done is true: the body, once read, must only match
// the declared hash (BodyMatches). A V1 request whose parameters are all in the query and
// that has no body is verified whole too. Otherwise done is false and Verify must run after
// the body is read; what could already be checked (a malformed Authorization, a timestamp
// out of range, an unknown AccessKey) is refused here.
func (v *Verifier) VerifyHead(r Request, bodyless bool) (id Identity, done bool, err *Error) {
	if auth := r.Header.Get("Authorization"); auth != "" {
		if h := r.Header.Get("x-acs-content-sha256"); h != "" {
			id, err = v.verifyV3(r, auth, strings.ToLower(h))
			return id, err == nil, err
		}
		a, perr := ParseV3Authorization(auth)
		if perr != nil {
			return Identity{}, false, &Error{400, "IncompleteSignature", "The request signature does not conform to Aliyun standards: " + perr.Error()}
		}
		if date := r.Header.Get("x-acs-date"); date != "" {
			if err := v.checkTime(date); err != nil {
				return Identity{}, false, err
			}
		}
		if _, ok := v.Secret(a.AccessKeyID); !ok {
			return Identity{}, false, &Error{404, "InvalidAccessKeyId.NotFound", "Specified access key is not found."}
		}
		return Identity{}, false, nil
	}
	q := r.Query
	if q.Get("Signature") != "" && bodyless {
		id, err = v.verifyV1(Request{Method: r.Method, Host: r.Host, Path: r.Path, Query: q, Header: r.Header})
		return id, err == nil, err
	}
	if ts := q.Get("Timestamp"); ts != "" {
		if err := v.checkTime(ts); err != nil {
			return Identity{}, false, err
		}
	}
	if akid := q.Get("AccessKeyId"); akid != "" {
		if _, ok := v.Secret(akid); !ok {
			return Identity{}, false, &Error{404, "InvalidAccessKeyId.NotFound", "Specified access key is not found."}
		}
	}
	return Identity{}, false, nil
}

// BodyMatches says whether body is the payload a request verified by VerifyHead declared.
func BodyMatches(h http.Header, body []byte) *Error {
	if d := h.Get("x-acs-content-sha256"); d != "" && !strings.EqualFold(d, HashHex(body)) {
		return &Error{400, "SignatureDoesNotMatch", "The x-acs-content-sha256 header does not match the body."}
	}
	return nil
}

func (v *Verifier) verifyV3(r Request, authHeader, payload string) (Identity, *Error) {
	auth, err := ParseV3Authorization(authHeader)
	if err != nil {
		return Identity{}, &Error{400, "IncompleteSignature", "The request signature does not conform to Aliyun standards: " + err.Error()}
	}
	id := Identity{AccessKeyID: auth.AccessKeyID, SecurityToken: r.Header.Get("x-acs-security-token"), Scheme: "V3"}
	signed := map[string]bool{}
	for _, h := range auth.SignedHeaders {
		signed[strings.ToLower(h)] = true
	}
	required := []string{"host", "x-acs-date", "x-acs-signature-nonce"}
	if r.Header.Get("x-acs-action") != "" {
		required = append(required, "x-acs-action")
	}
	for _, h := range required {
		if !signed[h] {
			return id, &Error{400, "IncompleteSignature", fmt.Sprintf("The request signature does not conform to Aliyun standards: header %q must be signed.", h)}
		}
	}
	date, nonce := r.Header.Get("x-acs-date"), r.Header.Get("x-acs-signature-nonce")
	if date == "" {
		return id, missing("x-acs-date")
	}
	if nonce == "" {
		return id, missing("x-acs-signature-nonce")
	}
	if err := v.checkTime(date); err != nil {
		return id, err
	}
	if h := r.Header.Get("x-acs-content-sha256"); h != "" && !strings.EqualFold(h, payload) {
		return id, &Error{400, "SignatureDoesNotMatch", "The x-acs-content-sha256 header does not match the body."}
	}
	secret, ok := v.Secret(auth.AccessKeyID)
	if !ok {
		return id, &Error{404, "InvalidAccessKeyId.NotFound", "Specified access key is not found."}
	}
	headers := make(map[string]string, len(auth.SignedHeaders))
	for _, h := range auth.SignedHeaders {
		n := strings.ToLower(h)
		if n == "host" {
			headers[n] = r.Host
		} else {
			headers[n] = strings.Join(r.Header.Values(n), ",")
		}
	}
	path := r.Path
	if path == "" {
		path = "/"
	}
	canonical, _ := V3CanonicalRequest(r.Method, path, r.Query, headers, payload)
	sts := V3StringToSign(canonical)
	want := V3Signature(sts, secret)
	if subtle.ConstantTimeCompare([]byte(want), []byte(strings.ToLower(auth.Signature))) != 1 {
		return id, &Error{400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation. server string to sign is:" + sts + " canonical request is:" + canonical}
	}
	if err := v.checkNonce(id.AccessKeyID, nonce); err != nil {
		return id, err
	}
	return id, nil
}

// ParseTimestamp accepts the signing format (2006-01-02T15:04:05Z) and RFC 3339.
func ParseTimestamp(s string) (time.Time, error) {
	if t, err := time.Parse(TimeFormat, s); err == nil {
		return t, nil
	}
	return time.Parse(time.RFC3339, s)
}

func (v *Verifier) checkTime(ts string) *Error {
	t, err := ParseTimestamp(ts)
	if err != nil {
		return &Error{400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted: " + ts}
	}
	if !v.NotBefore.IsZero() && t.Before(v.NotBefore) {
		return &Error{400, "InvalidTimeStamp.Expired", fmt.Sprintf("Specified time stamp or date value is expired: %s is before the server restarted (%s); sign the request again.", ts, v.NotBefore.UTC().Format(TimeFormat))}
	}
	d := v.now().Sub(t)
	if d > v.skew() || d < -v.skew() {
		return &Error{400, "InvalidTimeStamp.Expired", fmt.Sprintf("Specified time stamp or date value is expired: %s is more than %s from the server's time %s.", ts, v.skew(), v.now().UTC().Format(TimeFormat))}
	}
	return nil
}

func (v *Verifier) checkNonce(akid, nonce string) *Error {
	if v.Nonces == nil {
		return nil
	}
	switch v.Nonces.Add(akid+"\x00"+nonce, v.now(), 2*v.skew()) {
	case NonceSeen:
		return &Error{400, "SignatureNonceUsed", "Specified signature nonce was used already."}
	case NonceFull:
		// Never accept a nonce that cannot be remembered: that is how replays pass.
		return &Error{503, "ServiceUnavailable", "Too many signed requests in the replay window; retry shortly."}
	}
	return nil
}

// NonceResult is what NonceCache.Add found.
type NonceResult int

const (
	NonceNew  NonceResult = iota // not seen within the window; now remembered
	NonceSeen                    // seen within the window: a replay
	NonceFull                    // not seen, but the cache is full: refuse rather than forget
)

// NonceCache remembers nonces for as long as a timestamp could still be accepted. Nonces are
// kept in one generation per minute, so forgetting the expired ones drops whole generations
// (constant time per request, whatever the number held), and a full cache refuses new
// requests instead of letting replays through.
type NonceCache struct {
	mu    sync.Mutex
	gens  map[int64]map[string]struct{} // minute → nonces first seen in it
	count int
	// MaxEntries bounds memory (the nonces of the replay window).
	MaxEntries int
}

// NewNonceCache returns an empty cache holding at most max entries (1,000,000 when zero).
func NewNonceCache(max int) *NonceCache {
	if max <= 0 {
		max = 1_000_000
	}
	return &NonceCache{gens: map[int64]map[string]struct{}{}, MaxEntries: max}
}

// Add records key at now and says whether it was new within ttl.
func (c *NonceCache) Add(key string, now time.Time, ttl time.Duration) NonceResult {
	c.mu.Lock()
	defer c.mu.Unlock()
	minute := now.Unix() / 60
	oldest := now.Add(-ttl).Unix()/60 - 1 // a generation may hold nonces up to a minute older
	for m, g := range c.gens {
		if m < oldest {
			c.count -= len(g)
			delete(c.gens, m)
		}
	}
	for _, g := range c.gens {
		if _, ok := g[key]; ok {
			return NonceSeen
		}
	}
	if c.count >= c.MaxEntries {
		return NonceFull
	}
	g := c.gens[minute]
	if g == nil {
		g = map[string]struct{}{}
		c.gens[minute] = g
	}
	g[key] = struct{}{}
	c.count++
	return NonceNew
}

// Export returns the remembered nonces by the minute they were first seen, for a server that
// keeps them across a restart.
func (c *NonceCache) Export() map[int64][]string {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make(map[int64][]string, len(c.gens))
	for m, g := range c.gens {
		keys := make([]string, 0, len(g))
		for k := range g {
			keys = append(keys, k)
		}
		out[m] = keys
	}
	return out
}

// Import adds nonces Export returned (up to MaxEntries); Add forgets them when they expire.
func (c *NonceCache) Import(gens map[int64][]string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for m, keys := range gens {
		g := c.gens[m]
		if g == nil {
			g = map[string]struct{}{}
			c.gens[m] = g
		}
		for _, k := range keys {
			if c.count >= c.MaxEntries {
				return
			}
			if _, ok := g[k]; !ok {
				g[k] = struct{}{}
				c.count++
			}
		}
	}
}
