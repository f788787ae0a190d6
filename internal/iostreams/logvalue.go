package iostreams

import (
	"strconv"
	"strings"
)

// MaxLogValue bounds one value in a server's log line: a caller, even one without a key, must
// not be able to fill the log.
const MaxLogValue = 200

// LogValue is a caller's text as a log line shows it: on one line and unmistakably one value —
// quoted when it holds a space, a quote, an arrow or a control character (a value cannot end
// the line and forge another) — and at most MaxLogValue bytes.
func LogValue(v string) string {
	if len(v) > MaxLogValue {
		v = v[:MaxLogValue] + "…"
	}
	if strings.ContainsAny(v, " \"→") || strings.IndexFunc(v, func(r rune) bool { return r < 0x20 || (r >= 0x7f && r < 0xa0) }) >= 0 {
		return strconv.Quote(v)
	}
	return v
}
