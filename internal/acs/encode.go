// Package acs implements Alibaba Cloud's request signatures: V1 (HMAC-SHA1, the older SDKs
// and the aliyun CLI) and V3 (ACS3-HMAC-SHA256, the current SDKs' default). Both sides of
// the wire use it: the client signs, the sandbox verifies.
package acs

import (
	"net/url"
	"sort"
	"strings"
)

const upperhex = "0123456789ABCDEF"

// PercentEncode encodes s as Alibaba Cloud signs it: RFC 3986, UTF-8, upper-case hex; only
// A–Z a–z 0–9 - _ . ~ stay as they are (so space is %20, * is %2A, ~ is ~).
func PercentEncode(s string) string {
	n := 0
	for i := 0; i < len(s); i++ {
		if !unreserved(s[i]) {
			n++
		}
	}
	if n == 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 2*n)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if unreserved(c) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(upperhex[c>>4])
		b.WriteByte(upperhex[c&15])
	}
	return b.String()
}

func unreserved(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
		c == '-' || c == '_' || c == '.' || c == '~'
}

// CanonicalQuery sorts the parameters by name (byte order; values of one name in order) and
// joins them as k=v&k=v, names and values percent-encoded. An empty value gives "k=".
// Names in skip are left out.
func CanonicalQuery(params url.Values, skip ...string) string {
	keys := make([]string, 0, len(params))
outer:
	for k := range params {
		for _, s := range skip {
			if k == s {
				continue outer
			}
		}
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		vs := append([]string(nil), params[k]...)
		sort.Strings(vs)
		for _, v := range vs {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(PercentEncode(k))
			b.WriteByte('=')
			b.WriteString(PercentEncode(v))
		}
	}
	return b.String()
}

// EncodeQuery is CanonicalQuery for a URL or a form body: the same encoding, so that what is
// sent is exactly what was signed.
func EncodeQuery(params url.Values) string { return CanonicalQuery(params) }
