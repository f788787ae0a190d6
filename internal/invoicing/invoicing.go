// Package invoicing is the merchant's side of invoice requests: which are due (the 7-day
// window, internal/invoice), and issuing or refusing each exactly once — also when an answer
// was lost and the command is run again.
package invoicing

import (
	"context"
	"time"

	"github.com/mkt-cli/mkt/internal/invoice"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// Row is one invoice request as `invoice list -o json` prints it.
type Row struct {
	Id          string `json:"id"`
	Status      string `json:"status"`
	Type        string `json:"type"`
	Title       string `json:"title"`
	Buyer       string `json:"buyer"`
	Amount      string `json:"amount"`
	RequestedAt string `json:"requestedAt"`
	Number      string `json:"number,omitempty"`
	Note        string `json:"note,omitempty"`
}

// RowOf is the listing form of a request, its times in loc.
func RowOf(inv marketapi.Invoice, loc *time.Location) Row {
	r := Row{Id: inv.Id, Status: inv.Status, Type: inv.Type, Title: inv.Title, Buyer: inv.AliyunPk, Amount: inv.Price, Note: inv.CheckNotice}
	if t, err := invoice.ParseTime(inv.CreateTimeStr); err == nil {
		r.RequestedAt = t.In(loc).Format(time.RFC3339)
	}
	if len(inv.InvoiceList) > 0 {
		r.Number = inv.InvoiceList[0].Id
	}
	return r
}

// Due is one open request as `invoice due -o json` prints it.
type Due struct {
	Id               string `json:"id"`
	Title            string `json:"title"`
	Buyer            string `json:"buyer"`
	Amount           string `json:"amount"`
	Type             string `json:"type"`
	RequestedAt      string `json:"requestedAt"`
	Deadline         string `json:"deadline"`
	RemainingSeconds int64  `json:"remainingSeconds"`
	Overdue          bool   `json:"overdue"`
	Urgency          string `json:"urgency"`
}

// DueOf says whether an open request is due within `within` at now (overdue ones always are),
// and how it stands; times in loc. A request whose time cannot be read is not due.
func DueOf(inv marketapi.Invoice, now time.Time, within time.Duration, loc *time.Location) (Due, bool) {
	req, err := invoice.ParseTime(inv.CreateTimeStr)
	if err != nil {
		return Due{}, false
	}
	st := invoice.At(req, now)
	if st.Remaining > within {
		return Due{}, false
	}
	return Due{Id: inv.Id, Title: inv.Title, Buyer: inv.AliyunPk, Amount: inv.Price, Type: inv.Type,
		RequestedAt: req.In(loc).Format(time.RFC3339), Deadline: st.Deadline.In(loc).Format(time.RFC3339),
		RemainingSeconds: int64(st.Remaining / time.Second), Overdue: st.Urgency == invoice.Overdue, Urgency: st.Urgency}, true
}

// Client is what issuing and refusing need of the marketplace.
type Client interface {
	GetInvoice(ctx context.Context, id string) (*marketapi.Invoice, error)
	IssueInvoice(ctx context.Context, id, number, electronURL, typ, note string) error
	RefuseInvoice(ctx context.Context, id, reason string) error
}

// Outcome is what issuing or refusing did.
type Outcome int

const (
	// Done: this run issued (or refused) the request.
	Done Outcome = iota + 1
	// AlreadyDone: an earlier run did exactly this; nothing was sent again.
	AlreadyDone
)

// ErrHandled is returned when the request was handled otherwise before (issued with another
// number, refused, or issued when refusing): a conflict for the merchant to look at.
type ErrHandled struct{ Invoice *marketapi.Invoice }

func (e *ErrHandled) Error() string {
	return "invoice request " + e.Invoice.Id + " is already " + e.Invoice.Status
}

func handled(inv *marketapi.Invoice) bool {
	return inv.Status == "Success" || inv.Status == "Refused" || inv.Status == "1"
}

func issuedAs(inv *marketapi.Invoice, number string) bool {
	return len(inv.InvoiceList) > 0 && inv.InvoiceList[0].Id == number
}

// Issue records that invoice number was issued for request id, once: a request already issued
// with this number is AlreadyDone; one handled otherwise is *ErrHandled. link gives where the
// buyer downloads the invoice; it is called only when something will be sent (an upload
// happens then, not before). A change that fails — its answer lost, or a retry refused because
// the first attempt had done it — is checked back: issued with this number is Done.
func Issue(ctx context.Context, c Client, id, number string, link func() (string, error), typ, note string) (Outcome, error) {
	inv, err := c.GetInvoice(ctx, id)
	if err != nil {
		return 0, err
	}
	if handled(inv) {
		if inv.Status == "Success" && issuedAs(inv, number) {
			return AlreadyDone, nil
		}
		return 0, &ErrHandled{Invoice: inv}
	}
	url, err := link()
	if err != nil {
		return 0, err
	}
	if err := c.IssueInvoice(ctx, id, number, url, typ, note); err != nil {
		return checkBack(ctx, c, id, err, func(now *marketapi.Invoice) bool { return issuedAs(now, number) })
	}
	return Done, nil
}

// Refuse refuses request id with reason, once: a request already refused with this reason is
// AlreadyDone; one handled otherwise is *ErrHandled; a refusal that fails is checked back.
func Refuse(ctx context.Context, c Client, id, reason string) (Outcome, error) {
	inv, err := c.GetInvoice(ctx, id)
	if err != nil {
		return 0, err
	}
	if handled(inv) {
		if inv.Status == "Refused" && inv.CheckNotice == reason {
			return AlreadyDone, nil
		}
		return 0, &ErrHandled{Invoice: inv}
	}
	if err := c.RefuseInvoice(ctx, id, reason); err != nil {
		return checkBack(ctx, c, id, err, func(now *marketapi.Invoice) bool { return now.Status == "Refused" && now.CheckNotice == reason })
	}
	return Done, nil
}

// checkBack looks at the request again after a change failed — an answer lost, a retry refused
// because the first attempt had done it — and reports the change done when its effect is there;
// otherwise the change's own error stands.
func checkBack(ctx context.Context, c Client, id string, err error, done func(*marketapi.Invoice) bool) (Outcome, error) {
	if now, gerr := c.GetInvoice(ctx, id); gerr == nil && done(now) {
		return Done, nil
	}
	return 0, err
}
