package metering

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/mkt-cli/mkt/internal/market"

	"github.com/mkt-cli/mkt/internal/marketapi"
)

// Summary is what a push did.
type Summary struct {
	Records  int `json:"records"`
	Sent     int `json:"sent"`
	Skipped  int `json:"skipped"`
	Requests int `json:"requests"`
	// Unknown are records an earlier push sent without learning the outcome, held back.
	Unknown int `json:"unknown"`
}

// UnknownError says that records were sent and their outcome is unknown — the answer was lost
// — so they may have been billed; they are not sent again unless the caller says so.
type UnknownError struct {
	Records int
	Err     error // what lost the answer; nil for records held back from an earlier push
}

func (e *UnknownError) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%d record(s) sent, outcome unknown: %v", e.Records, e.Err)
	}
	return fmt.Sprintf("%d record(s) sent earlier with no known outcome, not sent again", e.Records)
}

func (e *UnknownError) Unwrap() error { return e.Err }

// FlowControlTries is how many times a batch refused by flow control is sent again, an
// interval apart.
const FlowControlTries = 3

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
	// ResendUnknown sends records whose earlier outcome is unknown (they may be billed twice).
	ResendUnknown bool
}

// Push sends recs and says what it did. On an error, the summary counts what was sent before.
func (p *Pusher) Push(ctx context.Context, recs []marketapi.MeteringRecord) (Summary, error) {
	sum := Summary{Records: len(recs)}
	var todo []marketapi.MeteringRecord
	for _, r := range recs {
		switch {
		case p.Journal.Done(r):
			sum.Skipped++
		case p.Journal.Unknown(r) && !p.ResendUnknown:
			sum.Unknown++
		default:
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
		if err := p.send(ctx, b.Records); err != nil {
			return sum, err
		}
		now := p.Now()
		for _, inst := range b.Instances {
			last[inst] = now
		}
		sum.Sent += len(b.Records)
		sum.Requests++
	}
	if sum.Unknown > 0 {
		return sum, &UnknownError{Records: sum.Unknown}
	}
	return sum, nil
}

// send sends one batch, its intent journaled first and its outcome after: accepted, refused
// (nothing billed), or unknown (the answer was lost: left as sent). Flow control refuses a batch
// for certain, so it is waited out and sent again.
func (p *Pusher) send(ctx context.Context, recs []marketapi.MeteringRecord) error {
	if err := p.Journal.Intend(recs); err != nil {
		return &JournalError{Path: p.Journal.path, Err: err}
	}
	for try := 1; ; try++ {
		err := p.Send(ctx, recs)
		var refusal *market.APIError
		switch {
		case err == nil:
			if err := p.Journal.Record(recs); err != nil {
				return &JournalError{Path: p.Journal.path, Err: err}
			}
			return nil
		case errors.As(err, &refusal) && refusal.Code == "Service.Flow.Control" && try < FlowControlTries:
			if p.Waiting != nil {
				p.Waiting(p.Interval)
			}
			if err := p.Sleep(ctx, p.Interval); err != nil {
				return err
			}
		case market.IsRefusal(err), errors.As(err, &refusal) && refusal.Code == "Service.Flow.Control":
			if jerr := p.Journal.Refused(recs); jerr != nil {
				return &JournalError{Path: p.Journal.path, Err: jerr}
			}
			return err
		default:
			return &UnknownError{Records: len(recs), Err: err}
		}
	}
}

// JournalError is a journal that could not be written: the batch was accepted but a rerun
// would not know it.
type JournalError struct {
	Path string
	Err  error
}

func (e *JournalError) Error() string { return "writing " + e.Path + ": " + e.Err.Error() }
func (e *JournalError) Unwrap() error { return e.Err }
