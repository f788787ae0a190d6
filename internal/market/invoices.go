package market

import (
	"context"
	"net/url"
	"strconv"

	"github.com/mkt-cli/mkt/internal/marketapi"
)

// InvoiceFilter narrows DescribeInvoiceForIsv; empty fields are not sent.
type InvoiceFilter struct {
	Status    string // "0" requested, "1" done
	Type      string // "2", "3"
	InvoiceID string
	UserID    string
	From, To  string // yyyy-MM-dd[ HH:mm:ss], China Standard Time
	PageSize  int
}

// ListInvoices pages through DescribeInvoiceForIsv with PageIndex, handing each page to fn
// (which returns false to stop). One page is held at a time.
func (c *Client) ListInvoices(ctx context.Context, flt InvoiceFilter, fn func([]marketapi.Invoice) bool) error {
	size := flt.PageSize
	if size <= 0 {
		size = 100
	}
	q := url.Values{"PageSize": {strconv.Itoa(size)}}
	set := func(k, v string) {
		if v != "" {
			q.Set(k, v)
		}
	}
	set("Status", flt.Status)
	set("Type", flt.Type)
	set("InvoiceId", flt.InvoiceID)
	set("UserId", flt.UserID)
	set("CreateTimeStart", flt.From)
	set("CreateTimeEnd", flt.To)
	seen := 0
	for page := 1; ; page++ {
		q.Set("PageIndex", strconv.Itoa(page))
		var out struct {
			Count  string
			Result []marketapi.Invoice
		}
		if err := c.Call(ctx, Request{Action: "DescribeInvoiceForIsv", Query: q}, &out); err != nil {
			return err
		}
		seen += len(out.Result)
		total, _ := strconv.Atoi(out.Count)
		if len(out.Result) == 0 || !fn(out.Result) || len(out.Result) < size || seen >= total {
			return nil
		}
	}
}

// GetInvoice returns one invoice request.
func (c *Client) GetInvoice(ctx context.Context, id string) (*marketapi.Invoice, error) {
	var found *marketapi.Invoice
	err := c.ListInvoices(ctx, InvoiceFilter{InvoiceID: id, PageSize: 1}, func(p []marketapi.Invoice) bool {
		found = &p[0]
		return false
	})
	if err == nil && found == nil {
		err = &APIError{HTTPStatus: 404, Code: "InvalidInvoiceId.NotFound", Message: "Invoice request " + id + " does not exist."}
	}
	return found, err
}

// IssueInvoice is ModifyInvoiceForIsv with OperateType 0.
func (c *Client) IssueInvoice(ctx context.Context, id, number, electronURL, typ, note string) error {
	q := url.Values{"InvoiceId": {id}, "OperateType": {"0"}, "Number": {number}}
	if electronURL != "" {
		q.Set("ElectronUrl", electronURL)
	}
	if typ != "" {
		q.Set("Type", typ)
	}
	if note != "" {
		q.Set("CheckNotice", note)
	}
	return c.Call(ctx, Request{Action: "ModifyInvoiceForIsv", Query: q}, nil)
}

// RefuseInvoice is ModifyInvoiceForIsv with OperateType 1.
func (c *Client) RefuseInvoice(ctx context.Context, id, reason string) error {
	return c.Call(ctx, Request{Action: "ModifyInvoiceForIsv", Query: url.Values{"InvoiceId": {id}, "OperateType": {"1"}, "CheckNotice": {reason}}}, nil)
}
