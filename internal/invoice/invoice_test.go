package invoice

import (
	"testing"
	"time"
)

func TestDeadlineAcrossDayMonthYearEnds(t *testing.T) {
	cases := []struct{ requested, deadline string }{
		{"2026-11-29 10:00:00", "2026-12-06 10:00:00"},
		{"2026-12-28 20:30:15", "2027-01-04 20:30:15"}, // year end
		{"2026-01-31 23:59:59", "2026-02-07 23:59:59"}, // month end
		{"2028-02-25 00:00:00", "2028-03-03 00:00:00"}, // leap February
		{"2027-02-25 00:00:00", "2027-03-04 00:00:00"}, // ordinary February
		{"2026-03-31 23:00:00", "2026-04-07 23:00:00"},
	}
	for _, c := range cases {
		r, err := ParseTime(c.requested)
		if err != nil {
			t.Fatal(err)
		}
		if got := FormatTime(Deadline(r)); got != c.deadline {
			t.Errorf("%s → %s, want %s", c.requested, got, c.deadline)
		}
	}
}

func TestDeadlineInOtherZones(t *testing.T) {
	r, _ := ParseTime("2026-10-28 09:00:00") // 01:00 UTC
	d := Deadline(r)
	ny, _ := time.LoadLocation("America/New_York")
	// New York leaves daylight saving time on 2026-11-01: the instant is the same, the wall
	// clock an hour earlier than it would be without the change.
	if got := d.In(ny).Format(TimeFormat); got != "2026-11-03 20:00:00" {
		t.Errorf("New York: %s", got)
	}
	if got := d.UTC().Format(TimeFormat); got != "2026-11-04 01:00:00" {
		t.Errorf("UTC: %s", got)
	}
	if d.Sub(r) != 7*24*time.Hour {
		t.Errorf("window %s", d.Sub(r))
	}
}

func TestUrgency(t *testing.T) {
	r, _ := ParseTime("2026-11-20 12:00:00")
	for offset, want := range map[time.Duration]string{
		0:                            Open,
		4*24*time.Hour + time.Minute: Soon,
		6*24*time.Hour + time.Hour:   Urgent,
		7 * 24 * time.Hour:           Urgent, // the last instant still counts
		7*24*time.Hour + time.Second: Overdue,
	} {
		if s := At(r, r.Add(offset)); s.Urgency != want {
			t.Errorf("+%s: %s, want %s", offset, s.Urgency, want)
		}
	}
	if RangeStart("2026-01-01") != "2026-01-01 00:00:00" || RangeEnd("2026-01-31") != "2026-01-31 23:59:59" || RangeEnd("2026-01-31 12:00:00") != "2026-01-31 12:00:00" {
		t.Error("ranges")
	}
}
