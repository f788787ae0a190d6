package cmdutil

import (
	"fmt"
	"time"

	"github.com/mkt-cli/mkt/internal/i18n"
)

// FormatTime shows a time the way the output contract says: relative on a terminal ("3
// minutes ago"), RFC 3339 otherwise. An unparsable value is shown as it is.
func (f *Factory) FormatTime(rfc3339 string) string {
	t, err := time.Parse(time.RFC3339, rfc3339)
	if err != nil || !f.IOStreams.IsStdoutTTY() {
		return rfc3339
	}
	return Relative(f.Lang(), f.ShownNow(), t)
}

// Relative renders t relative to now in lang.
func Relative(lang i18n.Lang, now, t time.Time) string {
	d := now.Sub(t)
	future := d < 0
	if future {
		d = -d
	}
	var n int
	var unit string
	switch {
	case d < time.Minute:
		return i18n.T(lang, "time.now")
	case d < time.Hour:
		n, unit = int(d/time.Minute), "minute"
	case d < 24*time.Hour:
		n, unit = int(d/time.Hour), "hour"
	default:
		n, unit = int(d/(24*time.Hour)), "day"
	}
	key := "time.ago." + unit
	if future {
		key = "time.in." + unit
	}
	return fmt.Sprint(i18n.T(lang, key, n))
}
