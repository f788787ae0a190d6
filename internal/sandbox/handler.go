package sandbox

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/semaphore"
	"golang.org/x/time/rate"

	"github.com/clbanning/mxj/v2"
	"github.com/google/uuid"

	"github.com/mkt-cli/mkt/internal/acs"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/rules"
)

// MaxBodyBytes bounds a request body (uploads travel base64-encoded in the form body).
const MaxBodyBytes = 16 << 20

// IdempotencyWindow is how long a ClientToken is remembered (docs/api.md): a retry within it
// gets the first answer; after it the token is a new operation.
const IdempotencyWindow = 24 * time.Hour

// Error is a refusal in the envelope's terms.
type Error struct {
	Status  int
	Code    string
	Message string
	// Recommend, when set, replaces the troubleshooting URL: for a marketplace rule it is the
	// next step, in the caller's language.
	Recommend string
}

func (e *Error) Error() string { return e.Code + ": " + e.Message }

// Errf makes an *Error.
func Errf(status int, code, format string, args ...any) *Error {
	return &Error{Status: status, Code: code, Message: fmt.Sprintf(format, args...)}
}

func missingParam(name string) *Error {
	return Errf(400, "MissingParameter", "The input parameter %q that is mandatory for processing this request is not supplied.", name)
}

// Call is one request as an action sees it.
type Call struct {
	Ctx      context.Context
	Tx       *sql.Tx
	Store    *Store
	Params   url.Values
	Identity acs.Identity
	// Now is the sandbox clock (real time plus the offset) at the start of the request.
	Now    time.Time
	Action string
	// Token is the request's ClientToken, for the actions that take one ("" otherwise).
	Token string
	// Lang is the caller's language (Accept-Language), for rule messages.
	Lang i18n.Lang
	// Base is the sandbox's address as the caller reached it (http://host:port), for links
	// to files it serves.
	Base string
	// db is the pool Tx belongs to, for the statement cache.
	db *sql.DB
	// after is the work the action deferred until its transaction has committed.
	after []func(context.Context) error
}

// AfterCommit defers fn until the call's transaction has committed: work that must not hold
// the write lock (a call to the vendor's endpoint). fn runs before the answer is encoded, so it
// may complete the result (through a pointer the action returned); it records what it learnt
// in a transaction of its own. Actions that take a ClientToken may defer work but not change
// their answer with it: the answer is stored with the token inside the transaction.
func (c *Call) AfterCommit(fn func(context.Context) error) { c.after = append(c.after, fn) }

// inTx is the call as seen by a later transaction of the same request.
func (c *Call) inTx(tx *sql.Tx) *Call {
	c2 := *c
	c2.Tx, c2.db, c2.after = tx, c.Store.db, nil
	return &c2
}

// Query runs a query through the store's statement cache, inside the call's transaction.
func (c *Call) Query(query string, args ...any) (*sql.Rows, error) {
	st, err := c.Store.prepared(c.db, query)
	if err != nil {
		return nil, err
	}
	return c.Tx.Stmt(st).Query(args...)
}

// QueryRow is Query for one row.
func (c *Call) QueryRow(query string, args ...any) *sql.Row {
	st, err := c.Store.prepared(c.db, query)
	if err != nil {
		// database/sql offers no way to make a Row carrying an error; the plain path reports it.
		return c.Tx.QueryRow(query, args...)
	}
	return c.Tx.Stmt(st).QueryRow(args...)
}

// Violation turns a rule's refusal into the envelope: 403 for Forbidden.*, 400 otherwise,
// the message and the remedy in the caller's language.
func (c *Call) Violation(v *rules.Violation) *Error {
	status := 400
	if strings.HasPrefix(v.Code, "Forbidden.") {
		status = 403
	}
	e := &Error{Status: status, Code: v.Code, Message: v.Msg.In(c.Lang)}
	if !v.Remedy.IsZero() {
		e.Recommend = v.Remedy.In(c.Lang)
	}
	return e
}

// langOf reads Accept-Language: Chinese when its first language is zh, else English.
func langOf(r *http.Request) i18n.Lang {
	if l, ok := i18n.ParseLang(strings.SplitN(strings.SplitN(r.Header.Get("Accept-Language"), ",", 2)[0], ";", 2)[0]); ok {
		return l
	}
	return i18n.EN
}

// Action is one API action the sandbox serves: its row in the action table and its handler.
type Action struct {
	marketapi.Action
	Run func(*Call) (any, error)
}

// Server is the sandbox's http.Handler.
type Server struct {
	store    *Store
	verifier *acs.Verifier
	actions  map[string]Action
	// bodies bounds the request bodies held at once, in bytes: a flood of large unsigned posts
	// waits (or is turned away) instead of exhausting memory before any signature is checked.
	bodies   *semaphore.Weighted
	bodyWait time.Duration
	// inFlight bounds the requests served at once; past it a request is answered 503 at once.
	inFlight chan struct{}
	throttle *throttle
}

// MaxInFlight is how many requests a server serves at once.
const MaxInFlight = 512

// throttle is the marketplace's per-AccessKey flow control, switched on for rehearsals.
type throttle struct {
	mu       sync.Mutex
	perSec   float64
	limiters map[string]*rate.Limiter
}

func (t *throttle) allow(accessKeyID string) bool {
	t.mu.Lock()
	l := t.limiters[accessKeyID]
	if l == nil {
		l = rate.NewLimiter(rate.Limit(t.perSec), max(1, int(t.perSec)))
		t.limiters[accessKeyID] = l
	}
	t.mu.Unlock()
	return l.Allow()
}

// Throttle switches on the real API's flow control: past perSec requests a second (in bursts
// of at most perSec) from one AccessKey, a request is refused with 400 Throttling.User, as
// production refuses it, and nothing is done. Zero switches it off.
func (s *Server) Throttle(perSec float64) {
	if perSec <= 0 {
		s.throttle = nil
		return
	}
	s.throttle = &throttle{perSec: perSec, limiters: map[string]*rate.Limiter{}}
}

// BodyBudget is the request-body bytes a server holds at once; a request waits for its share
// at most BodyWait, then is answered 503 ServiceUnavailable (with Retry-After) — a code the
// client retries.
const (
	BodyBudget = 8 * MaxBodyBytes
	BodyWait   = 2 * time.Second
)

// NewServer returns the handler over store.
func NewServer(store *Store) *Server {
	s := &Server{store: store, actions: map[string]Action{}, bodies: semaphore.NewWeighted(BodyBudget), bodyWait: BodyWait,
		inFlight: make(chan struct{}, MaxInFlight)}
	s.verifier = &acs.Verifier{
		Secret: func(id string) (string, bool) {
			sid, secret, err := store.Credentials()
			if err != nil || id != sid {
				return "", false
			}
			return secret, true
		},
		Nonces: acs.NewNonceCache(0),
	}
	for product, hs := range productHandlers() {
		for name, run := range hs {
			row, ok := marketapi.LookupIn(product, name)
			if !ok {
				// Caught by TestServedActionsAreInTheTable; never served unclassified.
				continue
			}
			s.actions[row.Key()] = Action{Action: row, Run: run}
		}
	}
	return s
}

// productHandlers are the actions the sandbox answers, by API product and name.
func productHandlers() map[string]map[string]func(*Call) (any, error) {
	return map[string]map[string]func(*Call) (any, error){
		marketapi.APIProduct:  handlers(),
		marketapi.NestProduct: nestHandlers(),
		marketapi.STSProduct:  stsHandlers(),
	}
}

// Actions lists the served actions by name.
func (s *Server) Actions() []Action {
	out := make([]Action, 0, len(s.actions))
	for _, a := range s.actions {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key() < out[j].Key() })
	return out
}

// commonParams are the signature and protocol parameters, not the action's own.
var commonParams = map[string]bool{
	"Action": true, "Version": true, "Format": true, "AccessKeyId": true, "Signature": true,
	"SignatureMethod": true, "SignatureVersion": true, "SignatureNonce": true, "SignatureType": true,
	"Timestamp": true, "SecurityToken": true, "ClientToken": true,
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if id, ok := strings.CutPrefix(r.URL.Path, "/files/"); ok && r.Method == http.MethodGet {
		s.serveFile(w, r, id)
		return
	}
	if r.URL.Path == DiscoveryPath && r.Method == http.MethodGet {
		s.serveDiscovery(w, r)
		return
	}
	if key, ok := objectPath(r); ok {
		s.serveObject(w, r, key)
		return
	}
	requestID := strings.ToUpper(uuid.NewString())
	select {
	case s.inFlight <- struct{}{}:
		defer func() { <-s.inFlight }()
	default:
		w.Header().Set("Retry-After", "1")
		s.writeError(w, r, requestID, Errf(503, "ServiceUnavailable", "The sandbox is busy; retry shortly."))
		return
	}
	if r.Body == nil { // a request handed over in process (a GET has none), not by net/http
		r.Body = http.NoBody
	}
	if r.ContentLength > MaxBodyBytes {
		s.writeError(w, r, requestID, Errf(413, "InvalidParameter.BodyTooLarge", "The request body is larger than %d bytes.", MaxBodyBytes))
		return
	}
	// Check before reading: a request whose signature covers a declared payload hash is
	// verified from its headers, so a forged or unsigned request never has its body read.
	if wantsXML(r.URL.Query()) {
		r = r.WithContext(context.WithValue(r.Context(), xmlKey{}, true))
	}
	id, verified, verr := s.verifier.VerifyHead(acs.FromHTTP(r, nil), r.ContentLength == 0)
	if verr != nil {
		s.writeError(w, r, requestID, &Error{Status: verr.Status, Code: verr.Code, Message: verr.Message})
		return
	}
	share := r.ContentLength + 1
	if r.ContentLength < 0 { // unknown length: the most it may be
		share = MaxBodyBytes + 1
	}
	wctx, cancel := context.WithTimeout(r.Context(), s.bodyWait)
	err := s.bodies.Acquire(wctx, share)
	cancel()
	if err != nil {
		w.Header().Set("Retry-After", "1")
		s.writeError(w, r, requestID, Errf(503, "ServiceUnavailable", "The sandbox is busy; retry shortly."))
		return
	}
	defer s.bodies.Release(share)
	body, err := io.ReadAll(io.LimitReader(r.Body, MaxBodyBytes+1))
	if err != nil {
		s.writeError(w, r, requestID, Errf(400, "InvalidParameter", "cannot read the request body: %v", err))
		return
	}
	if len(body) > MaxBodyBytes {
		s.writeError(w, r, requestID, Errf(413, "InvalidParameter.BodyTooLarge", "The request body is larger than %d bytes.", MaxBodyBytes))
		return
	}
	req := acs.FromHTTP(r, body)
	params := req.Params()
	if wantsXML(params) {
		r = r.WithContext(context.WithValue(r.Context(), xmlKey{}, true))
	}
	if verified {
		if e := acs.BodyMatches(r.Header, body); e != nil {
			s.writeError(w, r, requestID, &Error{Status: e.Status, Code: e.Code, Message: e.Message})
			return
		}
	}

	name := r.Header.Get("x-acs-action")
	if name == "" {
		name = params.Get("Action")
	}
	if name == "" {
		s.writeError(w, r, requestID, missingParam("Action"))
		return
	}
	version := r.Header.Get("x-acs-version")
	if version == "" {
		version = params.Get("Version")
	}
	if version == "" {
		s.writeError(w, r, requestID, missingParam("Version"))
		return
	}
	product, ok := marketapi.ProductOfVersion(version)
	if !ok {
		s.writeError(w, r, requestID, Errf(400, "InvalidVersion", "Specified parameter Version is not valid: the Market API version is %s, ComputeNestSupplier's %s, STS's %s.", marketapi.Version, marketapi.NestVersion, marketapi.STSVersion))
		return
	}
	if !verified {
		if id, verr = s.verifier.Verify(req); verr != nil {
			s.writeError(w, r, requestID, &Error{Status: verr.Status, Code: verr.Code, Message: verr.Message})
			return
		}
	}
	if t := s.throttle; t != nil && !t.allow(id.AccessKeyID) {
		s.writeError(w, r, requestID, Errf(400, "Throttling.User", "Request was denied due to user flow control."))
		return
	}
	action, ok := s.actions[marketapi.Key(product, name)]
	if !ok || action.Version != version || !action.Accepts(r.Method) {
		// What production answers for an action it does not have — the seller extension exists
		// only under its own version — or under a method it does not take (its message says
		// so: "check your url and method").
		s.writeError(w, r, requestID, Errf(404, "InvalidAction.NotFound", "Specified api is not found, please check your url and method."))
		return
	}

	actionParams := url.Values{}
	for k, v := range params {
		if !commonParams[k] {
			actionParams[k] = v
		}
	}
	token := params.Get("ClientToken")
	if token != "" && !validClientToken(token) {
		s.writeError(w, r, requestID, Errf(400, "InvalidParameter.ClientToken", "ClientToken must be 1 to 64 printable ASCII characters."))
		return
	}
	if !action.ClientToken {
		token = ""
	}

	var status int
	var out []byte
	var call *Call
	var result any
	run, pool := s.store.tx, s.store.db
	if action.ReadOnly {
		run, pool = s.store.readTx, s.store.rdb
	}
	err = run(r.Context(), func(tx *sql.Tx) error {
		off, err := s.store.clockOffset(tx, pool)
		if err != nil {
			return err
		}
		hash := paramsHash(actionParams)
		// Tokens are remembered per action of a product: Market's names as they always were,
		// the others qualified (both products have a PushMeteringData).
		idem := name
		if product != marketapi.APIProduct {
			idem = action.Key()
		}
		now := time.Now().Add(off)
		if token != "" {
			// A token is remembered for IdempotencyWindow (of sandbox time), then forgotten.
			var storedHash string
			err := tx.QueryRow(`SELECT params_hash, status, response FROM idempotency WHERE access_key_id = ? AND action = ? AND token = ? AND created_at > ?`,
				id.AccessKeyID, idem, token, now.Add(-IdempotencyWindow).UnixMilli()).Scan(&storedHash, &status, &out)
			switch {
			case err == nil && storedHash == hash:
				return nil // a retry: the first answer, unchanged
			case err == nil:
				return Errf(409, "IdempotentParameterMismatch", "The ClientToken %q was already used with different parameters.", token)
			case !errors.Is(err, sql.ErrNoRows):
				return err
			}
		}
		call = &Call{Ctx: r.Context(), Tx: tx, Store: s.store, Params: actionParams, Identity: id, Now: now, Action: name, Token: token, Lang: langOf(r), Base: "http://" + r.Host, db: pool}
		if result, err = action.Run(call); err != nil {
			return err
		}
		status = http.StatusOK
		if token != "" {
			// A ClientToken action's answer is whole when its transaction commits (work deferred
			// past the commit, such as CreateOrder's SPI call, does not change it), so the
			// answer a retry gets is stored with the transaction that made it.
			if out, err = withRequestID(requestID, result); err != nil {
				return err
			}
			_, err = tx.Exec(`INSERT OR REPLACE INTO idempotency (access_key_id, action, token, params_hash, status, response, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
				id.AccessKeyID, idem, token, hash, status, out, call.Now.UnixMilli())
			return err
		}
		if len(call.after) > 0 {
			return nil // encoded once the deferred work has completed it
		}
		out, err = withRequestID(requestID, result)
		return err
	})
	if err == nil && call != nil && len(call.after) > 0 {
		for _, fn := range call.after {
			if err = fn(r.Context()); err != nil {
				break
			}
		}
		if err == nil {
			out, err = withRequestID(requestID, result)
		}
	}
	if err != nil {
		var e *Error
		if !errors.As(err, &e) {
			e = Errf(500, "InternalError", "The sandbox failed: %v", err)
		}
		s.writeError(w, r, requestID, e)
		return
	}
	writeAnswer(w, r, requestID, name+"Response", status, out)
}

type xmlKey struct{}

// wantsXML: XML when asked for, and for a V1 request that does not say (XML is V1's
// documented default) — the answer and the error envelope alike.
func wantsXML(params url.Values) bool {
	f := params.Get("Format")
	return strings.EqualFold(f, "XML") || (f == "" && params.Get("SignatureVersion") != "")
}

// writeAnswer writes a JSON answer, or its XML form when the request asked for XML.
func writeAnswer(w http.ResponseWriter, r *http.Request, requestID, root string, status int, out []byte) {
	ctype := "application/json;charset=utf-8"
	if r.Context().Value(xmlKey{}) != nil {
		if m, err := mxj.NewMapJson(out); err == nil {
			if x, err := m.XmlIndent("", "  ", root); err == nil {
				out, ctype = append([]byte(xml.Header), x...), "text/xml;charset=utf-8"
			}
		}
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("x-acs-request-id", requestID)
	w.WriteHeader(status)
	w.Write(out)
}

func validClientToken(t string) bool {
	if len(t) == 0 || len(t) > 64 {
		return false
	}
	for i := 0; i < len(t); i++ {
		if t[i] < 0x21 || t[i] > 0x7e {
			return false
		}
	}
	return true
}

// paramsHash identifies an action's parameters, whatever their order.
func paramsHash(p url.Values) string {
	sum := sha256.Sum256([]byte(acs.CanonicalQuery(p)))
	return hex.EncodeToString(sum[:])
}

// preEncoded is a result that encodes itself: json.Marshal would validate again JSON that
// the store already holds valid (a listing's product documents).
type preEncoded interface{ EncodeJSON() []byte }

// withRequestID encodes result (a JSON object) with RequestId as its first field.
func withRequestID(requestID string, result any) ([]byte, error) {
	var b []byte
	if pe, ok := result.(preEncoded); ok {
		b = pe.EncodeJSON()
	} else if result != nil {
		var err error
		if b, err = json.Marshal(result); err != nil {
			return nil, err
		}
	}
	head := `{"RequestId":` + strconvQuote(requestID)
	b = bytes.TrimSpace(b)
	if len(b) < 2 || string(b) == "{}" || string(b) == "null" {
		return []byte(head + "}"), nil
	}
	if b[0] != '{' {
		return nil, fmt.Errorf("action result is not a JSON object")
	}
	return []byte(head + "," + string(b[1:])), nil
}

func strconvQuote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// ProductionHost is what the error envelope's HostId says, as production's does.
const ProductionHost = "market.aliyuncs.com"

// envelope is the real error shape (docs/api.md).
type envelope struct {
	RequestID string `json:"RequestId"`
	HostID    string `json:"HostId"`
	Code      string `json:"Code"`
	Message   string `json:"Message"`
	Recommend string `json:"Recommend"`
}

func (s *Server) writeError(w http.ResponseWriter, r *http.Request, requestID string, e *Error) {
	env := envelope{
		RequestID: requestID,
		HostID:    ProductionHost,
		Code:      e.Code,
		Message:   e.Message,
		Recommend: "https://api.alibabacloud.com/troubleshoot?intl_lang=EN_US&q=" + url.QueryEscape(e.Code) + "&product=Market&requestId=" + requestID,
	}
	if e.Recommend != "" {
		env.Recommend = e.Recommend
	}
	b, _ := json.Marshal(env)
	writeAnswer(w, r, requestID, "Error", e.Status, b)
}

// DiscoveryPath is where a sandbox tells another mkt on this machine its own AccessKey pair
// and SPI key, so that `mkt --sandbox --endpoint http://127.0.0.1:PORT …` works from any HOME.
const DiscoveryPath = "/.well-known/mkt-sandbox"

// Discovery is what DiscoveryPath answers. These are the local sandbox's own keys, made when it
// was created; they open nothing but this sandbox.
type Discovery struct {
	AccessKeyID     string `json:"accessKeyId"`
	AccessKeySecret string `json:"accessKeySecret"`
	SPIKey          string `json:"spiKey"`
}

// serveDiscovery answers callers on this machine only.
func (s *Server) serveDiscovery(w http.ResponseWriter, r *http.Request) {
	host, _, _ := net.SplitHostPort(r.RemoteAddr)
	if ip := net.ParseIP(host); r.RemoteAddr != "" && (ip == nil || !ip.IsLoopback()) {
		http.Error(w, "the sandbox's keys are given to callers on this machine only", http.StatusForbidden)
		return
	}
	id, secret, err := s.store.Credentials()
	spiKey, kerr := s.store.SPIKey()
	if err != nil || kerr != nil {
		http.Error(w, "the sandbox cannot read its keys", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(Discovery{AccessKeyID: id, AccessKeySecret: secret, SPIKey: spiKey})
}

// Transport serves requests with the handler in process: the same signing and the same JSON
// as over TCP, with no socket.
type Transport struct{ Handler http.Handler }

// RoundTrip implements http.RoundTripper.
func (t Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	if err := req.Context().Err(); err != nil {
		return nil, err
	}
	rec := &recorder{header: http.Header{}, status: 200}
	t.Handler.ServeHTTP(rec, req)
	return &http.Response{
		Status:        fmt.Sprintf("%d %s", rec.status, http.StatusText(rec.status)),
		StatusCode:    rec.status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        rec.header,
		Body:          io.NopCloser(&rec.body),
		ContentLength: int64(rec.body.Len()),
		Request:       req,
	}, nil
}

type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
	wrote  bool
}

func (r *recorder) Header() http.Header { return r.header }
func (r *recorder) WriteHeader(code int) {
	if !r.wrote {
		r.status, r.wrote = code, true
	}
}
func (r *recorder) Write(b []byte) (int, error) {
	r.wrote = true
	return r.body.Write(b)
}
