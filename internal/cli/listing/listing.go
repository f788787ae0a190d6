// Package listing is what `mkt apply`, `mkt plan` and `mkt export` share: running a listing
// manifest against the marketplace and printing the plan and the results.
package listing

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync/atomic"
	"time"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/exitcode"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/iostreams"
	"github.com/mkt-cli/mkt/internal/manifest"
	"github.com/mkt-cli/mkt/internal/market"
)

// Options are the inputs of `mkt apply`.
type Options struct {
	Factory          *cmdutil.Factory
	File             string
	DryRun           bool
	DetailedExitcode bool
	Parallel         int
	Submit           bool
	Wait             bool
	WaitTimeout      time.Duration
	// WaitPending is what a product still in review at the deadline means: "fail" (exit 11)
	// or "ok".
	WaitPending string
	Schema      bool
}

func lookupEnv(f *cmdutil.Factory) func(string) (string, bool) {
	return func(k string) (string, bool) {
		if f.Getenv == nil {
			return os.LookupEnv(k)
		}
		v := f.Getenv(k)
		if v == "" {
			_, ok := os.LookupEnv(k)
			return v, ok && f.Getenv(k) == os.Getenv(k)
		}
		return v, true
	}
}

// PlanReport is what `-o json` prints: the products' plan, the Compute Nest services' (each
// with what apply did), and the products' apply results.
type PlanReport struct {
	Plan     manifest.Plan     `json:"plan"`
	Services []ServiceReport   `json:"services,omitempty"`
	Results  []manifest.Result `json:"results,omitempty"`
}

// Row is one plan item or apply result as -o csv and -o tsv print it — the same columns, in
// the same order, as the rows plan and apply print in a pipe.
type Row struct {
	Action string `json:"action"`
	Kind   string `json:"kind"`
	Key    string `json:"key"`
	Code   string `json:"code"`
	Detail string `json:"detail"`
}

// report reports whether the chosen output is the whole report (-o json, yaml) and whether it
// is records (-o csv, tsv).
func report(f *cmdutil.Factory) (whole, records bool) {
	switch f.OutputFormat() {
	case "json", "yaml":
		return true, false
	case "csv", "tsv":
		return false, true
	}
	return false, false
}

// writePlan prints the plan and the services' in the chosen form; records also show what is
// notable on stderr. The services' human form was printed before.
func writePlan(f *cmdutil.Factory, plan manifest.Plan, services []ServiceRun) error {
	whole, records := report(f)
	switch {
	case whole:
		return f.Print(PlanReport{Plan: plan, Services: serviceReports(services)}, nil)
	case records:
		rows := serviceRows(services)
		var notable []manifest.Item
		for _, it := range plan.Items {
			rows = append(rows, Row{string(it.Action), it.Kind, it.Key, it.Code, planDetail(it)})
			if it.Action != manifest.Unchanged && it.Action != manifest.InSync {
				notable = append(notable, it)
			}
		}
		printPlanHuman(f.IOStreams.ErrOut, f.IOStreams.StylesErr(), f.Lang(), notable)
		return f.Print(rows, nil)
	}
	printPlan(f.IOStreams, f.Lang(), plan)
	return nil
}

// LoadPlan reads the manifest file and plans it against the target: a drift check against a
// live endpoint without the seller extension, the plan mkt apply would follow elsewhere.
// Problems in the file are reported on stderr and are exit 2. The manifest's Compute Nest
// services are planned too (their API is public: the same plan live and in the sandbox).
func LoadPlan(ctx context.Context, f *cmdutil.Factory, client *market.Client, file string) (manifest.Plan, []ServiceRun, error) {
	m, err := manifest.Load(file, f.IOStreams.In, lookupEnv(f))
	if err != nil {
		var probs manifest.Problems
		if errors.As(err, &probs) {
			fmt.Fprintln(f.IOStreams.ErrOut, probs.In(f.Lang()))
			return manifest.Plan{}, nil, &cmdutil.Error{Kind: exitcode.Usage, Msg: i18n.M("apply.invalid", len(probs))}
		}
		return manifest.Plan{}, nil, err
	}
	services, err := loadServices(ctx, f, client, m)
	if err != nil {
		return manifest.Plan{}, nil, err
	}
	plan, err := productPlan(ctx, f, client, m)
	return plan, services, err
}

func productPlan(ctx context.Context, f *cmdutil.Factory, client *market.Client, m *manifest.Manifest) (manifest.Plan, error) {
	var plan manifest.Plan
	if f.PublicOnly() {
		account, err := f.CallerAccount(ctx)
		if err != nil {
			return plan, err
		}
		live, err := manifest.FetchLive(ctx, client, account, m)
		if err != nil {
			return plan, err
		}
		plan = manifest.DriftPlan(m, live)
	} else {
		snap, err := manifest.Fetch(ctx, client)
		if err != nil {
			return plan, err
		}
		plan = manifest.MakePlan(m, snap)
	}
	plan.Localize(f.Lang())
	return plan, nil
}

// Run plans (and, unless DryRun, applies) the manifest opts.File.
func Run(ctx context.Context, opts *Options) error {
	f := opts.Factory
	ios := f.IOStreams
	client, err := f.Client()
	if err != nil {
		return err
	}
	plan, services, err := LoadPlan(ctx, f, client, opts.File)
	if err != nil {
		return err
	}
	svcChanges, svcBlocked := serviceCounts(services)
	if opts.DryRun {
		printServicePlans(f, services)
		if len(services) > 0 {
			fmt.Fprintln(ios.ErrOut, f.T("apply.summary.services", svcChanges, len(services)-svcChanges-svcBlocked, svcBlocked))
		}
	} else if err := applyServices(ctx, opts, client, services); err != nil {
		return err
	}
	if f.PublicOnly() {
		if len(plan.Items) == 0 && len(services) > 0 {
			return servicesOnly(opts, services, svcChanges, svcBlocked)
		}
		return driftRun(opts, plan, services, svcChanges)
	}
	creates, updates, unchanged, blocked := plan.Count(manifest.Create), plan.Count(manifest.Update), plan.Count(manifest.Unchanged), plan.Count(manifest.Blocked)

	if opts.DryRun {
		if err := writePlan(f, plan, services); err != nil {
			return err
		}
		fmt.Fprintln(ios.ErrOut, f.T("apply.summary", creates, updates, unchanged, blocked))
		if blocked+svcBlocked > 0 {
			return &cmdutil.Error{Kind: exitcode.Rule, Msg: i18n.M("apply.blocked", blocked+svcBlocked), Remedy: i18n.M("remedy.apply.blocked")}
		}
		if opts.DetailedExitcode && creates+updates+svcChanges > 0 {
			return &cmdutil.Error{Kind: exitcode.Changes, Silent: true, Err: errChanges}
		}
		return nil
	}

	total := creates + updates
	var n atomic.Int64
	whole, records := report(f)
	jsonOut := whole || records
	if !jsonOut && blocked > 0 {
		printPlan(ios, f.Lang(), onlyBlocked(plan))
	}
	status := f.NewWaitStatus()
	results := manifest.Apply(ctx, client, plan, manifest.Options{
		Parallel: opts.Parallel, Submit: opts.Submit, Wait: opts.Wait, Timeout: opts.WaitTimeout,
		Progress: func(r manifest.Result) {
			if r.Action == "waiting" { // the heartbeat: on stderr, also with -o json
				status.Heartbeat(r.Waiting, r.Left)
				return
			}
			if jsonOut || r.Action == "blocked" {
				return
			}
			status.Print(func() { printResult(ios, f.Lang(), r, &n, total) })
		},
	})
	status.Stop()
	switch {
	case whole:
		if err := f.Print(PlanReport{Plan: plan, Services: serviceReports(services), Results: results}, nil); err != nil {
			return err
		}
	case records:
		rows := serviceRows(services)
		for _, it := range onlyBlocked(plan).Items {
			rows = append(rows, Row{string(it.Action), it.Kind, it.Key, it.Code, planDetail(it)})
		}
		for _, r := range results {
			if r.Action != "blocked" {
				rows = append(rows, Row{r.Action, r.Kind, r.Key, r.Code, r.Detail})
			}
		}
		if err := f.Print(rows, nil); err != nil {
			return err
		}
	}
	var failed, rejected, timedOut int
	var firstErr error
	for _, r := range results {
		switch r.Action {
		case "failed":
			failed++
			if firstErr == nil {
				firstErr = r.Err
			}
		case "rejected":
			rejected++
		case "timeout":
			timedOut++
		}
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	f.Success("apply.done", countAction(results, "created"), countAction(results, "updated"), unchanged)
	switch {
	case failed > 0:
		fmt.Fprintln(ios.ErrOut, f.T("apply.failed", failed))
		return firstErr
	case blocked > 0:
		return &cmdutil.Error{Kind: exitcode.Rule, Msg: i18n.M("apply.blocked", blocked), Remedy: i18n.M("remedy.apply.blocked")}
	case rejected > 0:
		e := cmdutil.OutcomeError("apply.rejected", rejected)
		e.Remedy = i18n.M("remedy.apply.rejected")
		return e
	case timedOut > 0 && opts.WaitPending == "ok":
		fmt.Fprintln(ios.ErrOut, f.T("apply.timeout.ok", timedOut))
	case timedOut > 0:
		return &cmdutil.Error{Kind: exitcode.Pending, Msg: i18n.M("apply.timeout", timedOut), Remedy: i18n.M("remedy.apply.timeout")}
	}
	return nil
}

var errChanges = errors.New("the plan has changes")

func countAction(rs []manifest.Result, action string) int {
	n := 0
	for _, r := range rs {
		if r.Action == action {
			n++
		}
	}
	return n
}

func onlyBlocked(p manifest.Plan) manifest.Plan {
	var out manifest.Plan
	for _, it := range p.Items {
		if it.Action == manifest.Blocked {
			out.Items = append(out.Items, it)
		}
	}
	return out
}

// driftRun is plan and apply against a live endpoint without the seller extension: a drift
// check of the manifest against the live listing (public actions only). Plan exits 9 with
// --detailed-exitcode when anything drifted; apply changes nothing it cannot and exits 10 with
// the plan, so a release pipeline can verify what the seller console made live.
func driftRun(opts *Options, plan manifest.Plan, services []ServiceRun, svcChanges int) error {
	f := opts.Factory
	ios := f.IOStreams
	if err := writePlan(f, plan, services); err != nil {
		return err
	}
	drifted := plan.Count(manifest.Drift)
	fmt.Fprintln(ios.ErrOut, f.T("drift.summary", drifted, plan.Count(manifest.InSync), plan.Count(manifest.Unchecked)))
	switch {
	case !opts.DryRun:
		return &cmdutil.Error{Kind: exitcode.NotOffered, Code: "NotOffered", Msg: i18n.M("drift.apply"), Remedy: i18n.M("remedy.notoffered")}
	case opts.DetailedExitcode && drifted+svcChanges > 0:
		return &cmdutil.Error{Kind: exitcode.Changes, Silent: true, Err: errChanges}
	}
	return nil
}

// servicesOnly ends a live run of a manifest that holds only Compute Nest services: they were
// planned (or applied) like everywhere, and nothing needs the seller console. With -o, the
// report holds them (and an empty product plan).
func servicesOnly(opts *Options, services []ServiceRun, changes, blocked int) error {
	if whole, records := report(opts.Factory); whole || records {
		if err := writePlan(opts.Factory, manifest.Plan{Items: []manifest.Item{}}, services); err != nil {
			return err
		}
	}
	switch {
	case blocked > 0:
		return &cmdutil.Error{Kind: exitcode.Rule, Msg: i18n.M("apply.blocked", blocked), Remedy: i18n.M("remedy.apply.blocked")}
	case opts.DryRun && opts.DetailedExitcode && changes > 0:
		return &cmdutil.Error{Kind: exitcode.Changes, Silent: true, Err: errChanges}
	}
	return nil
}

// printPlan writes the plan: for people on a terminal; in a pipe one tab-separated row per
// item on stdout — action, kind, key, code, detail (the fields that change, or a blocked item's
// rule and reason) — blocked items included, and the human form of what is not unchanged on
// stderr, for the CI log.
func printPlan(ios *iostreams.IOStreams, lang i18n.Lang, p manifest.Plan) {
	if ios.IsStdoutTTY() {
		printPlanHuman(ios.Out, ios.Styles(), lang, p.Items)
		return
	}
	var notable []manifest.Item
	for _, it := range p.Items {
		fmt.Fprintln(ios.Out, strings.Join([]string{string(it.Action), it.Kind, it.Key, it.Code, planDetail(it)}, "\t"))
		if it.Action != manifest.Unchanged && it.Action != manifest.InSync {
			notable = append(notable, it)
		}
	}
	printPlanHuman(ios.ErrOut, ios.StylesErr(), lang, notable)
}

// planDetail is an item's last column in a pipe: a blocked item's rule and reason, else the
// fields that change.
func planDetail(it manifest.Item) string {
	var d string
	if b := it.Block; b != nil {
		d = b.Code + ": " + b.Text
	} else {
		fields := make([]string, len(it.Changes))
		for i, c := range it.Changes {
			fields[i] = c.Field
		}
		d = strings.Join(fields, ",")
	}
	return strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(d)
}

func printPlanHuman(w io.Writer, st *iostreams.Styles, lang i18n.Lang, items []manifest.Item) {
	for _, it := range items {
		mark, style := "=", st.Muted
		switch it.Action {
		case manifest.Create:
			mark, style = "+", st.Success
		case manifest.Update:
			mark, style = "~", st.Warning
		case manifest.Blocked:
			mark, style = "!", st.Error
		case manifest.Drift:
			mark, style = "≠", st.Warning
		case manifest.Unchecked:
			mark, style = "?", st.Muted
		}
		code := ""
		if it.Code != "" {
			code = " " + it.Code
			if it.Status != "" {
				code += " (" + i18n.Enum(lang, i18n.EnumProductState, it.Status) + ")"
			}
		}
		fmt.Fprintln(w, style.Render(fmt.Sprintf("%s %s %s %s%s", mark, i18n.Enum(lang, i18n.EnumPlanAction, string(it.Action)),
			i18n.Enum(lang, i18n.EnumPlanKind, it.Kind), it.Key, code)))
		for _, c := range it.Changes {
			if it.Action == manifest.Create {
				fmt.Fprintf(w, "    %s: %s\n", c.Field, c.New)
			} else {
				fmt.Fprintf(w, "    %s: %s → %s\n", c.Field, orNone(c.Old), c.New)
			}
		}
		if b := it.Block; b != nil {
			fmt.Fprintf(w, "    %s: %s\n", b.Code, b.Text)
			if b.Next != "" {
				fmt.Fprintf(w, "    %s%s\n", i18n.T(lang, "label.try"), b.Next)
			}
		}
	}
}

func orNone(s string) string {
	if s == "" {
		return `""`
	}
	return s
}

// printResult writes one applied item: tab-separated in a pipe (CI logs, scripts), with a
// counter on a terminal.
func printResult(ios *iostreams.IOStreams, lang i18n.Lang, r manifest.Result, n *atomic.Int64, total int) {
	if !ios.IsStdoutTTY() {
		fmt.Fprintln(ios.Out, strings.Join([]string{r.Action, r.Kind, r.Key, r.Code, r.Detail}, "\t"))
		return
	}
	st := ios.Styles()
	prefix := ""
	if r.Action == "created" || r.Action == "updated" || r.Action == "failed" {
		prefix = fmt.Sprintf("[%d/%d] ", n.Add(1), total)
	}
	style := st.Success
	switch r.Action {
	case "failed", "rejected", "timeout":
		style = st.Error
	case "submitted", "transition":
		style = st.Muted
	}
	line := fmt.Sprintf("%s%s %s %s %s", prefix, i18n.Enum(lang, i18n.EnumPlanAction, r.Action), i18n.Enum(lang, i18n.EnumPlanKind, r.Kind), r.Key, r.Code)
	if r.Detail != "" {
		line += "  " + r.Detail
	}
	fmt.Fprintln(ios.Out, style.Render(line))
}
