// Package spi is the SaaS production protocol (SPI) from the ISV's side and the
// marketplace's: the token that signs every call, the actions and what a conforming answer
// looks like, a caller, a conformance check and a listener. The sandbox and the commands use
// the same code.
package spi

import (
	"crypto/md5"
	"crypto/subtle"
	"encoding/hex"
	"net/url"
	"sort"
	"strings"
)

// StringToSign is "k1=v1&k2=v2…&key=<key>" over every parameter but token, sorted by name,
// values as received (decoded) — docs/spi.md, The protocol in one screen. A repeated parameter contributes each value.
func StringToSign(params url.Values, key string) string {
	names := make([]string, 0, len(params))
	for k := range params {
		if k != "token" {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	var b strings.Builder
	for _, k := range names {
		for _, v := range params[k] {
			b.WriteString(k)
			b.WriteByte('=')
			b.WriteString(v)
			b.WriteByte('&')
		}
	}
	b.WriteString("key=")
	b.WriteString(key)
	return b.String()
}

// Token is md5(StringToSign) in lower-case hex.
func Token(params url.Values, key string) string {
	sum := md5.Sum([]byte(StringToSign(params, key)))
	return hex.EncodeToString(sum[:])
}

// Sign returns params with token set.
func Sign(params url.Values, key string) url.Values {
	out := url.Values{}
	for k, v := range params {
		if k != "token" {
			out[k] = append([]string(nil), v...)
		}
	}
	out.Set("token", Token(out, key))
	return out
}

// Verdict is the outcome of verifying a call's token.
type Verdict struct {
	Valid bool
	// Expected is the token the key gives; Got is the one received.
	Expected, Got string
	// StringToSign is what was hashed, with the key masked: the debugging aid.
	StringToSign string
}

// Verify checks params' token against key in constant time.
func Verify(params url.Values, key string) Verdict {
	got := params.Get("token")
	want := Token(params, key)
	v := Verdict{Expected: want, Got: got, StringToSign: StringToSign(params, MaskKey(key))}
	v.Valid = got != "" && subtle.ConstantTimeCompare([]byte(strings.ToLower(got)), []byte(want)) == 1
	return v
}

// MaskKey shows the first two characters of a key, no more.
func MaskKey(key string) string {
	if len(key) <= 4 {
		return strings.Repeat("*", len(key))
	}
	return key[:2] + strings.Repeat("*", len(key)-2)
}

// ParseCall reads the parameters of a call as received: a full URL, a query string, or
// either with the unencoded spaces the documentation's samples show ("expiredOn=2013-01-01
// 01:01:01").
func ParseCall(raw string) (url.Values, error) {
	raw = strings.TrimSpace(raw)
	q := raw
	if i := strings.IndexByte(raw, '?'); i >= 0 {
		q = raw[i+1:]
	} else if strings.Contains(raw, "://") {
		q = ""
	}
	if i := strings.IndexByte(q, '#'); i >= 0 {
		q = q[:i]
	}
	// A literal space is a space, not a separator (url.ParseQuery would keep it anyway, but
	// a '+' must stay a plus only when it was encoded: ParseQuery decodes '+' to space, as
	// HTTP servers do).
	return url.ParseQuery(q)
}
