package market

import (
	"context"
	"encoding/json"
	"net/url"
	"strconv"
	"sync"

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
// (which returns false to stop). Fetching, decoding and fn run as a pipeline — the next page is
// asked for as soon as the current one's answer arrives, decoded while fn works on the one
// before — so a long listing keeps two cores busy and holds at most three pages. Whether a
// next page exists is known only once a page is decoded, so a listing of pages of 50 or more
// may ask for up to two pages past its end (empty answers); smaller pages are asked for one
// at a time, when needed.
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

	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer func() { cancel(); wg.Wait() }()
	type answer struct {
		resp *Response
		err  error
	}
	answers := make(chan answer, 1)
	// Small pages (a lookup by ID) are not fetched ahead: each is asked for when needed.
	ahead := size >= 50
	want := make(chan struct{}, 1)
	wg.Add(1)
	go func() { // fetch
		defer wg.Done()
		defer close(answers)
		for n := 1; ; n++ {
			if n > 1 && !ahead {
				select {
				case <-want:
				case <-ctx.Done():
					return
				}
			}
			pq := cloneValues(q)
			pq.Set("PageIndex", strconv.Itoa(n))
			resp, err := c.Do(ctx, Request{Action: "DescribeInvoiceForIsv", Query: pq})
			select {
			case answers <- answer{resp, err}:
			case <-ctx.Done():
				return
			}
			if err != nil {
				return
			}
		}
	}()
	type page struct {
		Count  string
		Result []marketapi.Invoice
		err    error
	}
	pages := make(chan page, 1)
	wg.Add(1)
	go func() { // decode
		defer wg.Done()
		defer close(pages)
		for a := range answers {
			var p page
			if p.err = a.err; p.err == nil {
				if err := json.Unmarshal(a.resp.Body, &p); err != nil {
					p.err = &DecodeError{Action: "DescribeInvoiceForIsv", Status: a.resp.Status, Body: string(a.resp.Body), Err: err}
				}
			}
			select {
			case pages <- p:
			case <-ctx.Done():
				return
			}
			if p.err != nil {
				return
			}
		}
	}()
	seen := 0
	for p := range pages {
		if p.err != nil {
			return p.err
		}
		seen += len(p.Result)
		total, _ := strconv.Atoi(p.Count)
		if len(p.Result) == 0 || !fn(p.Result) || len(p.Result) < size || seen >= total {
			return nil
		}
		if !ahead {
			want <- struct{}{}
		}
	}
	return ctx.Err()
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
