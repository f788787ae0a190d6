package rules

import "testing"

// The version a step acts on when none is named, and a named one found or not.
func TestNestVersionFor(t *testing.T) {
	vs := []NestVersion{{"1", NestOffline}, {"2", NestOnline}, {"3", NestApproved}, {"4", NestDraft}}
	inReview := []NestVersion{{"1", NestOnline}, {"2", NestSubmitted}}
	for _, c := range []struct {
		step  NestStep
		named string
		list  []NestVersion
		want  string
		ok    bool
	}{
		{NestWithdraw, "", vs, "2", true},
		{NestWithdraw, "", inReview, "2", true},
		{NestWithdraw, "", []NestVersion{{"1", NestDraft}}, "1", true},
		{NestLaunch, "", vs, "3", true},
		{NestPreLaunch, "", []NestVersion{{"1", NestBeta}, {"2", NestApproved}}, "2", true},
		{NestLaunch, "", []NestVersion{{"1", NestOnline}, {"2", NestDraft}}, "2", true},
		{NestLaunch, "1", vs, "1", true},
		{NestLaunch, "9", vs, "", false},
		{NestWithdraw, "", nil, "", false},
	} {
		got, ok := NestVersionFor(c.step, c.named, c.list)
		if got.Version != c.want || ok != c.ok {
			t.Errorf("%s %q %v: %v %v, want %s %v", c.step, c.named, c.list, got, ok, c.want, c.ok)
		}
	}
}
