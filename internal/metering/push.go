package metering

import (
	"context"
	"time"

	"github.com/mkt-cli/mkt/internal/marketapi"
)

// Summary is what a push did.
type Summary struct {
	Records  int `json:"records"`
	Sent     int `json:"sent"`
	Skipped  int `json:"skipped"`
	Requests int `json:"requests"`
}

// Pusher sends usage records by the API's rules: one request per product batch (Plan), one
// request per instance every Interval (it waits when it must), and every accepted batch
// journaled before the next is sent, so a rerun skips what was accepted.
type Pusher struct {
	Journal  *Journal
	Interval time.Duration
	// ProductOf names an instance's product (requests carry one product's instances).
	ProductOf func(instance string) string
	// Send makes one PushMeteringData request.
	Send func(ctx context.Context, recs []marketapi.MeteringRecord) error
	// Now and Sleep are the clock (tests replace them).
	Now   func() time.Time
	Sleep func(ctx context.Context, d time.Duration) error
	// Waiting, when set, is told before each wait.
	Waiting func(d time.Duration)
}

// Push sends recs and says what it did. On an error, the summary counts what was sent before.
func (p *Pusher) Push(ctx context.Context, recs []marketapi.MeteringRecord) (Summary, error) {
	sum := Summary{Records: len(recs)}
	var todo []marketapi.MeteringRecord
	for _, r := range recs {
		if p.Journal.Done(r) {
			sum.Skipped++
		} else {
			todo = append(todo, r)
		}
	}
	last := map[string]time.Time{}
	for _, b := range Plan(todo, p.ProductOf) {
		wait := time.Duration(0)
		for _, inst := range b.Instances {
			if t, ok := last[inst]; ok {
				wait = max(wait, p.Interval-p.Now().Sub(t))
			}
		}
		if wait > 0 {
			if p.Waiting != nil {
				p.Waiting(wait)
			}
			if err := p.Sleep(ctx, wait); err != nil {
				return sum, err
			}
		}
		if err := p.Send(ctx, b.Records); err != nil {
			return sum, err
		}
		if err := p.Journal.Record(b.Records); err != nil {
			return sum, &JournalError{Path: p.Journal.path, Err: err}
		}
		now := p.Now()
		for _, inst := range b.Instances {
			last[inst] = now
		}
		sum.Sent += len(b.Records)
		sum.Requests++
	}
	return sum, nil
}

// JournalError is a journal that could not be written: the batch was accepted but a rerun
// would not know it.
type JournalError struct {
	Path string
	Err  error
}

func (e *JournalError) Error() string { return "writing " + e.Path + ": " + e.Err.Error() }
func (e *JournalError) Unwrap() error { return e.Err }
