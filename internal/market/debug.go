package market

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"
)

// sigRE is compiled on first use (only --debug needs it), not at start-up.
var sigRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`Signature=[0-9a-fA-F]+`) })

// redactedQueryKeys never appear in debug output with their values.
var redactedQueryKeys = map[string]bool{"Signature": true, "SecurityToken": true, "AccessKeySecret": true}

// RedactHeader returns the value of a header as debug output may show it: the signature,
// security token and any secret removed, the AccessKey ID masked.
func RedactHeader(name, value string) string {
	switch strings.ToLower(name) {
	case "authorization":
		v := sigRE().ReplaceAllString(value, "Signature=REDACTED")
		if i := strings.Index(v, "Credential="); i >= 0 {
			rest := v[i+len("Credential="):]
			end := strings.IndexByte(rest, ',')
			if end < 0 {
				end = len(rest)
			}
			v = v[:i] + "Credential=" + maskID(rest[:end]) + rest[end:]
		}
		return v
	case "x-acs-security-token":
		return "REDACTED"
	case "x-acs-accesskey-id":
		return maskID(value)
	}
	return value
}

// RedactQuery redacts a query string or form body for debug output.
func RedactQuery(raw string) string {
	v, err := url.ParseQuery(raw)
	if err != nil {
		return "(unparsable)"
	}
	keys := make([]string, 0, len(v))
	for k := range v {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		for _, val := range v[k] {
			switch {
			case redactedQueryKeys[k]:
				val = "REDACTED"
			case k == "AccessKeyId":
				val = maskID(val)
			}
			parts = append(parts, k+"="+val)
		}
	}
	return strings.Join(parts, "&")
}

func maskID(id string) string {
	if len(id) >= 12 {
		return id[:4] + strings.Repeat("*", len(id)-8) + id[len(id)-4:]
	}
	return strings.Repeat("*", len(id))
}

func debugRequest(w io.Writer, r *http.Request, body []byte) {
	u := *r.URL
	u.RawQuery = ""
	fmt.Fprintf(w, "> %s %s\n", r.Method, u.String())
	if r.URL.RawQuery != "" {
		fmt.Fprintf(w, "> query: %s\n", RedactQuery(r.URL.RawQuery))
	}
	names := make([]string, 0, len(r.Header))
	for k := range r.Header {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		fmt.Fprintf(w, "> %s: %s\n", k, RedactHeader(k, strings.Join(r.Header[k], ",")))
	}
	if len(body) > 0 {
		fmt.Fprintf(w, "> body: %s\n", truncate(RedactQuery(string(body)), 2000))
	}
}

func debugResponse(w io.Writer, resp *Response, d time.Duration) {
	fmt.Fprintf(w, "< HTTP %d (%s)\n", resp.Status, d.Round(time.Millisecond))
	if ra := resp.Header.Get("Retry-After"); ra != "" {
		fmt.Fprintf(w, "< Retry-After: %s\n", ra)
	}
	fmt.Fprintf(w, "< %s\n", truncate(string(resp.Body), 4000))
}
