// Package invoice holds the invoice rules (seller FAQ 四): the ISV issues the invoice within
// 7 days of the buyer's request; requests have no time limit. Pure functions, no I/O.
package invoice

import (
	"strings"
	"time"
)

// Window is how long the ISV has to issue an invoice once the buyer asks (FAQ 四 Q2).
const Window = 7 * 24 * time.Hour

// CST is China Standard Time, the zone of the marketplace's own time strings.
var CST = time.FixedZone("CST", 8*3600)

// TimeFormat is the marketplace's time format (CreateTimeStr, CreateTimeStart…).
const TimeFormat = "2006-01-02 15:04:05"

// ParseTime reads a marketplace time string (China Standard Time).
func ParseTime(s string) (time.Time, error) {
	return time.ParseInLocation(TimeFormat, strings.TrimSpace(s), CST)
}

// FormatTime writes t as the marketplace does.
func FormatTime(t time.Time) string { return t.In(CST).Format(TimeFormat) }

// Deadline is the end of the 7-day window: the request time plus 7 × 24 hours. It is an
// instant, so it is the same moment in every time zone (CST has no daylight saving time; a
// merchant's zone that does only changes how the instant is written).
func Deadline(requested time.Time) time.Time { return requested.Add(Window) }

// Urgency classes, most urgent first.
const (
	Overdue = "overdue"
	Urgent  = "urgent" // less than 24 hours left
	Soon    = "soon"   // less than 3 days left
	Open    = "open"
)

// Status is where one request stands at a moment.
type Status struct {
	Requested time.Time
	Deadline  time.Time
	Remaining time.Duration // negative when overdue
	Urgency   string
}

// At computes a request's status at now.
func At(requested, now time.Time) Status {
	d := Deadline(requested)
	s := Status{Requested: requested, Deadline: d, Remaining: d.Sub(now)}
	switch {
	case s.Remaining < 0:
		s.Urgency = Overdue
	case s.Remaining < 24*time.Hour:
		s.Urgency = Urgent
	case s.Remaining < 72*time.Hour:
		s.Urgency = Soon
	default:
		s.Urgency = Open
	}
	return s
}

// RangeStart and RangeEnd complete a bare date as the API does: 00:00:00 for the start of a
// window, 23:59:59 for its end (docs/invoices.md, Time zones). Full times pass through.
func RangeStart(s string) string { return complete(s, "00:00:00") }

// RangeEnd completes a bare date with 23:59:59.
func RangeEnd(s string) string { return complete(s, "23:59:59") }

func complete(s, clock string) string {
	s = strings.TrimSpace(s)
	if len(s) == len("2006-01-02") {
		return s + " " + clock
	}
	return s
}
