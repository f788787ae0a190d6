// Package wait is `mkt product wait`.
package wait

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/exitcode"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/manifest"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/rules"
)

// Options are the inputs of `mkt product wait`.
type Options struct {
	Factory *cmdutil.Factory
	Codes   []string
	Timeout time.Duration
	Pending string // fail or ok
}

// Verdict is one product's outcome, as -o json prints it.
type Verdict struct {
	Code   string `json:"code"`
	Status string `json:"status"`           // listed, rejected or pending
	Reason string `json:"reason,omitempty"` // a rejection's reason
}

// NewCmdWait builds `mkt product wait`.
func NewCmdWait(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "wait <product-code>...",
		Short: "Wait for products in review to be listed or rejected",
		Long: `Wait for products a previous run sent to review (mkt product submit, mkt apply --submit) until
marketplace operations list or reject each one, for at most --wait-timeout. Products already
listed or rejected are reported at once; a product that is not in review (a draft, one in
testing) is refused before anything waits.

While it waits it says so on stderr: in a pipe a line at the start, on every change and at
least every 30 s (CI services kill silent jobs); on a terminal one status line with the time
left. The verdicts are printed on stdout, one row per product: code and listed, rejected
(with the reason) or pending.

Exit codes: 0 all listed; 8 any rejected; 11 any still in review at --wait-timeout (0 with
--wait-pending=ok, for pipelines that only report); 3 a product not in review.`,
		Example: `  mkt product wait cmgj10000001 cmapi10000002 --wait-timeout 2h
  mkt product wait cmgj10000001 --wait-timeout 10m --wait-pending ok -o json`,
		Args:              cmdutil.MinimumArgs(1, "<product-code>..."),
		ValidArgsFunction: cmdutil.CompleteEach(cmdutil.ProductCodes, f),
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, c := range args {
				if err := cmdutil.CheckProductCode(c); err != nil {
					return err
				}
			}
			if opts.Pending != "fail" && opts.Pending != "ok" {
				return cmdutil.FlagError("apply.wait.pending", opts.Pending)
			}
			if opts.Timeout <= 0 {
				return cmdutil.FlagError("product.wait.timeout", opts.Timeout)
			}
			opts.Codes = args
			if runF != nil {
				return runF(opts)
			}
			return waitRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().DurationVar(&opts.Timeout, "wait-timeout", 30*time.Minute, "give up after this long, e.g. 2h")
	cmd.Flags().StringVar(&opts.Pending, "wait-pending", "fail", "a product still in review at --wait-timeout is fail (exit 11) or ok (exit 0)")
	_ = cmd.RegisterFlagCompletionFunc("wait-pending", cobra.FixedCompletions([]string{"fail", "ok"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func waitRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	client, err := f.Client()
	if err != nil {
		return err
	}
	if f.PublicOnly() {
		return cmdutil.CommandNotOfferedError("mkt product wait", "DescribeProduct (REVIEWING)")
	}
	verdicts, pending, err := start(ctx, client, opts.Codes)
	if err != nil {
		return err
	}
	if len(pending) > 0 {
		status := f.NewWaitStatus()
		manifest.Wait(ctx, client, pending, opts.Timeout, func(r manifest.Result) {
			switch r.Action {
			case "waiting":
				status.Heartbeat(r.Waiting, r.Left)
			case "transition":
				status.Print(func() { fmt.Fprintln(f.IOStreams.ErrOut, r.Code+": "+r.Detail) })
			case "listed", "rejected", "timeout":
				v := Verdict{Code: r.Code, Status: r.Action, Reason: r.Detail}
				if r.Action == "timeout" {
					v = Verdict{Code: r.Code, Status: rules.OutcomePending}
				}
				verdicts[r.Code] = v
				if key := map[string]string{"listed": "product.wait.listed", "rejected": "product.wait.rejected"}[r.Action]; key != "" {
					status.Print(func() { fmt.Fprintln(f.IOStreams.ErrOut, f.T(key, r.Code)) })
				}
			}
		})
		status.Stop()
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	return report(f, opts, verdicts)
}

// start reads each product once: listed and rejected ones are decided, those in review are
// pending, and any other state is refused — all of them at once, before anything waits.
func start(ctx context.Context, c *market.Client, codes []string) (map[string]Verdict, map[string]string, error) {
	verdicts, pending := map[string]Verdict{}, map[string]string{}
	var wrong []rules.ProductState
	for _, code := range codes {
		p, err := c.GetProduct(ctx, code)
		if err != nil {
			return nil, nil, err
		}
		switch outcome, ok := rules.ReviewOutcome(rules.State(p.Status)); {
		case !ok:
			wrong = append(wrong, rules.ProductState{Code: code, State: rules.State(p.Status)})
		case outcome == rules.OutcomePending:
			pending[code] = code
		default:
			verdicts[code] = Verdict{Code: code, Status: outcome, Reason: p.AuditFailMsg}
		}
	}
	if err := cmdutil.RuleViolation(rules.NotInReview(wrong)); err != nil {
		return nil, nil, err
	}
	return verdicts, pending, nil
}

// report prints the verdicts in the order given and exits as documented.
func report(f *cmdutil.Factory, opts *Options, verdicts map[string]Verdict) error {
	list := make([]Verdict, 0, len(opts.Codes))
	var rejected, pending int
	for _, c := range opts.Codes {
		v := verdicts[c]
		list = append(list, v)
		switch v.Status {
		case rules.OutcomeRejected:
			rejected++
		case rules.OutcomePending:
			pending++
		}
	}
	err := f.Print(list, func() error {
		t := f.IOStreams.NewTable(f.T("col.code"), f.T("col.status"), f.T("col.reason"))
		for _, v := range list {
			t.AddField(v.Code)
			t.AddField(f.Enum(i18n.EnumReviewVerdict, v.Status))
			t.AddField(v.Reason)
			t.EndRow()
		}
		return t.Render()
	})
	if err != nil {
		return err
	}
	switch {
	case rejected > 0:
		e := cmdutil.OutcomeError("apply.rejected", rejected)
		e.Remedy = i18n.M("remedy.product.rejected")
		return e
	case pending > 0 && opts.Pending == "ok":
		fmt.Fprintln(f.IOStreams.ErrOut, f.T("product.wait.pending.ok", pending))
	case pending > 0:
		return &cmdutil.Error{Kind: exitcode.Pending, Msg: i18n.M("apply.timeout", pending), Remedy: i18n.M("remedy.product.wait.timeout")}
	}
	return nil
}
