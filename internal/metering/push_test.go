package metering

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

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
	cases := []struct {
		name      string
		failAt    int // the request that fails (0: none)
		wantSent  int
		wantReqs  int
		wantSleep []time.Duration
		rerunSent int
	}{
		{name: "all accepted", wantSent: 151, wantReqs: 3, wantSleep: []time.Duration{time.Minute}},
		{name: "second request fails, rerun sends the rest", failAt: 2, wantSent: 100, wantReqs: 1, wantSleep: []time.Duration{time.Minute}, rerunSent: 51},
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
						return errors.New("lost")
					}
					sent = append(sent, rs)
					return nil
				}}
			sum, err := p.Push(context.Background(), recs)
			if (err != nil) != (c.failAt > 0) || sum.Sent != c.wantSent || sum.Requests != c.wantReqs {
				t.Fatalf("summary %+v, err %v", sum, err)
			}
			if fmt.Sprint(clk.sleeps) != fmt.Sprint(c.wantSleep) {
				t.Errorf("waited %v, want %v", clk.sleeps, c.wantSleep)
			}
			for _, batch := range sent {
				if len(batch) > MaxRecords {
					t.Errorf("a request of %d records", len(batch))
				}
			}
			if c.failAt == 0 {
				return
			}
			// The rerun reads the journal: what was accepted is skipped, never billed twice.
			j2, _ := OpenJournal(journal)
			p.Journal, p.Send = j2, func(_ context.Context, rs []marketapi.MeteringRecord) error { return nil }
			sum, err = p.Push(context.Background(), recs)
			if err != nil || sum.Skipped != c.wantSent || sum.Sent != c.rerunSent {
				t.Errorf("rerun: %+v %v", sum, err)
			}
		})
	}
}
