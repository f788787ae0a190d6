package exitcode

import "testing"

// The documented codes (README, `mkt help exit-codes`): each kind its own.
func TestCodes(t *testing.T) {
	want := map[Kind]int{Failure: 1, Usage: 2, Rule: 3, Auth: 4, NotFound: 5, Conflict: 6, Unavailable: 7, Outcome: 8, Changes: 9, NotOffered: 10, Pending: 11, Interrupted: 130}
	seen := map[int]Kind{}
	for k := Failure; k <= Interrupted; k++ {
		c := k.Code()
		if c != want[k] {
			t.Errorf("kind %d: code %d, want %d", k, c, want[k])
		}
		if other, dup := seen[c]; dup {
			t.Errorf("kinds %d and %d share code %d", other, k, c)
		}
		seen[c] = k
	}
	if Kind(99).Code() != 1 {
		t.Error("an unknown kind is a failure (1)")
	}
}
