// Package due is `mkt invoice due`.
package due

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/invoice/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/exitcode"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/invoice"
	"github.com/mkt-cli/mkt/internal/invoicing"
	"github.com/mkt-cli/mkt/internal/iostreams"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/notify"
	"github.com/mkt-cli/mkt/internal/timeutil"
)

// Options are the inputs of `mkt invoice due`.
type Options struct {
	Factory       *cmdutil.Factory
	Within        time.Duration
	Loc           *time.Location
	FailOnOverdue bool
	Limit         int
	// Robot is where --notify posts the due requests (nil: nowhere).
	Robot *notify.Robot
}

// NewCmdDue builds `mkt invoice due`; runF replaces the run in tests.
func NewCmdDue(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	var within, tz, hook, format string
	cmd := &cobra.Command{
		Use:   "due",
		Short: "Open invoice requests and their 7-day deadlines, most urgent first",
		Long: `Open invoice requests with each one's deadline (request time + 7 days, FAQ 四 Q2), the time
left and the amount, most urgent first; overdue ones flagged. On a terminal, colour by
urgency (overdue, under a day, under 3 days); in a pipe, plain rows; -o json gives the
deadline in RFC 3339 and the remaining seconds.

--fail-on-overdue exits 3 when anything is overdue, for a scheduled CI job that alerts.

--notify URL (or MKT_NOTIFY_URL) posts the due and overdue requests, once, to a chat robot:
DingTalk (钉钉), WeCom (企业微信) or Feishu (飞书), told apart by the URL's host, or any other
URL as a generic JSON webhook (--notify-format overrides the guess). Nothing is posted when
nothing is due. A DingTalk robot with 加签 or a Feishu robot with a signature check needs its
secret in MKT_NOTIFY_SECRET. A robot that refuses the message is exit 8, one that cannot be
reached after 3 attempts exit 7; the list is printed either way. The URL holds the robot's
token: it is never printed.`,
		Example: `  mkt invoice due
  mkt invoice due --within 2d --tz Asia/Shanghai
  mkt invoice due --fail-on-overdue -o json > due.json
  MKT_NOTIFY_SECRET="$DINGTALK_SECRET" mkt invoice due --within 2d --notify "$DINGTALK_WEBHOOK"`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			d, err := timeutil.ParseDuration(within)
			if err != nil || d <= 0 {
				return cmdutil.FlagError("sandbox.duration", within, "use e.g. 2d")
			}
			opts.Within = d
			if opts.Loc, err = shared.LoadTZ(tz); err != nil {
				return err
			}
			if opts.Robot, err = robot(f, hook, format, cmd.Flags().Changed("notify-format")); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return dueRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&within, "within", "7d", "show requests due within this long (overdue ones always)")
	cmd.Flags().StringVar(&tz, "tz", "", "time zone to show deadlines in (default local), e.g. Asia/Shanghai")
	cmd.Flags().BoolVar(&opts.FailOnOverdue, "fail-on-overdue", false, "exit 3 when any request is past its deadline")
	cmd.Flags().IntVarP(&opts.Limit, "limit", "L", 0, "show at most this many (0: all; overdue ones are still counted)")
	cmd.Flags().StringVar(&hook, "notify", "", "post the due requests to this chat robot or webhook URL (env: MKT_NOTIFY_URL)")
	cmd.Flags().StringVar(&format, "notify-format", "auto", "the robot's format: auto|dingtalk|wecom|feishu|webhook")
	_ = cmd.RegisterFlagCompletionFunc("notify-format", cobra.FixedCompletions([]string{"auto", "dingtalk", "wecom", "feishu", "webhook"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// robot is the --notify target, checked before anything is listed.
func robot(f *cmdutil.Factory, hook, format string, formatSet bool) (*notify.Robot, error) {
	if hook == "" {
		hook = f.Getenv("MKT_NOTIFY_URL")
	}
	kind, ok := notify.ParseKind(format)
	if !ok {
		return nil, cmdutil.FlagError("notify.format.invalid", format)
	}
	if hook == "" {
		if formatSet {
			return nil, cmdutil.FlagError("notify.format.nourl")
		}
		return nil, nil
	}
	if u, err := url.Parse(hook); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, cmdutil.FlagError("notify.url.invalid", notify.Redact(hook))
	}
	return &notify.Robot{URL: hook, Kind: kind, Secret: f.Getenv("MKT_NOTIFY_SECRET")}, nil
}

func dueRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	client, err := f.Client()
	if err != nil {
		return err
	}
	now, err := f.MarketNow(ctx)
	if err != nil {
		return err
	}
	p := printer(f, opts.Loc)
	overdue, unsorted := 0, false
	var due []invoicing.Due // for --notify: every due request, whatever --limit shows
	var last string
	var werr error
	err = client.ListInvoices(ctx, market.InvoiceFilter{Status: "0"}, func(page []marketapi.Invoice) bool {
		for _, inv := range page {
			d, ok := invoicing.DueOf(inv, now, opts.Within, opts.Loc)
			if inv.CreateTimeStr < last {
				unsorted = true
			}
			last = inv.CreateTimeStr
			if !ok {
				continue
			}
			if d.Overdue {
				overdue++
			}
			if opts.Robot != nil {
				due = append(due, d)
			}
			if opts.Limit > 0 && p.Len() >= opts.Limit {
				continue // keep counting the overdue ones
			}
			if werr = p.Add(d); werr != nil {
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
	if unsorted {
		p.Sort(func(a, b invoicing.Due) bool { return a.RemainingSeconds < b.RemainingSeconds })
	}
	if err := p.Close(); err != nil {
		return err
	}
	var nerr error
	if opts.Robot != nil {
		nerr = notifyDue(ctx, f, opts, due, overdue)
	}
	if err := report(f, p.Len(), overdue, unsorted && p.Streaming(), opts.FailOnOverdue); err != nil {
		var ce *cmdutil.Error
		if errors.As(nerr, &ce) {
			fmt.Fprintln(f.IOStreams.ErrOut, ce.Localized(f.Lang()))
		}
		return err
	}
	return nerr
}

// maxLines bounds the requests one notification lists; the title has the counts.
const maxLines = 20

// notifyDue posts the due requests to the robot, once; nothing when nothing is due.
func notifyDue(ctx context.Context, f *cmdutil.Factory, opts *Options, due []invoicing.Due, overdue int) error {
	ios, lang := f.IOStreams, f.Lang()
	if len(due) == 0 {
		fmt.Fprintln(ios.ErrOut, f.T("notify.nothing"))
		return nil
	}
	sort.SliceStable(due, func(i, j int) bool { return due[i].RemainingSeconds < due[j].RemainingSeconds })
	msg := notify.Message{Title: i18n.T(lang, "notify.invoice.title", len(due), overdue), Event: "invoice.due",
		Data: struct {
			Due      int             `json:"due"`
			Overdue  int             `json:"overdue"`
			Requests []invoicing.Due `json:"requests"`
		}{len(due), overdue, due}}
	for i, d := range due {
		if i == maxLines {
			msg.Lines = append(msg.Lines, i18n.T(lang, "notify.more", len(due)-maxLines))
			break
		}
		dl, _ := time.Parse(time.RFC3339, d.Deadline)
		left := i18n.Duration(lang, time.Duration(d.RemainingSeconds)*time.Second)
		if d.Overdue {
			left = i18n.T(lang, "invoice.overdue", strings.TrimPrefix(left, "-"))
		}
		msg.Lines = append(msg.Lines, i18n.T(lang, "notify.invoice.line", d.Id, d.Title, d.Amount, dl.In(opts.Loc).Format("2006-01-02 15:04 MST"), left))
	}
	msg.Lines = append(msg.Lines, i18n.T(lang, "notify.invoice.how"))
	r := *opts.Robot
	if t := f.Global.Timeout; t > 0 {
		r.Timeout = t
	}
	err := r.Send(ctx, msg)
	var refused *notify.RefusedError
	var unreachable *notify.UnreachableError
	switch {
	case err == nil:
		f.Success("notify.sent", notify.Redact(r.URL), len(due))
		return nil
	case errors.As(err, &refused):
		return &cmdutil.Error{Kind: exitcode.Outcome, Code: "Notify.Refused", Msg: i18n.M("notify.refused", refused.Kind, notify.Redact(r.URL), strings.TrimSpace(refused.Code+" "+refused.Message), refused.Status), Remedy: i18n.M("remedy.notify.refused")}
	case errors.As(err, &unreachable):
		return &cmdutil.Error{Kind: exitcode.Unavailable, Code: "Notify.Unreachable", Msg: i18n.M("notify.unreachable", notify.Redact(r.URL), unreachable.Attempts, unreachable.Err), Remedy: i18n.M("remedy.notify.unreachable")}
	}
	return err
}

// printer lists due requests; the time left is the last column, coloured by urgency.
func printer(f *cmdutil.Factory, loc *time.Location) *cmdutil.ListPrinter[invoicing.Due] {
	lang := f.Lang()
	col := func(h string, text func(invoicing.Due) string) cmdutil.Column[invoicing.Due] {
		return cmdutil.Column[invoicing.Due]{Header: h, Text: text}
	}
	left := col(f.T("col.left"), func(d invoicing.Due) string {
		l := i18n.Duration(lang, time.Duration(d.RemainingSeconds)*time.Second)
		if d.Overdue {
			l = i18n.T(lang, "invoice.overdue", strings.TrimPrefix(l, "-"))
		}
		return l
	})
	left.Style = func(st *iostreams.Styles, d invoicing.Due) *lipgloss.Style {
		switch d.Urgency {
		case invoice.Overdue:
			return &st.Error
		case invoice.Urgent:
			return &st.Warning
		case invoice.Soon:
			return &st.Bold
		}
		return &st.Muted
	}
	id := col("ID", func(d invoicing.Due) string { return d.Id })
	id.Style = func(st *iostreams.Styles, _ invoicing.Due) *lipgloss.Style { return &st.ID }
	return cmdutil.NewListPrinter(f, id,
		col(f.T("col.deadline"), func(d invoicing.Due) string {
			dl, _ := time.Parse(time.RFC3339, d.Deadline)
			dl = dl.In(loc)
			return dl.Format("2006-01-02 15:04 MST ") + i18n.Weekday(lang, dl.Weekday())
		}),
		col(f.T("col.amount"), func(d invoicing.Due) string { return d.Amount }),
		col(f.T("col.buyer"), func(d invoicing.Due) string { return d.Buyer }),
		col(f.T("col.title"), func(d invoicing.Due) string { return d.Title }),
		left)
}

// report says on stderr what the list alone does not, and fails on overdue requests if asked.
func report(f *cmdutil.Factory, shown, overdue int, unsortedStream, failOnOverdue bool) error {
	ios := f.IOStreams
	if unsortedStream {
		fmt.Fprintln(ios.ErrOut, f.T("invoice.unsorted"))
	}
	if shown == 0 && ios.IsStderrTTY() {
		fmt.Fprintln(ios.ErrOut, f.T("invoice.none.due"))
	}
	if overdue == 0 {
		return nil
	}
	if failOnOverdue {
		return &cmdutil.Error{Kind: exitcode.Rule, Code: "Invoice.Overdue", Msg: i18n.M("invoice.overdue.fail", overdue), Remedy: i18n.M("remedy.invoice.issue")}
	}
	if ios.IsStderrTTY() {
		fmt.Fprintln(ios.ErrOut, ios.StylesErr().Error.Render(f.T("invoice.overdue.count", overdue)))
	}
	return nil
}
