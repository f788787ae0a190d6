package sandbox

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/mkt-cli/mkt/internal/acs"
	"github.com/mkt-cli/mkt/internal/exitcode"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"golang.org/x/sync/errgroup"
)

// newSandbox opens a sandbox in a temporary directory and serves it on 127.0.0.1.
func newSandbox(t testing.TB) (*Store, *httptest.Server, *market.Client) {
	t.Helper()
	store, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(NewServer(store))
	t.Cleanup(func() { srv.Close(); store.Close() })
	id, secret, err := store.Credentials()
	if err != nil {
		t.Fatal(err)
	}
	c := market.New(market.Options{Endpoint: srv.URL, Credential: market.Credential{AccessKeyID: id, AccessKeySecret: secret},
		Retry: market.RetryPolicy{MaxAttempts: 1}})
	return store, srv, c
}

func insertProduct(t testing.TB, s *Store, code, name, typ, status string, created int64) {
	t.Helper()
	_, err := s.db.Exec(`INSERT INTO products (code, name, type, status, short_description, suggested_price, created_at, modified_at, use_count, score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		code, name, typ, status, "about "+name, "99.00", created, created, created%7, float64(created%5))
	if err != nil {
		t.Fatal(err)
	}
}

func call(t *testing.T, c *market.Client, action string, q url.Values, out any) error {
	t.Helper()
	return c.Call(context.Background(), market.Request{Action: action, Query: q}, out)
}

func TestDescribeProductsShape(t *testing.T) {
	store, _, c := newSandbox(t)
	var raw map[string]any
	if err := call(t, c, "DescribeProducts", nil, &raw); err != nil {
		t.Fatal(err)
	}
	// The real shape, even when empty: the wrapper object and its list.
	items := raw["ProductItems"].(map[string]any)["ProductItem"].([]any)
	if len(items) != 0 || raw["TotalCount"].(float64) != 0 || raw["PageNumber"].(float64) != 1 || raw["PageSize"].(float64) != 10 || raw["RequestId"] == "" {
		t.Fatalf("empty catalogue: %v", raw)
	}

	for i := 1; i <= 25; i++ {
		typ := "APP"
		if i%5 == 0 {
			typ = "API_SERVICE"
		}
		insertProduct(t, store, fmt.Sprintf("cmgj%06d", i), fmt.Sprintf("Product %d", i), typ, "LISTED", int64(i))
	}
	insertProduct(t, store, "cmgj999999", "Draft one", "APP", "DRAFT", 100)

	var list marketapi.ProductList
	if err := call(t, c, "DescribeProducts", url.Values{"PageNumber": {"3"}, "PageSize": {"10"}}, &list); err != nil {
		t.Fatal(err)
	}
	if list.TotalCount != 25 || len(list.ProductItems.ProductItem) != 5 {
		t.Fatalf("page 3: total %d, items %d", list.TotalCount, len(list.ProductItems.ProductItem))
	}
	q := url.Values{"Filter.1.Key": {"productType"}, "Filter.1.Value": {"API_SERVICE"}, "Filter.2.Key": {"sort"}, "Filter.2.Value": {"created_on-desc"}}
	if err := call(t, c, "DescribeProducts", q, &list); err != nil {
		t.Fatal(err)
	}
	if list.TotalCount != 5 || list.ProductItems.ProductItem[0].Code != "cmgj000025" {
		t.Fatalf("filtered: %+v", list)
	}
	if err := call(t, c, "DescribeProducts", url.Values{"SearchTerm": {"Product 1"}}, &list); err != nil || list.TotalCount != 11 {
		t.Fatalf("search: %d %v", list.TotalCount, err)
	}

	// The real action's quirk: malformed filters are HTTP 500 with a specific code.
	err := call(t, c, "DescribeProducts", url.Values{"Filter.1.Key": {"sort"}, "Filter.1.Value": {"newest"}}, nil)
	var apiErr *market.APIError
	if !errors.As(err, &apiErr) || apiErr.HTTPStatus != 500 || apiErr.Code != "Invalid.Sort" || market.IsRetryable(err) {
		t.Fatalf("Invalid.Sort: %v", err)
	}
}

func TestDescribeProduct(t *testing.T) {
	store, _, c := newSandbox(t)
	insertProduct(t, store, "cmgj000001", "Listed", "APP", "LISTED", 1)
	insertProduct(t, store, "cmgj000002", "In review", "APP", "REVIEWING", 2)

	var p marketapi.PublicProduct
	if err := call(t, c, "DescribeProduct", url.Values{"Code": {"cmgj000001"}}, &p); err != nil {
		t.Fatal(err)
	}
	if p.Name != "Listed" || p.AuditStatus != "" || p.SupplierPk == 0 || p.ProductSkus.ProductSku == nil {
		t.Errorf("listed: %+v", p)
	}
	err := call(t, c, "DescribeProduct", url.Values{"Code": {"cmgj000002"}}, &p)
	var apiErr *market.APIError
	if !errors.As(err, &apiErr) || apiErr.Kind() != exitcode.NotFound {
		t.Errorf("unlisted without QueryDraft: %v", err)
	}
	if err := call(t, c, "DescribeProduct", url.Values{"Code": {"cmgj000002"}, "QueryDraft": {"true"}}, &p); err != nil || p.AuditStatus != "info_ing" {
		t.Errorf("QueryDraft: %+v %v", p, err)
	}
	if err := call(t, c, "DescribeProduct", nil, &p); !errors.As(err, &apiErr) || apiErr.Code != "MissingParameter" {
		t.Errorf("no Code: %v", err)
	}
}

func upload(c *market.Client, token, name string, content []byte) (marketapi.UploadedFile, error) {
	var f marketapi.UploadedFile
	err := c.Call(context.Background(), market.Request{
		Action: "UploadFile", ClientToken: token,
		Form: url.Values{"FileName": {name}, "Content": {base64.StdEncoding.EncodeToString(content)}},
	}, &f)
	return f, err
}

func TestUploadFileIdempotent(t *testing.T) {
	store, _, c := newSandbox(t)
	a, err := upload(c, "tok-1", "plan.pdf", []byte("%PDF-1.4 plan"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := upload(c, "tok-1", "plan.pdf", []byte("%PDF-1.4 plan"))
	if err != nil || b.FileId != a.FileId {
		t.Fatalf("retry with the same token: %v %+v %+v", err, a, b)
	}
	_, err = upload(c, "tok-1", "other.pdf", []byte("%PDF-1.4 plan"))
	var apiErr *market.APIError
	if !errors.As(err, &apiErr) || apiErr.Code != "IdempotentParameterMismatch" || apiErr.HTTPStatus != 409 || apiErr.Kind() != exitcode.Conflict {
		t.Fatalf("same token, other parameters: %v", err)
	}
	d, err := upload(c, "tok-2", "copy.pdf", []byte("%PDF-1.4 plan"))
	if err != nil || d.FileId == a.FileId || d.Sha256 != a.Sha256 {
		t.Fatalf("same content, new token: %+v", d)
	}
	var n int
	store.db.QueryRow(`SELECT COUNT(*) FROM files`).Scan(&n)
	if n != 2 {
		t.Errorf("files = %d, want 2", n)
	}
	got, err := os.ReadFile(store.BlobPath(a.Sha256))
	if err != nil || string(got) != "%PDF-1.4 plan" {
		t.Errorf("blob: %q %v", got, err)
	}
	for name, content := range map[string][]byte{"virus.exe": []byte("x"), "empty.pdf": nil, "../x.pdf": []byte("x")} {
		if _, err := upload(c, "", name, content); !errors.As(err, &apiErr) || apiErr.HTTPStatus != 400 {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestClockPersists(t *testing.T) {
	store, _, c := newSandbox(t)
	var clk marketapi.Clock
	if err := call(t, c, "SandboxAdvanceClock", url.Values{"Duration": {"6d"}}, &clk); err != nil {
		t.Fatal(err)
	}
	if clk.OffsetSeconds != 6*86400 || clk.Offset != "6d" {
		t.Fatalf("advance: %+v", clk)
	}
	// Reopen the store: the offset is on disk.
	dir := store.Dir()
	s2, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	now, _ := s2.Now()
	if d := time.Until(now); d < 6*24*time.Hour-time.Minute || d > 6*24*time.Hour+time.Minute {
		t.Errorf("reopened clock is %s ahead", d)
	}
	if err := call(t, c, "SandboxAdvanceClock", url.Values{"Duration": {"-1d"}}, &clk); err == nil {
		t.Error("backwards accepted")
	}
	if err := call(t, c, "SandboxResetClock", nil, &clk); err != nil || clk.OffsetSeconds != 0 {
		t.Errorf("reset: %+v %v", clk, err)
	}
}

func TestEnvelopeAndSignatures(t *testing.T) {
	store, srv, _ := newSandbox(t)
	id, _, _ := store.Credentials()
	wrong := market.New(market.Options{Endpoint: srv.URL, Credential: market.Credential{AccessKeyID: id, AccessKeySecret: "wrong"}, Retry: market.RetryPolicy{MaxAttempts: 1}})
	err := wrong.Call(context.Background(), market.Request{Action: "DescribeProducts"}, nil)
	var apiErr *market.APIError
	if !errors.As(err, &apiErr) || apiErr.Code != "SignatureDoesNotMatch" || !strings.Contains(apiErr.Message, "server string to sign is:") ||
		apiErr.RequestID == "" || apiErr.HostID == "" || !strings.Contains(apiErr.Recommend, "q=SignatureDoesNotMatch") || apiErr.Kind() != exitcode.Auth {
		t.Fatalf("wrong secret: %#v", err)
	}

	// Unknown action, wrong version, no signature: raw HTTP to see status codes.
	for _, c := range []struct {
		query  string
		status int
		code   string
	}{
		{"Action=DescribeProducts", 400, "MissingParameter"},
		{"Action=DescribeProducts&Version=2014-01-01", 400, "InvalidVersion"},
		{"Version=2015-11-01", 400, "MissingParameter"},
	} {
		resp, err := http.Get(srv.URL + "/?" + c.query)
		if err != nil {
			t.Fatal(err)
		}
		var env map[string]string
		json.NewDecoder(resp.Body).Decode(&env)
		resp.Body.Close()
		if resp.StatusCode != c.status || env["Code"] != c.code || env["RequestId"] == "" || env["HostId"] == "" {
			t.Errorf("%s: %d %v", c.query, resp.StatusCode, env)
		}
	}
}

// A V1-signed GET, as the aliyun CLI and the older SDKs send, with an empty parameter.
func TestV1RequestWithEmptyParameter(t *testing.T) {
	store, srv, _ := newSandbox(t)
	id, secret, _ := store.Credentials()
	p := url.Values{
		"Action": {"DescribeProducts"}, "Version": {"2015-11-01"}, "Format": {"JSON"}, "AccessKeyId": {id},
		"SignatureMethod": {"HMAC-SHA1"}, "SignatureVersion": {"1.0"}, "SignatureNonce": {"n-v1"}, "SignatureType": {""},
		"Timestamp": {time.Now().UTC().Format(acs.TimeFormat)}, "PageSize": {"5"},
	}
	p.Set("Signature", acs.V1Sign("GET", p, secret))
	resp, err := http.Get(srv.URL + "/?" + acs.EncodeQuery(p))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var list marketapi.ProductList
	json.NewDecoder(resp.Body).Decode(&list)
	if resp.StatusCode != 200 || list.PageSize != 5 {
		t.Fatalf("V1: %d %+v", resp.StatusCode, list)
	}
	// Replaying the same signed URL is refused.
	resp2, _ := http.Get(srv.URL + "/?" + acs.EncodeQuery(p))
	var env map[string]string
	json.NewDecoder(resp2.Body).Decode(&env)
	resp2.Body.Close()
	if env["Code"] != "SignatureNonceUsed" {
		t.Errorf("replay: %v", env)
	}
}

func TestInProcessTransport(t *testing.T) {
	store, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	id, secret, _ := store.Credentials()
	c := market.New(market.Options{Endpoint: "http://sandbox.mkt.local", Transport: Transport{Handler: NewServer(store)},
		Credential: market.Credential{AccessKeyID: id, AccessKeySecret: secret}})
	var list marketapi.ProductList
	if err := c.Call(context.Background(), market.Request{Action: "DescribeProducts"}, &list); err != nil || list.PageSize != 10 {
		t.Fatalf("%+v %v", list, err)
	}
	// A GET carries no body: handed over in process, the request has none at all.
	var usage marketapi.APIMetering
	if err := c.Call(context.Background(), market.Request{Action: "DescribeApiMetering", Method: "GET", Query: url.Values{"pageNum": {"1"}}}, &usage); err != nil || !usage.Success {
		t.Fatalf("GET in process: %+v %v", usage, err)
	}
}

func TestMigrationsIdempotentAndReset(t *testing.T) {
	dir := t.TempDir()
	s1, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	id1, _, _ := s1.Credentials()
	s1.Close()
	s2, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	id2, _, _ := s2.Credentials()
	var n int
	s2.db.QueryRow(`SELECT COUNT(*) FROM schema_migrations`).Scan(&n)
	s2.Close()
	if id1 != id2 || n != len(migrations) {
		t.Fatalf("reopen changed credentials or re-ran migrations: %s %s %d", id1, id2, n)
	}
	if err := Reset(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, DBFile)); !os.IsNotExist(err) {
		t.Error("database survived reset")
	}
}

// docMarker is how docs/api.md marks each kind of action, on the line after its heading.
var docMarker = map[marketapi.Kind]string{
	marketapi.Public:      "*public*",
	marketapi.Extension:   "*seller (mkt extension)*",
	marketapi.SandboxOnly: "*sandbox only*",
}

// notServedYet are public actions of the table that the sandbox does not serve yet. It is
// empty: the sandbox serves all 31, and an action served while listed here fails the test too.
var notServedYet = map[string]bool{}

// The sandbox serves exactly the action table's rows (less notServedYet), nothing outside it,
// and docs/api.md documents each served action under its own heading with its kind.
func TestServedActionsAreInTheTable(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "api.md"))
	if err != nil {
		t.Fatal(err)
	}
	served := map[string]bool{}
	for product, hs := range productHandlers() {
		for name := range hs {
			if _, ok := marketapi.LookupIn(product, name); !ok {
				t.Errorf("%s %s: served, but not in the action table (internal/marketapi)", product, name)
			}
			served[marketapi.Key(product, name)] = true
		}
	}
	for _, row := range marketapi.All() {
		ok := served[row.Key()]
		switch {
		case ok && notServedYet[row.Name]:
			t.Errorf("%s: served now; remove it from notServedYet", row.Name)
		case !ok && !notServedYet[row.Name]:
			t.Errorf("%s: in the action table, no handler in the sandbox", row.Key())
		}
		if !ok {
			continue
		}
		head := "\n### " + row.Name + "\n\n"
		i := strings.Index(string(doc), head)
		if i < 0 {
			t.Errorf("docs/api.md has no section for %s", row.Name)
			continue
		}
		if !strings.HasPrefix(string(doc)[i+len(head):], docMarker[row.Kind]) {
			t.Errorf("docs/api.md does not mark %s as %s (%s)", row.Name, row.Kind, docMarker[row.Kind])
		}
	}
}

// Actions are answered only under the HTTP methods the action table lists: a POST-only action
// sent as GET gets what production answers.
func TestMethodsAsListed(t *testing.T) {
	store, srv, _ := newSandbox(t)
	id, secret, _ := store.Credentials()
	c := market.New(market.Options{Endpoint: srv.URL, Credential: market.Credential{AccessKeyID: id, AccessKeySecret: secret}, Retry: market.RetryPolicy{MaxAttempts: 1}})
	for _, action := range []string{"ModifyInvoiceForIsv", "PushMeteringData"} {
		_, err := c.Do(context.Background(), market.Request{Action: action, Method: "GET", Query: url.Values{"X": {"1"}}})
		var ae *market.APIError
		if !errors.As(err, &ae) || ae.HTTPStatus != 404 || ae.Code != "InvalidAction.NotFound" {
			t.Errorf("%s as GET: %v", action, err)
		}
	}
	if _, err := c.Do(context.Background(), market.Request{Action: "DescribeProducts", Method: "GET"}); err != nil {
		t.Errorf("DescribeProducts takes GET: %v", err)
	}
}

// An unknown or foreign ID gets what the public metadata documents — 400 IllegalPermission for
// the ISV's views, 500 UnknownError for the buyer's — and the client takes both as "not found"
// (exit 5) without retrying the 500.
func TestUnknownIDsAnsweredAsDocumented(t *testing.T) {
	store, srv, _ := newSandbox(t)
	id, secret, _ := store.Credentials()
	var calls int
	c := market.New(market.Options{Endpoint: srv.URL, Credential: market.Credential{AccessKeyID: id, AccessKeySecret: secret},
		Sleep: func(context.Context, time.Duration) error { calls++; return nil }})
	for _, tc := range []struct {
		action, param string
		status        int
		code          string
	}{
		{"DescribeOrderForIsv", "OrderId", 400, "IllegalPermission"},
		{"DescribeOrder", "OrderId", 500, "UnknownError"},
		{"DescribeInstanceForIsv", "InstanceId", 400, "IllegalPermission"},
		{"DescribeInstance", "InstanceId", 500, "UnknownError"},
		{"ConfirmNotification", "NotificationRequestId", 400, "IllegalPermission"},
	} {
		_, err := c.Do(context.Background(), market.Request{Action: tc.action, Query: url.Values{tc.param: {"99999999"}}})
		var ae *market.APIError
		if !errors.As(err, &ae) || ae.HTTPStatus != tc.status || ae.Code != tc.code || ae.Kind() != exitcode.NotFound {
			t.Errorf("%s: %v", tc.action, err)
		}
	}
	if calls != 0 {
		t.Errorf("%d retries of a documented unknown-ID answer", calls)
	}
}

// Format=XML gets XML, the answer and the error envelope alike, as production answers.
func TestFormatXML(t *testing.T) {
	store, srv, _ := newSandbox(t)
	id, secret, _ := store.Credentials()
	c := market.New(market.Options{Endpoint: srv.URL, Credential: market.Credential{AccessKeyID: id, AccessKeySecret: secret}, Retry: market.RetryPolicy{MaxAttempts: 1}})
	resp, err := c.Do(context.Background(), market.Request{Action: "DescribeProducts", Query: url.Values{"Format": {"XML"}, "PageSize": {"2"}}})
	if err != nil {
		t.Fatal(err)
	}
	body := string(resp.Body)
	if !strings.HasPrefix(body, "<?xml") || !strings.Contains(body, "<DescribeProductsResponse>") || !strings.Contains(body, "<RequestId>") ||
		!strings.HasPrefix(resp.Header.Get("Content-Type"), "text/xml") {
		t.Errorf("XML answer: %s", body)
	}
	_, err = c.Do(context.Background(), market.Request{Action: "DescribeProduct", Query: url.Values{"Format": {"XML"}, "Code": {"cmgj404"}}})
	var ae *market.APIError
	if !errors.As(err, &ae) || !strings.Contains(ae.Message, "<Code>InvalidCode.NotFound</Code>") {
		t.Errorf("XML error: %v", err)
	}
}

// UploadFile checks the content against the type the name claims.
func TestUploadFileSniffsContent(t *testing.T) {
	_, _, c := newSandbox(t)
	if _, err := upload(c, "", "invoice.pdf", []byte("root:x:0:0:root:/root:/bin/bash\n")); err == nil || !strings.Contains(err.Error(), "InvalidParameter.FileType") {
		t.Errorf("text named .pdf: %v", err)
	}
	if _, err := upload(c, "", "notes.txt", []byte("plain text")); err != nil {
		t.Errorf("a text file: %v", err)
	}
}

// A ClientToken is remembered for IdempotencyWindow of sandbox time, then it is a new operation.
func TestClientTokensExpire(t *testing.T) {
	_, _, c := newSandbox(t)
	a, err := upload(c, "tok-window", "a.txt", []byte("a"))
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := upload(c, "tok-window", "a.txt", []byte("a")); b.FileId != a.FileId {
		t.Fatalf("a retry within the window made %s, want %s", b.FileId, a.FileId)
	}
	if err := c.Call(context.Background(), market.Request{Action: "SandboxAdvanceClock", Form: url.Values{"Duration": {"25h"}}}, nil); err != nil {
		t.Fatal(err)
	}
	if b, err := upload(c, "tok-window", "a.txt", []byte("a")); err != nil || b.FileId == a.FileId {
		t.Fatalf("after the window: %+v %v, want a new file", b, err)
	}
}

// One server at a time, and no reset under a server: the reset would delete the database
// while the server kept acknowledging writes into it.
func TestServeLock(t *testing.T) {
	dir := t.TempDir()
	release, err := HoldServe(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := HoldServe(dir); !errors.Is(err, ErrServed) {
		t.Errorf("a second server: %v", err)
	}
	if err := Reset(dir); !errors.Is(err, ErrServed) {
		t.Errorf("reset under a server: %v", err)
	}
	release()
	if err := Reset(dir); err != nil {
		t.Errorf("reset once the server stopped: %v", err)
	}
	// Whatever was reset, the database comes back private.
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	st, _ := os.Stat(filepath.Join(dir, DBFile))
	if st.Mode().Perm() != 0o600 {
		t.Errorf("database mode %v after reset", st.Mode().Perm())
	}
}

// Bodies are bounded before they are read: past the budget a request waits, then is turned
// away with a 503 the client retries (Retry-After), instead of memory filling with unsigned
// posts; a body announced larger than the limit is refused unread.
func TestBodyBudget(t *testing.T) {
	store, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	s := NewServer(store)
	s.bodyWait = 20 * time.Millisecond
	srv := httptest.NewServer(s)
	defer srv.Close()
	post := func(n int) *http.Response {
		resp, err := http.Post(srv.URL, "application/x-www-form-urlencoded", strings.NewReader(strings.Repeat("a", n)))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	if resp := post(MaxBodyBytes + 1); resp.StatusCode != 413 {
		t.Errorf("an oversized body: %d", resp.StatusCode)
	}
	s.bodies.Acquire(context.Background(), BodyBudget) // every byte of the budget in use
	if resp := post(100); resp.StatusCode != 503 || resp.Header.Get("Retry-After") == "" {
		t.Errorf("past the budget: %d, Retry-After %q", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	s.bodies.Release(BodyBudget)
	if resp := post(100); resp.StatusCode == 503 {
		t.Errorf("with the budget free: %d", resp.StatusCode)
	}
}

// unreadable is a request body a test must never see read.
type unreadable struct{ read *bool }

func (u unreadable) Read([]byte) (int, error) { *u.read = true; return 0, io.ErrUnexpectedEOF }

// A forged or unsigned request is refused from its headers: its body is never read. A
// request whose signature is right but whose body is not the one it declared is refused too.
func TestSignatureCheckedBeforeBody(t *testing.T) {
	store, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	s := NewServer(store)
	id, secret, _ := store.Credentials()
	body := []byte("Content=" + strings.Repeat("A", 1000) + "&FileName=a.pdf")
	signed := func(key, secret string, sent io.Reader) *http.Request {
		r := httptest.NewRequest(http.MethodPost, "http://127.0.0.1/", sent)
		r.ContentLength = int64(len(body))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.Header.Set("x-acs-action", "UploadFile")
		r.Header.Set("x-acs-version", marketapi.ExtensionVersion)
		r.Header.Set("x-acs-date", time.Now().UTC().Format(acs.TimeFormat))
		r.Header.Set("x-acs-signature-nonce", uuid.NewString())
		acs.SignV3(r, body, key, secret)
		return r
	}
	for name, c := range map[string]struct {
		key, secret, code string
	}{
		"wrong secret":  {id, "wrong", "SignatureDoesNotMatch"},
		"unknown key":   {"LTAIunknown", secret, "InvalidAccessKeyId.NotFound"},
		"expired stamp": {id, secret, "InvalidTimeStamp.Expired"},
	} {
		read := false
		r := signed(c.key, c.secret, unreadable{&read})
		if name == "expired stamp" {
			r.Header.Set("x-acs-date", time.Now().Add(-time.Hour).UTC().Format(acs.TimeFormat))
		}
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if read || !strings.Contains(w.Body.String(), c.code) {
			t.Errorf("%s: body read %v; answer %d %s", name, read, w.Code, w.Body)
		}
	}
	// Signed for one body, sent with another.
	w := httptest.NewRecorder()
	s.ServeHTTP(w, signed(id, secret, strings.NewReader(strings.Replace(string(body), "a.pdf", "b.pdf", 1))))
	if w.Code != 400 || !strings.Contains(w.Body.String(), "x-acs-content-sha256") {
		t.Errorf("another body: %d %s", w.Code, w.Body)
	}
}

// /files/ serves only presigned, unexpired links: a file ID alone, a tampered expiry or a link
// past its time gets 403, so an uploaded file is not public.
func TestFilesOnlyByPresignedLink(t *testing.T) {
	store, srv, c := newSandbox(t)
	f, err := upload(c, "", "invoice.pdf", []byte("%PDF-1.4 invoice"))
	if err != nil {
		t.Fatal(err)
	}
	get := func(u string) (int, string) {
		resp, err := http.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if !strings.HasPrefix(f.FileUrl, srv.URL+"/files/"+f.FileId+"?") {
		t.Fatalf("FileUrl %q", f.FileUrl)
	}
	if code, body := get(f.FileUrl); code != 200 || body != "%PDF-1.4 invoice" {
		t.Errorf("the presigned link: %d %q", code, body)
	}
	u, _ := url.Parse(f.FileUrl)
	q := u.Query()
	q.Set("Expires", strconv.FormatInt(time.Now().Add(100*FileLinkTTL).Unix(), 10))
	u.RawQuery = q.Encode()
	for name, link := range map[string]string{"bare": srv.URL + "/files/" + f.FileId, "tampered": u.String()} {
		if code, _ := get(link); code != 403 {
			t.Errorf("%s link: %d", name, code)
		}
	}
	if _, err := store.db.Exec(`INSERT OR REPLACE INTO meta (key, value) VALUES ('clock_offset_ns', ?)`, strconv.FormatInt(int64(FileLinkTTL+time.Hour), 10)); err != nil {
		t.Fatal(err)
	}
	if code, body := get(f.FileUrl); code != 403 || !strings.Contains(body, "expired") {
		t.Errorf("past its time: %d %q", code, body)
	}
}

// With flow control on, a burst past the limit is refused with production's Throttling.User
// (400) and nothing is done; the client waits it out without spending its attempts, so four
// workers over a 20/s quota finish every upload exactly once.
func TestThrottle(t *testing.T) {
	store, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	s := NewServer(store)
	s.Throttle(20)
	var refused atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, r)
		if rec.Code == 400 && strings.Contains(rec.Body.String(), `"Code":"Throttling.User"`) {
			refused.Add(1)
		}
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		w.WriteHeader(rec.Code)
		w.Write(rec.Body.Bytes())
	}))
	defer srv.Close()
	id, secret, _ := store.Credentials()
	c := market.New(market.Options{Endpoint: srv.URL, Credential: market.Credential{AccessKeyID: id, AccessKeySecret: secret},
		Retry: market.RetryPolicy{MaxAttempts: 1}})
	var g errgroup.Group
	for w := 0; w < 4; w++ {
		g.Go(func() error {
			for i := 0; i < 10; i++ {
				if _, err := upload(c, "", fmt.Sprintf("w%d-%d.txt", w, i), []byte("hello")); err != nil {
					return err
				}
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		t.Fatalf("a throttled upload was not waited out: %v", err)
	}
	var n int
	store.db.QueryRow(`SELECT COUNT(*) FROM files`).Scan(&n)
	if refused.Load() == 0 || n != 40 {
		t.Errorf("refused %d; files %d, want 40", refused.Load(), n)
	}
}

// Past MaxInFlight requests at once, a request is turned away at once with a 503 the client
// retries, not queued without bound.
func TestInFlightBound(t *testing.T) {
	store, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	s := NewServer(store)
	for i := 0; i < MaxInFlight; i++ {
		s.inFlight <- struct{}{}
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/?Action=DescribeProducts&Version=2015-11-01", nil))
	if w.Code != 503 || w.Header().Get("Retry-After") == "" || !strings.Contains(w.Body.String(), "ServiceUnavailable") {
		t.Errorf("past the bound: %d %s", w.Code, w.Body)
	}
	<-s.inFlight
	w = httptest.NewRecorder()
	s.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/?Action=DescribeProducts&Version=2015-11-01", nil))
	if w.Code == 503 {
		t.Errorf("with a slot free: %d", w.Code)
	}
}

// A request a server accepted cannot be replayed to the next one: a clean stop saves the
// nonces for the next start; after a crash (nothing saved) the next server refuses whatever
// was signed before it started.
func TestNoncesOutliveARestart(t *testing.T) {
	store, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	id, secret, _ := store.Credentials()
	signedAt := func(at time.Time) *http.Request {
		r := httptest.NewRequest(http.MethodGet, "http://127.0.0.1/", nil)
		r.Header.Set("x-acs-action", "DescribeProducts")
		r.Header.Set("x-acs-version", marketapi.Version)
		r.Header.Set("x-acs-date", at.UTC().Format(acs.TimeFormat))
		r.Header.Set("x-acs-signature-nonce", uuid.NewString())
		acs.SignV3(r, nil, id, secret)
		return r
	}
	serve := func(s *Server, r *http.Request) string {
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r.Clone(context.Background()))
		return w.Body.String()
	}
	first := NewServer(store)
	req := signedAt(time.Now())
	if out := serve(first, req); strings.Contains(out, `"Code"`) {
		t.Fatal(out)
	}
	if err := first.SaveNonces(); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(filepath.Join(store.Dir(), NoncesFile)); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("saved nonces: %v %v", fi, err)
	}
	clean := NewServer(store)
	if _, err := clean.RestoreNonces(); err != nil {
		t.Fatal(err)
	}
	if out := serve(clean, req); !strings.Contains(out, "SignatureNonceUsed") {
		t.Errorf("a replay after a clean restart: %s", out)
	}
	crashed := NewServer(store) // the file was taken by the previous start: as after kill -9
	from, err := crashed.RestoreNonces()
	if err != nil {
		t.Fatal(err)
	}
	if out := serve(crashed, req); !strings.Contains(out, "InvalidTimeStamp.Expired") {
		t.Errorf("a replay after a crash: %s", out)
	}
	if out := serve(crashed, signedAt(from)); strings.Contains(out, `"Code"`) {
		t.Errorf("a request signed after the restart: %s", out)
	}
}
