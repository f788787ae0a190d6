// Package list is `mkt invoice list`.
package list

import (
	"context"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/invoice/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/invoice"
	"github.com/mkt-cli/mkt/internal/invoicing"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/timeutil"
)

// Options are the inputs of `mkt invoice list`.
type Options struct {
	Factory *cmdutil.Factory
	Filter  market.InvoiceFilter
	Loc     *time.Location
	Limit   int
}

// NewCmdList builds `mkt invoice list`; runF replaces the run in tests.
func NewCmdList(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	var status, typ, since, from, to, tz string
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
			flt, err := filter(f.Now(), status, typ, since, from, to)
			if err != nil {
				return err
			}
			flt.UserID = opts.Filter.UserID
			opts.Filter = flt
			if opts.Loc, err = shared.LoadTZ(tz); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return listRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&status, "status", "", "requested or done")
	_ = cmd.RegisterFlagCompletionFunc("status", cobra.FixedCompletions([]string{"requested", "done"}, cobra.ShellCompDirectiveNoFileComp))
	cmd.Flags().StringVar(&typ, "type", "", "2 (digital ordinary invoice) or 3 (digital special VAT invoice)")
	cmdutil.EnumFlag(cmd, "type", "2", "3")
	cmd.Flags().StringVar(&opts.Filter.UserID, "buyer", "", "the buyer's account ID")
	cmd.Flags().StringVar(&since, "since", "", "requested within this long, e.g. 30d")
	cmd.Flags().StringVar(&from, "from", "", "requested on or after (yyyy-MM-dd[ HH:mm:ss], China Standard Time)")
	cmd.Flags().StringVar(&to, "to", "", "requested on or before (a bare date means its end)")
	cmd.Flags().StringVar(&tz, "tz", "", "time zone to show times in (default local), e.g. Asia/Shanghai")
	cmd.Flags().IntVarP(&opts.Limit, "limit", "L", 0, "at most this many (0: all)")
	return cmd
}

// filter turns the flags into DescribeInvoiceForIsv's filter, refusing what does not parse.
func filter(now time.Time, status, typ, since, from, to string) (market.InvoiceFilter, error) {
	var flt market.InvoiceFilter
	switch strings.ToLower(status) {
	case "":
	case "requested", "open", "0":
		flt.Status = "0"
	case "done", "1":
		flt.Status = "1"
	default:
		return flt, cmdutil.FlagError("invoice.status", status)
	}
	switch typ {
	case "", "2", "3":
		flt.Type = typ
	default:
		return flt, cmdutil.FlagError("invoice.type", typ)
	}
	if since != "" && (from != "" || to != "") {
		return flt, cmdutil.FlagError("invoice.since.both")
	}
	if since != "" {
		d, err := timeutil.ParseDuration(since)
		if err != nil || d <= 0 {
			return flt, cmdutil.FlagError("sandbox.duration", since, "use e.g. 30d")
		}
		flt.From = invoice.FormatTime(now.Add(-d))
	}
	for _, p := range []string{from, to} {
		if p == "" {
			continue
		}
		if _, err := invoice.ParseTime(invoice.RangeStart(p)); err != nil {
			return flt, cmdutil.FlagError("invoice.date", p)
		}
	}
	if from != "" {
		flt.From = invoice.RangeStart(from)
	}
	if to != "" {
		flt.To = invoice.RangeEnd(to)
	}
	return flt, nil
}

func listRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	client, err := f.Client()
	if err != nil {
		return err
	}
	p := cmdutil.NewListPrinter(f,
		cmdutil.Column[invoicing.Row]{Header: "ID", Text: func(r invoicing.Row) string { return r.Id }},
		cmdutil.Column[invoicing.Row]{Header: f.T("col.requested"), Text: func(r invoicing.Row) string { return r.RequestedAt }},
		cmdutil.Column[invoicing.Row]{Header: f.T("col.status"), Text: func(r invoicing.Row) string { return f.Enum(i18n.EnumInvoiceState, r.Status) }},
		cmdutil.Column[invoicing.Row]{Header: f.T("col.type"), Text: func(r invoicing.Row) string { return f.Enum(i18n.EnumInvoiceType, r.Type) }},
		cmdutil.Column[invoicing.Row]{Header: f.T("col.amount"), Text: func(r invoicing.Row) string { return r.Amount }},
		cmdutil.Column[invoicing.Row]{Header: f.T("col.buyer"), Text: func(r invoicing.Row) string { return r.Buyer }},
		cmdutil.Column[invoicing.Row]{Header: f.T("col.title"), Text: func(r invoicing.Row) string { return r.Title }},
	)
	return p.Finish(client.ListInvoices(ctx, opts.Filter, func(page []marketapi.Invoice) bool {
		rows := make([]invoicing.Row, len(page))
		for i, inv := range page {
			rows[i] = invoicing.RowOf(inv, opts.Loc)
		}
		return p.AddPage(rows, opts.Limit)
	}))
}
