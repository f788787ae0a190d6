package acs

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
)

// V3Algorithm is the name of the V3 scheme.
const V3Algorithm = "ACS3-HMAC-SHA256"

// EmptySHA256 is the hex SHA-256 of an empty body.
const EmptySHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

// HashHex is hex(SHA-256(b)).
func HashHex(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// V3Signed reports whether a header takes part in a V3 signature: host, content-type and
// every x-acs-* header.
func V3Signed(name string) bool {
	n := strings.ToLower(name)
	return n == "host" || n == "content-type" || strings.HasPrefix(n, "x-acs-")
}

// V3CanonicalRequest builds the canonical request. headers maps lower-case names to values
// and must hold exactly the signed headers.
func V3CanonicalRequest(method, uri string, query url.Values, headers map[string]string, payloadHash string) (canonical, signedHeaders string) {
	names := make([]string, 0, len(headers))
	for n := range headers {
		names = append(names, n)
	}
	sort.Strings(names)
	var hb strings.Builder
	for _, n := range names {
		hb.WriteString(n)
		hb.WriteByte(':')
		hb.WriteString(strings.TrimSpace(headers[n]))
		hb.WriteByte('\n')
	}
	signedHeaders = strings.Join(names, ";")
	if uri == "" {
		uri = "/"
	}
	canonical = strings.ToUpper(method) + "\n" + uri + "\n" + CanonicalQuery(query) + "\n" +
		hb.String() + "\n" + signedHeaders + "\n" + payloadHash
	return canonical, signedHeaders
}

// V3StringToSign is "ACS3-HMAC-SHA256\n" + hex(SHA-256(canonical request)).
func V3StringToSign(canonical string) string {
	return V3Algorithm + "\n" + HashHex([]byte(canonical))
}

// V3Signature is hex(HMAC-SHA256(secret, stringToSign)); the key is the bare secret.
func V3Signature(stringToSign, secret string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(stringToSign))
	return hex.EncodeToString(mac.Sum(nil))
}

// V3Authorization formats the Authorization header.
func V3Authorization(accessKeyID, signedHeaders, signature string) string {
	return fmt.Sprintf("%s Credential=%s,SignedHeaders=%s,Signature=%s", V3Algorithm, accessKeyID, signedHeaders, signature)
}

// V3Auth is a parsed Authorization header.
type V3Auth struct {
	AccessKeyID   string
	SignedHeaders []string
	Signature     string
}

// ParseV3Authorization parses "ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…".
func ParseV3Authorization(h string) (V3Auth, error) {
	var a V3Auth
	rest, ok := strings.CutPrefix(h, V3Algorithm+" ")
	if !ok {
		return a, fmt.Errorf("authorization does not start with %s", V3Algorithm)
	}
	for _, part := range strings.Split(rest, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			return a, fmt.Errorf("malformed authorization element %q", part)
		}
		switch k {
		case "Credential":
			a.AccessKeyID = v
		case "SignedHeaders":
			if v != "" {
				a.SignedHeaders = strings.Split(v, ";")
			}
		case "Signature":
			a.Signature = v
		}
	}
	if a.AccessKeyID == "" || a.Signature == "" || len(a.SignedHeaders) == 0 {
		return a, fmt.Errorf("authorization lacks Credential, SignedHeaders or Signature")
	}
	return a, nil
}

// SignV3 signs req in place: it sets x-acs-content-sha256 and Authorization, and expects the
// caller to have set host (req.Host or URL), x-acs-action, x-acs-version, x-acs-date,
// x-acs-signature-nonce and, for a body, content-type. body is the exact request body.
func SignV3(req *http.Request, body []byte, accessKeyID, secret string) {
	payload := HashHex(body)
	req.Header.Set("x-acs-content-sha256", payload)
	headers := map[string]string{"host": hostOf(req)}
	for name, vs := range req.Header {
		if V3Signed(name) {
			headers[strings.ToLower(name)] = strings.Join(vs, ",")
		}
	}
	canonical, signed := V3CanonicalRequest(req.Method, canonicalURI(req), req.URL.Query(), headers, payload)
	sig := V3Signature(V3StringToSign(canonical), secret)
	req.Header.Set("Authorization", V3Authorization(accessKeyID, signed, sig))
}

func hostOf(req *http.Request) string {
	if req.Host != "" {
		return req.Host
	}
	return req.URL.Host
}

func canonicalURI(req *http.Request) string {
	p := req.URL.EscapedPath()
	if p == "" {
		return "/"
	}
	return p
}
