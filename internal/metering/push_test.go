package metering

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// fakeClock advances only when slept on.
type fakeClock struct {
	now    time.Time
	sleeps []time.Duration
}

func (c *fakeClock) Now() time.Time { return c.now }
func (c *fakeClock) Sleep(_ context.Context, d time.Duration) error {
	c.sleeps = append(c.sleeps, d)
	c.now = c.now.Add(d)
	return nil
}

func rec(inst string, start int) marketapi.MeteringRecord {
	return marketapi.MeteringRecord{InstanceId: inst, StartTime: fmt.Sprint(start), EndTime: fmt.Sprint(start + 60),
		Entities: []marketapi.MeteringEntity{{Key: "Frequency", Value: "1", MeteringAssit: "a"}}}
}

func TestPusherPacesAndJournals(t *testing.T) {
	products := map[string]string{"i1": "cmapi1", "i2": "cmapi1", "i3": "cmapi2"}
	// 150 records of i1 (two requests of product 1, the second must wait for i1), one of i3.
	var recs []marketapi.MeteringRecord
	for i := range 150 {
		recs = append(recs, rec("i1", i*60))
	}
	recs = append(recs, rec("i3", 0))
	refused := &market.APIError{HTTPStatus: 400, Code: "Invalid.Parameter.Metering"}
	flow := &market.APIError{HTTPStatus: 500, Code: "Service.Flow.Control"}
	lost := errors.New("connection reset: the answer was lost")
	gateway := &market.APIError{HTTPStatus: 502, Code: "HTTP502", Message: "<html>Bad Gateway</html>"}
	cases := []struct {
		name      string
		failAt    int   // the request that fails (0: none)
		failWith  error // how
		wantSent  int
		wantReqs  int
		wantSleep []time.Duration
		// the rerun: records sent, held back as unknown, and sent with ResendUnknown
		rerunSent, rerunUnknown, resent int
	}{
		{name: "all accepted", wantSent: 151, wantReqs: 3, wantSleep: []time.Duration{time.Minute}},
		{name: "second request refused: nothing billed, the rerun sends the rest", failAt: 2, failWith: refused,
			wantSent: 100, wantReqs: 1, wantSleep: []time.Duration{time.Minute}, rerunSent: 51},
		{name: "second answer lost: its records are held back, never billed twice", failAt: 2, failWith: lost,
			wantSent: 100, wantReqs: 1, wantSleep: []time.Duration{time.Minute}, rerunSent: 1, rerunUnknown: 50, resent: 50},
		{name: "a gateway's 502 for the second: held back like a lost answer", failAt: 2, failWith: gateway,
			wantSent: 100, wantReqs: 1, wantSleep: []time.Duration{time.Minute}, rerunSent: 1, rerunUnknown: 50, resent: 50},
		{name: "flow control is waited out", failAt: 2, failWith: flow,
			wantSent: 151, wantReqs: 3, wantSleep: []time.Duration{time.Minute, time.Minute}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			journal := filepath.Join(t.TempDir(), "usage.progress")
			j, _ := OpenJournal(journal)
			clk := &fakeClock{now: time.Unix(1_700_000_000, 0)}
			var sent [][]marketapi.MeteringRecord
			n := 0
			p := &Pusher{Journal: j, Interval: time.Minute, ProductOf: func(i string) string { return products[i] },
				Now: clk.Now, Sleep: clk.Sleep,
				Send: func(_ context.Context, rs []marketapi.MeteringRecord) error {
					n++
					if n == c.failAt {
						return c.failWith
					}
					sent = append(sent, rs)
					return nil
				}}
			sum, err := p.Push(context.Background(), recs)
			failed := c.failAt > 0 && c.failWith != flow
			if (err != nil) != failed || sum.Sent != c.wantSent || sum.Requests != c.wantReqs {
				t.Fatalf("summary %+v, err %v", sum, err)
			}
			var unknown *UnknownError
			if (c.failWith == lost || c.failWith == gateway) && (!errors.As(err, &unknown) || unknown.Records != 50) {
				t.Errorf("a lost answer: %v, want 50 records of unknown outcome", err)
			}
			if fmt.Sprint(clk.sleeps) != fmt.Sprint(c.wantSleep) {
				t.Errorf("waited %v, want %v", clk.sleeps, c.wantSleep)
			}
			for _, batch := range sent {
				if len(batch) > MaxRecords {
					t.Errorf("a request of %d records", len(batch))
				}
			}
			if !failed {
				return
			}
			// The rerun reads the journal: what was accepted is skipped; what may have been
			// accepted is held back.
			j2, _ := OpenJournal(journal)
			p.Journal, p.Send = j2, func(_ context.Context, rs []marketapi.MeteringRecord) error { return nil }
			sum, err = p.Push(context.Background(), recs)
			if sum.Skipped != c.wantSent || sum.Sent != c.rerunSent || sum.Unknown != c.rerunUnknown || (err != nil) != (c.rerunUnknown > 0) {
				t.Errorf("rerun: %+v %v", sum, err)
			}
			if c.resent == 0 {
				return
			}
			j3, _ := OpenJournal(journal)
			p.Journal, p.ResendUnknown = j3, true
			if sum, err = p.Push(context.Background(), recs); err != nil || sum.Sent != c.resent {
				t.Errorf("--resend-unknown: %+v %v", sum, err)
			}
		})
	}
}
