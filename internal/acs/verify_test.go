package acs

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"
)

var now = time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)

func verifier() *Verifier {
	return &Verifier{
		Secret: func(id string) (string, bool) {
			if id == "LTAIsandbox" {
				return "sandbox-secret", true
			}
			return "", false
		},
		Now:    func() time.Time { return now },
		Nonces: NewNonceCache(0),
	}
}

func v1Request(method string, extra url.Values, secret string, form bool) *http.Request {
	p := url.Values{
		"Action": {"DescribeProducts"}, "Version": {"2015-11-01"}, "Format": {"JSON"},
		"AccessKeyId": {"LTAIsandbox"}, "SignatureMethod": {"HMAC-SHA1"}, "SignatureVersion": {"1.0"},
		"SignatureNonce": {"nonce-1"}, "Timestamp": {now.Format(TimeFormat)},
	}
	for k, v := range extra {
		p[k] = v
	}
	p.Set("Signature", V1Sign(method, p, secret))
	if form {
		r := httptest.NewRequest(method, "http://127.0.0.1/", strings.NewReader(EncodeQuery(p)))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		return r
	}
	return httptest.NewRequest(method, "http://127.0.0.1/?"+EncodeQuery(p), nil)
}

func read(r *http.Request) Request {
	var b bytes.Buffer
	if r.Body != nil {
		b.ReadFrom(r.Body)
	}
	return FromHTTP(r, b.Bytes())
}

func TestVerifyV1(t *testing.T) {
	v := verifier()
	for _, c := range []struct {
		method string
		form   bool
	}{{"GET", false}, {"POST", false}, {"POST", true}} {
		r := v1Request(c.method, url.Values{"SignatureType": {""}, "Filter.1.Key": {"a b*c~"}, "Name": {"中文"}}, "sandbox-secret", c.form)
		r.URL.RawQuery += "" // keep
		id, err := v.Verify(read(r))
		if err != nil {
			t.Fatalf("%s form=%v: %v", c.method, c.form, err)
		}
		if id.Scheme != "V1" || id.AccessKeyID != "LTAIsandbox" {
			t.Errorf("identity %+v", id)
		}
		v.Nonces = NewNonceCache(0) // the same nonce is reused by the next case
	}
}

func TestVerifyV1Refusals(t *testing.T) {
	cases := []struct {
		name string
		req  func() Request
		code string
	}{
		{"wrong secret", func() Request { return read(v1Request("GET", nil, "wrong", false)) }, "SignatureDoesNotMatch"},
		{"tampered", func() Request {
			r := read(v1Request("GET", url.Values{"Code": {"a"}}, "sandbox-secret", false))
			r.Query.Set("Code", "b")
			return r
		}, "SignatureDoesNotMatch"},
		{"dropped empty parameter", func() Request {
			r := read(v1Request("GET", url.Values{"SignatureType": {""}}, "sandbox-secret", false))
			r.Query.Del("SignatureType")
			return r
		}, "SignatureDoesNotMatch"},
		{"stale", func() Request {
			return read(v1Request("GET", url.Values{"Timestamp": {now.Add(-16 * time.Minute).Format(TimeFormat)}}, "sandbox-secret", false))
		}, "InvalidTimeStamp.Expired"},
		{"future", func() Request {
			return read(v1Request("GET", url.Values{"Timestamp": {now.Add(16 * time.Minute).Format(TimeFormat)}}, "sandbox-secret", false))
		}, "InvalidTimeStamp.Expired"},
		{"bad time", func() Request {
			return read(v1Request("GET", url.Values{"Timestamp": {"yesterday"}}, "sandbox-secret", false))
		}, "InvalidTimeStamp.Format"},
		{"unknown key", func() Request {
			return read(v1Request("GET", url.Values{"AccessKeyId": {"LTAInobody"}}, "sandbox-secret", false))
		}, "InvalidAccessKeyId.NotFound"},
		{"no nonce", func() Request {
			r := read(v1Request("GET", nil, "sandbox-secret", false))
			r.Query.Del("SignatureNonce")
			return r
		}, "MissingParameter"},
		{"sha256 method", func() Request {
			return read(v1Request("GET", url.Values{"SignatureMethod": {"HMAC-SHA256"}}, "sandbox-secret", false))
		}, "IncompleteSignature"},
	}
	for _, c := range cases {
		_, err := verifier().Verify(c.req())
		if err == nil || err.Code != c.code {
			t.Errorf("%s: got %v, want %s", c.name, err, c.code)
		}
	}
	_, err := verifier().Verify(read(v1Request("GET", nil, "wrong", false)))
	if !strings.Contains(err.Message, "server string to sign is:GET&%2F&AccessKeyId%3DLTAIsandbox") {
		t.Errorf("mismatch message lacks the string to sign: %s", err.Message)
	}
}

func TestVerifyRejectsReplay(t *testing.T) {
	v := verifier()
	if _, err := v.Verify(read(v1Request("GET", nil, "sandbox-secret", false))); err != nil {
		t.Fatal(err)
	}
	if _, err := v.Verify(read(v1Request("GET", nil, "sandbox-secret", false))); err == nil || err.Code != "SignatureNonceUsed" {
		t.Errorf("replay: %v", err)
	}
}

func v3Request(body string, secret string, mutate func(*http.Request)) *http.Request {
	var r *http.Request
	if body == "" {
		r = httptest.NewRequest("POST", "http://127.0.0.1:8080/?Code=cmgj001&Empty=", nil)
	} else {
		r = httptest.NewRequest("POST", "http://127.0.0.1:8080/", strings.NewReader(body))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	r.Header.Set("x-acs-action", "DescribeProduct")
	r.Header.Set("x-acs-version", "2015-11-01")
	r.Header.Set("x-acs-date", now.Format(TimeFormat))
	r.Header.Set("x-acs-signature-nonce", "n3")
	SignV3(r, []byte(body), "LTAIsandbox", secret)
	if mutate != nil {
		mutate(r)
	}
	return r
}

func TestVerifyV3(t *testing.T) {
	for _, body := range []string{"", "Code=cmgj001&Name=%E4%B8%AD"} {
		id, err := verifier().Verify(read(v3Request(body, "sandbox-secret", nil)))
		if err != nil || id.Scheme != "V3" {
			t.Errorf("body %q: %v %+v", body, err, id)
		}
	}
	cases := []struct {
		name   string
		req    *http.Request
		code   string
		substr string
	}{
		{"wrong secret", v3Request("", "wrong", nil), "SignatureDoesNotMatch", "canonical request is:POST\n/\nCode=cmgj001&Empty=\n"},
		{"body changed", v3Request("Code=a", "sandbox-secret", func(r *http.Request) {
			r.Body = http.NoBody
			r.Header.Set("x-acs-content-sha256", EmptySHA256)
		}), "SignatureDoesNotMatch", ""},
		{"action changed", v3Request("", "sandbox-secret", func(r *http.Request) { r.Header.Set("x-acs-action", "DeleteProduct") }), "SignatureDoesNotMatch", ""},
		{"action unsigned", v3Request("", "sandbox-secret", func(r *http.Request) {
			r.Header.Set("Authorization", strings.Replace(r.Header.Get("Authorization"), "x-acs-action;", "", 1))
		}), "IncompleteSignature", "x-acs-action"},
		{"garbage auth", v3Request("", "sandbox-secret", func(r *http.Request) { r.Header.Set("Authorization", "ACS3-HMAC-SHA256 nonsense") }), "IncompleteSignature", ""},
		{"stale", v3Request("", "sandbox-secret", func(r *http.Request) {
			r.Header.Set("x-acs-date", now.Add(-20*time.Minute).Format(TimeFormat))
		}), "InvalidTimeStamp.Expired", ""},
	}
	for _, c := range cases {
		_, err := verifier().Verify(read(c.req))
		if err == nil || err.Code != c.code || !strings.Contains(err.Message, c.substr) {
			t.Errorf("%s: got %v, want %s containing %q", c.name, err, c.code, c.substr)
		}
	}
}

func FuzzVerify(f *testing.F) {
	good := v3Request("", "sandbox-secret", nil)
	f.Add("POST", "Code=x&Empty=", "", good.Header.Get("Authorization"), now.Format(TimeFormat), "n")
	p := v1Request("GET", nil, "sandbox-secret", false)
	f.Add("GET", p.URL.RawQuery, "", "", "", "")
	f.Add("POST", "", "Signature=%zz&&=&a", "", "", "")
	f.Add("PUT", "%", "x", "ACS3-HMAC-SHA256 Credential=,SignedHeaders=;;,Signature=", "2026-13-45T99:99:99Z", "")
	f.Fuzz(func(t *testing.T, method, rawQuery, body, auth, date, nonce string) {
		r := &http.Request{Method: method, Host: "127.0.0.1", URL: &url.URL{Path: "/", RawQuery: rawQuery}, Header: http.Header{}}
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if auth != "" {
			r.Header.Set("Authorization", auth)
		}
		r.Header.Set("x-acs-date", date)
		r.Header.Set("x-acs-signature-nonce", nonce)
		v := verifier()
		_, _, _ = v.VerifyHead(FromHTTP(r, nil), body == "")
		_, _ = v.Verify(FromHTTP(r, []byte(body)))
	})
}

// The cache forgets whole minutes once they leave the window, refuses a replay within it, and
// when full refuses new nonces (503) rather than forgetting them — replays never pass.
func TestNonceCache(t *testing.T) {
	c := NewNonceCache(3)
	t0 := time.Unix(1_800_000_000, 0)
	ttl := 30 * time.Minute
	for i, want := range []NonceResult{NonceNew, NonceSeen} {
		if got := c.Add("a", t0.Add(time.Duration(i)*time.Minute), ttl); got != want {
			t.Fatalf("add %d: %v, want %v", i, got, want)
		}
	}
	c.Add("b", t0, ttl)
	c.Add("c", t0, ttl)
	if got := c.Add("d", t0.Add(time.Minute), ttl); got != NonceFull {
		t.Errorf("a full cache: %v, want NonceFull", got)
	}
	if got := c.Add("a", t0.Add(29*time.Minute), ttl); got != NonceSeen {
		t.Errorf("a replay 29 minutes on: %v", got)
	}
	// Past the window the minute is dropped: room again, and the old nonce is forgotten.
	if got := c.Add("d", t0.Add(33*time.Minute), ttl); got != NonceNew || c.count != 1 {
		t.Errorf("past the window: %v, %d held", got, c.count)
	}
}

// BenchmarkNonceCacheFull: each request's cost with a million nonces held.
func BenchmarkNonceCacheFull(b *testing.B) {
	c := NewNonceCache(2_000_000)
	now := time.Unix(1_800_000_000, 0)
	for i := range 1_000_000 {
		c.Add(strconv.Itoa(i), now.Add(time.Duration(i%1800)*time.Second), 30*time.Minute)
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		c.Add("n"+strconv.Itoa(i), now.Add(30*time.Minute), 30*time.Minute)
	}
}
