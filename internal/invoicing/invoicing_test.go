package invoicing

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/mkt-cli/mkt/internal/invoice"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// fake is a marketplace holding one request. lose makes the next change succeed but lose its
// answer (an error comes back although the change was made).
type fake struct {
	inv     marketapi.Invoice
	lose    bool
	changes int
}

func (f *fake) GetInvoice(_ context.Context, id string) (*marketapi.Invoice, error) {
	if id != f.inv.Id {
		return nil, &market.APIError{Code: "IllegalPermission", HTTPStatus: 400}
	}
	inv := f.inv
	return &inv, nil
}

func (f *fake) change(apply func()) error {
	if handled(&f.inv) {
		return &market.APIError{Code: "IncorrectInvoiceStatus", HTTPStatus: 400}
	}
	f.changes++
	apply()
	if f.lose {
		f.lose = false
		return &market.APIError{Code: "IncorrectInvoiceStatus", HTTPStatus: 400} // what the retry met
	}
	return nil
}

func (f *fake) IssueInvoice(_ context.Context, id, number, url, typ, note string) error {
	return f.change(func() {
		f.inv.Status = "Success"
		f.inv.InvoiceList = []marketapi.InvoiceListItem{{Id: number}}
	})
}

func (f *fake) RefuseInvoice(_ context.Context, id, reason string) error {
	return f.change(func() { f.inv.Status, f.inv.CheckNotice = "Refused", reason })
}

func open() marketapi.Invoice { return marketapi.Invoice{Id: "4072040001", Status: "0"} }

func TestIssueOnce(t *testing.T) {
	issued := open()
	issued.Status, issued.InvoiceList = "Success", []marketapi.InvoiceListItem{{Id: "N1"}}
	refused := open()
	refused.Status, refused.CheckNotice = "Refused", "wrong tax number"
	cases := []struct {
		name    string
		inv     marketapi.Invoice
		lose    bool
		number  string
		want    Outcome
		handled bool
		changes int
		links   int
	}{
		{name: "open request", inv: open(), number: "N1", want: Done, changes: 1, links: 1},
		{name: "answer lost, checked back", inv: open(), lose: true, number: "N1", want: Done, changes: 1, links: 1},
		{name: "rerun after success", inv: issued, number: "N1", want: AlreadyDone},
		{name: "issued with another number", inv: issued, number: "N2", handled: true},
		{name: "refused before", inv: refused, number: "N1", handled: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := &fake{inv: c.inv, lose: c.lose}
			links := 0
			got, err := Issue(context.Background(), f, "4072040001", c.number, func() (string, error) { links++; return "https://x/1.pdf", nil }, "", "")
			var he *ErrHandled
			if c.handled != errors.As(err, &he) {
				t.Fatalf("err %v, handled %v", err, c.handled)
			}
			if !c.handled && (err != nil || got != c.want) {
				t.Errorf("got %v, %v; want %v", got, err, c.want)
			}
			if f.changes != c.changes || links != c.links {
				t.Errorf("changes %d, links %d; want %d, %d (never twice, no upload when nothing is sent)", f.changes, links, c.changes, c.links)
			}
		})
	}
}

func TestRefuseOnce(t *testing.T) {
	for _, c := range []struct {
		name, reason string
		lose         bool
		want         Outcome
		changes      int
	}{
		{name: "open", reason: "r", want: Done, changes: 1},
		{name: "answer lost", reason: "r", lose: true, want: Done, changes: 1},
	} {
		f := &fake{inv: open(), lose: c.lose}
		got, err := Refuse(context.Background(), f, "4072040001", c.reason)
		if err != nil || got != c.want || f.changes != c.changes {
			t.Errorf("%s: %v %v, %d changes", c.name, got, err, f.changes)
		}
		again, err := Refuse(context.Background(), f, "4072040001", c.reason)
		if err != nil || again != AlreadyDone || f.changes != c.changes {
			t.Errorf("%s rerun: %v %v, %d changes", c.name, again, err, f.changes)
		}
		var he *ErrHandled
		if _, err := Refuse(context.Background(), f, "4072040001", "another reason"); !errors.As(err, &he) {
			t.Errorf("%s: refusing again with another reason: %v", c.name, err)
		}
	}
	if _, err := Refuse(context.Background(), &fake{inv: open()}, "999", "r"); err == nil {
		t.Error("a foreign id is an error")
	}
}

func TestDueOf(t *testing.T) {
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, invoice.CST)
	at := func(d time.Duration) marketapi.Invoice {
		return marketapi.Invoice{Id: "1", CreateTimeStr: invoice.FormatTime(now.Add(-d))}
	}
	for _, c := range []struct {
		name    string
		inv     marketapi.Invoice
		within  time.Duration
		due     bool
		overdue bool
		urgency string
	}{
		{"just requested, 7d window", at(time.Minute), invoice.Window, true, false, invoice.Open},
		{"just requested, 2d window", at(time.Minute), 48 * time.Hour, false, false, ""},
		{"6 days 1 hour ago", at(145 * time.Hour), 48 * time.Hour, true, false, invoice.Urgent},
		{"5 days ago", at(120 * time.Hour), invoice.Window, true, false, invoice.Soon},
		{"8 days ago", at(192 * time.Hour), time.Hour, true, true, invoice.Overdue},
		{"unreadable time", marketapi.Invoice{Id: "2", CreateTimeStr: "yesterday"}, invoice.Window, false, false, ""},
	} {
		d, ok := DueOf(c.inv, now, c.within, time.UTC)
		if ok != c.due || d.Overdue != c.overdue || d.Urgency != c.urgency {
			t.Errorf("%s: %v %+v", c.name, ok, d)
		}
	}
}
