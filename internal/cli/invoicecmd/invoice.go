// Package invoicecmd is `mkt invoice`: invoice requests and the 7-day window (FAQ 四).
package invoicecmd

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/exitcode"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/invoice"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/timeutil"
)

// NewCmdInvoice builds `mkt invoice`.
func NewCmdInvoice(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "invoice <command>",
		Short: "Invoice requests: list, what is due within the 7-day window, issue, refuse",
		Long: `Buyers of the products you sell yourself ask you for invoices, for the full amount.
You must issue each within 7 days of the request (FAQ 四 Q2); buyers may ask at any time
after buying (FAQ 四 Q4). 'mkt invoice due' is the list to work through, most urgent first.

These are the public DescribeInvoiceForIsv and ModifyInvoiceForIsv: they work against the
marketplace as well as the sandbox. The marketplace's times are China Standard Time; mkt
shows them in your time zone (--tz). See docs/invoices.md.`,
		Args: cobra.ArbitraryArgs,
		RunE: cmdutil.GroupRunE,
	}
	cmd.AddCommand(newList(f), newDue(f), newIssue(f), newRefuse(f))
	return cmd
}

func loadTZ(name string) (*time.Location, error) {
	switch strings.ToLower(name) {
	case "", "local":
		return time.Local, nil
	case "cst", "china":
		return invoice.CST, nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, cmdutil.FlagError("invoice.tz", name)
	}
	return loc, nil
}

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

// stream prints items as they come: JSON as an array written element by element, tables in a
// pipe row by row; a terminal table and YAML are collected first (a person's screen, not
// 100,000 rows).
type stream struct {
	f       *cmdutil.Factory
	format  string
	n       int
	buf     []any
	headers []string
	row     func(any) []string
	style   func(any) string
}

func newStream(f *cmdutil.Factory, headers []string, row func(any) []string, style func(any) string) *stream {
	return &stream{f: f, format: f.OutputFormat(), headers: headers, row: row, style: style}
}

func (s *stream) streaming() bool {
	return s.format == "json" || (s.format == "table" && !s.f.IOStreams.IsStdoutTTY())
}

func (s *stream) add(v any) error {
	out := s.f.IOStreams.Out
	s.n++
	switch {
	case s.format == "json":
		b, err := json.MarshalIndent(v, "  ", "  ")
		if err != nil {
			return err
		}
		sep := ",\n  "
		if s.n == 1 {
			sep = "[\n  "
		}
		_, err = io.WriteString(out, sep+string(b))
		return err
	case s.streaming():
		_, err := io.WriteString(out, strings.Join(clean(s.row(v)), "\t")+"\n")
		return err
	}
	s.buf = append(s.buf, v)
	return nil
}

func clean(fields []string) []string {
	for i, f := range fields {
		fields[i] = strings.NewReplacer("\t", " ", "\n", " ").Replace(f)
	}
	return fields
}

func (s *stream) close() error {
	out := s.f.IOStreams.Out
	switch {
	case s.format == "json":
		if s.n == 0 {
			_, err := io.WriteString(out, "[]\n")
			return err
		}
		_, err := io.WriteString(out, "\n]\n")
		return err
	case s.streaming():
		return nil
	case s.format == "yaml":
		if s.buf == nil {
			s.buf = []any{}
		}
		return cmdutil.WriteYAML(out, s.buf)
	}
	ios := s.f.IOStreams
	st := ios.Styles()
	t := ios.NewTable(s.headers...)
	for _, v := range s.buf {
		style := st.Bold
		switch s.style(v) {
		case invoice.Overdue:
			style = st.Error
		case invoice.Urgent:
			style = st.Warning
		case invoice.Soon:
			style = st.Bold
		default:
			style = st.Muted
		}
		for i, field := range s.row(v) {
			if i == 0 {
				t.AddStyledField(field, st.ID)
			} else if s.style(v) != "" && i == len(s.headers)-1 {
				t.AddStyledField(field, style)
			} else {
				t.AddField(field)
			}
		}
		t.EndRow()
	}
	return t.Render()
}

func newList(f *cmdutil.Factory) *cobra.Command {
	var status, typ, buyer, since, from, to, tz string
	var limit int
	cmd := &cobra.Command{
		Use:     "list",
		Aliases: []string{"ls"},
		Short:   "List invoice requests (streams every page)",
		Long: `List invoice requests, following every page. Rows are written as each page arrives in a
pipe and with -o json, so memory stays flat however many there are.`,
		Example: `  mkt invoice list --status requested --since 30d
  mkt invoice list --from 2026-11-01 --to 2026-11-30 -o json
  mkt invoice list --buyer 1234567890123456`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			flt := market.InvoiceFilter{UserID: buyer}
			switch strings.ToLower(status) {
			case "":
			case "requested", "open", "0":
				flt.Status = "0"
			case "done", "1":
				flt.Status = "1"
			default:
				return cmdutil.FlagError("invoice.status", status)
			}
			switch typ {
			case "", "2", "3":
				flt.Type = typ
			default:
				return cmdutil.FlagError("invoice.type", typ)
			}
			if since != "" && (from != "" || to != "") {
				return cmdutil.FlagError("invoice.since.both")
			}
			if since != "" {
				d, err := timeutil.ParseDuration(since)
				if err != nil || d <= 0 {
					return cmdutil.FlagError("sandbox.duration", since, "use e.g. 30d")
				}
				flt.From = invoice.FormatTime(f.Now().Add(-d))
			}
			for _, p := range []*string{&from, &to} {
				if *p == "" {
					continue
				}
				if _, err := invoice.ParseTime(invoice.RangeStart(*p)); err != nil {
					return cmdutil.FlagError("invoice.date", *p)
				}
			}
			if from != "" {
				flt.From = invoice.RangeStart(from)
			}
			if to != "" {
				flt.To = invoice.RangeEnd(to)
			}
			loc, err := loadTZ(tz)
			if err != nil {
				return err
			}
			client, err := f.Client()
			if err != nil {
				return err
			}
			s := newStream(f, []string{"ID", f.T("col.requested"), f.T("col.status"), f.T("col.type"), f.T("col.amount"), f.T("col.buyer"), f.T("col.title")},
				func(v any) []string {
					r := v.(Row)
					return []string{r.Id, r.RequestedAt, r.Status, r.Type, r.Amount, r.Buyer, r.Title}
				}, func(any) string { return "" })
			var werr error
			err = client.ListInvoices(cmd.Context(), flt, func(page []marketapi.Invoice) bool {
				for _, inv := range page {
					if limit > 0 && s.n >= limit {
						return false
					}
					r := Row{Id: inv.Id, Status: inv.Status, Type: inv.Type, Title: inv.Title, Buyer: inv.AliyunPk, Amount: inv.Price, Note: inv.CheckNotice}
					if t, err := invoice.ParseTime(inv.CreateTimeStr); err == nil {
						r.RequestedAt = t.In(loc).Format(time.RFC3339)
					}
					if len(inv.InvoiceList) > 0 {
						r.Number = inv.InvoiceList[0].Id
					}
					if werr = s.add(r); werr != nil {
						return false
					}
				}
				return limit == 0 || s.n < limit
			})
			if err == nil {
				err = werr
			}
			if cerr := s.close(); err == nil {
				err = cerr
			}
			return err
		},
	}
	cmd.Flags().StringVar(&status, "status", "", "requested or done")
	cmd.Flags().StringVar(&typ, "type", "", "2 (digital ordinary invoice) or 3 (digital special VAT invoice)")
	cmd.Flags().StringVar(&buyer, "buyer", "", "the buyer's account ID")
	cmd.Flags().StringVar(&since, "since", "", "requested within this long, e.g. 30d")
	cmd.Flags().StringVar(&from, "from", "", "requested on or after (yyyy-MM-dd[ HH:mm:ss], China Standard Time)")
	cmd.Flags().StringVar(&to, "to", "", "requested on or before (a bare date means its end)")
	cmd.Flags().StringVar(&tz, "tz", "", "time zone to show times in (default local), e.g. Asia/Shanghai")
	cmd.Flags().IntVarP(&limit, "limit", "L", 0, "at most this many (0: all)")
	return cmd
}

func newDue(f *cmdutil.Factory) *cobra.Command {
	var within, tz string
	var failOnOverdue bool
	var limit int
	cmd := &cobra.Command{
		Use:   "due",
		Short: "Open invoice requests and their 7-day deadlines, most urgent first",
		Long: `Open invoice requests with each one's deadline (request time + 7 days, FAQ 四 Q2), the time
left and the amount, most urgent first; overdue ones flagged. On a terminal, colour by
urgency (overdue, under a day, under 3 days); in a pipe, plain rows; -o json gives the
deadline in RFC 3339 and the remaining seconds.

--fail-on-overdue exits 3 when anything is overdue, for a scheduled CI job that alerts.`,
		Example: `  mkt invoice due
  mkt invoice due --within 2d --tz Asia/Shanghai
  mkt invoice due --fail-on-overdue -o json > due.json`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			w := invoice.Window
			if within != "" {
				d, err := timeutil.ParseDuration(within)
				if err != nil || d <= 0 {
					return cmdutil.FlagError("sandbox.duration", within, "use e.g. 2d")
				}
				w = d
			}
			loc, err := loadTZ(tz)
			if err != nil {
				return err
			}
			client, err := f.Client()
			if err != nil {
				return err
			}
			now, err := MarketNow(cmd.Context(), f)
			if err != nil {
				return err
			}
			lang := f.Lang()
			// The time left is the last column: the one coloured by urgency.
			s := newStream(f, []string{"ID", f.T("col.deadline"), f.T("col.amount"), f.T("col.buyer"), f.T("col.title"), f.T("col.left")},
				func(v any) []string {
					d := v.(Due)
					left := invoice.Left(time.Duration(d.RemainingSeconds) * time.Second)
					if d.Overdue {
						left = i18n.T(lang, "invoice.overdue", strings.TrimPrefix(left, "-"))
					}
					dl, _ := time.Parse(time.RFC3339, d.Deadline)
					return []string{d.Id, dl.In(loc).Format("2006-01-02 15:04 Mon"), d.Amount, d.Buyer, d.Title, left}
				}, func(v any) string { return v.(Due).Urgency })
			overdue := 0
			var last time.Time
			unsorted := false
			var werr error
			err = client.ListInvoices(cmd.Context(), market.InvoiceFilter{Status: "0"}, func(page []marketapi.Invoice) bool {
				for _, inv := range page {
					req, err := invoice.ParseTime(inv.CreateTimeStr)
					if err != nil {
						continue
					}
					if req.Before(last) {
						unsorted = true
					}
					last = req
					st := invoice.At(req, now)
					if st.Remaining > w {
						continue
					}
					if st.Urgency == invoice.Overdue {
						overdue++
					}
					if limit > 0 && s.n >= limit {
						continue // keep counting the overdue ones
					}
					d := Due{Id: inv.Id, Title: inv.Title, Buyer: inv.AliyunPk, Amount: inv.Price, Type: inv.Type,
						RequestedAt: req.In(loc).Format(time.RFC3339), Deadline: st.Deadline.In(loc).Format(time.RFC3339),
						RemainingSeconds: int64(st.Remaining / time.Second), Overdue: st.Urgency == invoice.Overdue, Urgency: st.Urgency}
					if werr = s.add(d); werr != nil {
						return false
					}
				}
				return true
			})
			if err == nil {
				err = werr
			}
			if err != nil {
				return err
			}
			if !s.streaming() && unsorted {
				sort.SliceStable(s.buf, func(i, j int) bool { return s.buf[i].(Due).RemainingSeconds < s.buf[j].(Due).RemainingSeconds })
			}
			if err := s.close(); err != nil {
				return err
			}
			ios := f.IOStreams
			if unsorted && s.streaming() {
				fmt.Fprintln(ios.ErrOut, f.T("invoice.unsorted"))
			}
			if s.n == 0 && ios.IsStderrTTY() {
				fmt.Fprintln(ios.ErrOut, f.T("invoice.none.due"))
			}
			if overdue > 0 {
				if failOnOverdue {
					return &cmdutil.Error{Kind: exitcode.Rule, Code: "Invoice.Overdue", Msg: i18n.M("invoice.overdue.fail", overdue), Remedy: i18n.M("remedy.invoice.issue")}
				}
				if ios.IsStderrTTY() {
					fmt.Fprintln(ios.ErrOut, ios.StylesErr().Error.Render(f.T("invoice.overdue.count", overdue)))
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&within, "within", "7d", "show requests due within this long (overdue ones always)")
	cmd.Flags().StringVar(&tz, "tz", "", "time zone to show deadlines in (default local), e.g. Asia/Shanghai")
	cmd.Flags().BoolVar(&failOnOverdue, "fail-on-overdue", false, "exit 3 when any request is past its deadline")
	cmd.Flags().IntVarP(&limit, "limit", "L", 0, "show at most this many (0: all; overdue ones are still counted)")
	return cmd
}

// marketNow is the time deadlines are measured against: the sandbox's clock when mkt talks to
// a sandbox (it may have been moved forward), the real time otherwise.
// MarketNow is the marketplace's time: the sandbox clock in the sandbox, else this machine's.
func MarketNow(ctx context.Context, f *cmdutil.Factory) (time.Time, error) {
	res, err := f.Resolved()
	if err != nil {
		return time.Time{}, err
	}
	if !res.Sandbox() {
		return f.Now(), nil
	}
	client, err := f.Client()
	if err != nil {
		return time.Time{}, err
	}
	var clk struct{ Now string }
	if err := client.Call(ctx, market.Request{Action: "SandboxDescribeClock"}, &clk); err != nil {
		return time.Time{}, err
	}
	return time.Parse(time.RFC3339, clk.Now)
}

func done(inv *marketapi.Invoice) bool {
	return inv.Status == "Success" || inv.Status == "Refused" || inv.Status == "1"
}

func newIssue(f *cmdutil.Factory) *cobra.Command {
	var number, link, file, typ, note string
	cmd := &cobra.Command{
		Use:   "issue <invoice-id> --number <invoice-number> [--url <e-invoice url> | --file <invoice.pdf>]",
		Short: "Record that you issued an invoice (ModifyInvoiceForIsv, issue)",
		Long: `Record an issued invoice: its number, and where the buyer downloads it (--url), or the
file itself (--file, uploaded first; sandbox and mkt's seller extension). Issuing a request
that is already done is refused; issuing again with the same number after a timeout is not
issued twice.`,
		Example: `  mkt invoice issue 4072040001 --number 24332000000012345678 --url https://isv.example.com/invoices/123.pdf
  mkt invoice issue 4072040001 --number 24332000000012345678 --file invoice.pdf --type 3`,
		Args: cmdutil.ExactArgs(1, "<invoice-id>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			id := args[0]
			if _, err := strconv.ParseInt(id, 10, 64); err != nil {
				return cmdutil.FlagError("invoice.id", id)
			}
			if strings.TrimSpace(number) == "" {
				return cmdutil.FlagError("invoice.number").WithRemedy("remedy.help", cmd.CommandPath())
			}
			if link != "" && file != "" {
				return cmdutil.FlagError("invoice.urlfile")
			}
			if typ != "" && typ != "2" && typ != "3" {
				return cmdutil.FlagError("invoice.type", typ)
			}
			var content []byte
			if file != "" {
				ext := strings.ToLower(filepath.Ext(file))
				if ext != ".pdf" && ext != ".png" && ext != ".jpg" && ext != ".jpeg" {
					return cmdutil.FlagError("invoice.file.type", file)
				}
				var err error
				if content, err = os.ReadFile(file); err != nil {
					return cmdutil.FlagError("product.file.read", file, err)
				}
				if len(content) == 0 || len(content) > 10<<20 {
					return cmdutil.FlagError("agreement.size", file, len(content))
				}
			}
			ctx := cmd.Context()
			client, err := f.Client()
			if err != nil {
				return err
			}
			inv, err := client.GetInvoice(ctx, id)
			if err != nil {
				return err
			}
			if done(inv) {
				if inv.Status == "Success" && len(inv.InvoiceList) > 0 && inv.InvoiceList[0].Id == number {
					f.Success("invoice.already", id, number)
					return nil
				}
				return cmdutil.ConflictError("invoice.done", id, inv.Status, inv.ModifiedTimeStr).WithRemedy("remedy.invoice.list")
			}
			if file != "" {
				up, err := client.UploadFile(ctx, filepath.Base(file), content, "inv-"+id+"-"+number)
				if err != nil {
					return err
				}
				link = strings.TrimRight(client.Endpoint(), "/") + "/files/" + up.FileId
			}
			err = client.IssueInvoice(ctx, id, number, link, typ, note)
			if err != nil {
				// A retry after a lost answer finds the request done: if it was done by us,
				// with this number, it is done once — not an error.
				var ae *market.APIError
				if errors.As(err, &ae) && ae.Code == "IncorrectInvoiceStatus" {
					if inv, gerr := client.GetInvoice(ctx, id); gerr == nil && len(inv.InvoiceList) > 0 && inv.InvoiceList[0].Id == number {
						f.Success("invoice.issued", id, number)
						return nil
					}
				}
				return err
			}
			f.Success("invoice.issued", id, number)
			return nil
		},
	}
	cmd.Flags().StringVar(&number, "number", "", "the invoice number (required)")
	cmd.Flags().StringVar(&link, "url", "", "where the buyer downloads the e-invoice")
	cmd.Flags().StringVar(&file, "file", "", "the e-invoice file (.pdf, .png, .jpg) to upload")
	cmd.Flags().StringVar(&typ, "type", "", "2 (digital ordinary) or 3 (digital special VAT); default: as requested")
	cmd.Flags().StringVar(&note, "note", "", "a remark for the buyer (CheckNotice)")
	return cmd
}

func newRefuse(f *cmdutil.Factory) *cobra.Command {
	var reason string
	cmd := &cobra.Command{
		Use:     "refuse <invoice-id> --reason <text>",
		Short:   "Refuse an invoice request, with the reason the buyer sees",
		Example: `  mkt invoice refuse 4072040002 --reason "The tax number does not match the company name"`,
		Args:    cmdutil.ExactArgs(1, "<invoice-id>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			id := args[0]
			if _, err := strconv.ParseInt(id, 10, 64); err != nil {
				return cmdutil.FlagError("invoice.id", id)
			}
			if strings.TrimSpace(reason) == "" {
				return cmdutil.FlagError("invoice.reason")
			}
			client, err := f.Client()
			if err != nil {
				return err
			}
			inv, err := client.GetInvoice(cmd.Context(), id)
			if err != nil {
				return err
			}
			if done(inv) {
				if inv.Status == "Refused" && inv.CheckNotice == reason {
					f.Success("invoice.refused", id)
					return nil
				}
				return cmdutil.ConflictError("invoice.done", id, inv.Status, inv.ModifiedTimeStr).WithRemedy("remedy.invoice.list")
			}
			if err := client.RefuseInvoice(cmd.Context(), id, reason); err != nil {
				return err
			}
			f.Success("invoice.refused", id)
			return nil
		},
	}
	cmd.Flags().StringVar(&reason, "reason", "", "why (required; the buyer sees it)")
	return cmd
}
