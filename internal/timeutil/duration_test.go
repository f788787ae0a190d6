package timeutil

import (
	"testing"
	"time"
)

func TestParseDuration(t *testing.T) {
	ok := map[string]time.Duration{
		"6d":      6 * 24 * time.Hour,
		"1w2d12h": 9*24*time.Hour + 12*time.Hour,
		"36h":     36 * time.Hour,
		"90m":     90 * time.Minute,
		"-1d":     -24 * time.Hour,
		"1.5d":    36 * time.Hour,
	}
	for in, want := range ok {
		if got, err := ParseDuration(in); err != nil || got != want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "d", "6x", "six days", "1d-2h"} {
		if _, err := ParseDuration(bad); err == nil {
			t.Errorf("ParseDuration(%q) accepted", bad)
		}
	}
	if FormatDuration(6*24*time.Hour+time.Hour) != "6d1h0m0s" || FormatDuration(48*time.Hour) != "2d" || FormatDuration(time.Minute) != "1m0s" {
		t.Error("FormatDuration")
	}
}

// A duration past what a time.Duration holds is an error, not a wrapped-around small value.
func TestParseDurationOverflow(t *testing.T) {
	for _, s := range []string{"106751d106751d3d", "106752d", "2000000w", "9000000h9000000h"} {
		if d, err := ParseDuration(s); err == nil {
			t.Errorf("%s = %v, want an error", s, d)
		}
	}
	if d, err := ParseDuration("106751d"); err != nil || d < 0 {
		t.Errorf("106751d: %v %v", d, err)
	}
}
