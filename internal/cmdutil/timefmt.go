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

// Duration renders d in words in lang ("2天5小时", "2d 5h"), to the minute; a negative
// duration keeps its sign.
func Duration(lang i18n.Lang, d time.Duration) string {
	d = d.Round(time.Minute)
	sign := ""
	if d < 0 {
		sign, d = "-", -d
	}
	days := int(d / (24 * time.Hour))
	hours := int(d % (24 * time.Hour) / time.Hour)
	mins := int(d % time.Hour / time.Minute)
	switch {
	case days > 0:
		return sign + i18n.T(lang, "duration.dh", days, hours)
	case hours > 0:
		return sign + i18n.T(lang, "duration.hm", hours, mins)
	}
	return sign + i18n.T(lang, "duration.m", mins)
}
