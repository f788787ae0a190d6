package listing

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	nestshared "github.com/mkt-cli/mkt/internal/cli/nest/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/exitcode"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/manifest"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/nest"
)

// ServiceRun is a Compute Nest service of the manifest: its config read, the target's state
// and the plan between them.
type ServiceRun struct {
	Key   string
	Name  string
	Cfg   *nest.Config
	State *nest.State
	Plan  nest.Plan
	// Result is what apply did (nil when it did nothing).
	Result *nest.Result
}

// ServiceReport is a Compute Nest service of the manifest as -o json and -o yaml print it: its
// key, its plan and, after apply, what was applied.
type ServiceReport struct {
	Key    string       `json:"key"`
	Plan   nest.Plan    `json:"plan"`
	Result *nest.Result `json:"result,omitempty"`
}

func serviceReports(runs []ServiceRun) []ServiceReport {
	var out []ServiceReport
	for _, r := range runs {
		out = append(out, ServiceReport{Key: r.Key, Plan: r.Plan, Result: r.Result})
	}
	return out
}

// serviceRows are the services as rows, in the manifest plan's columns: after apply what was
// applied ("applied", the version and its status), else the plan — the action, the fields
// that change or why it is blocked.
func serviceRows(runs []ServiceRun) []Row {
	rows := []Row{}
	for _, r := range runs {
		rows = append(rows, serviceRow(r))
	}
	return rows
}

func serviceRow(r ServiceRun) Row {
	if res := r.Result; res != nil {
		return Row{"applied", "service", r.Key, res.ServiceID, "v" + res.Version + " " + res.Status}
	}
	svc := r.Plan.Steps[len(r.Plan.Steps)-1]
	detail := svc.WhyText
	if detail == "" {
		var fields []string
		for _, c := range svc.Changes {
			fields = append(fields, c.Field)
		}
		detail = strings.Join(fields, ",")
	}
	action := svc.Action
	if action == nest.Unchanged && r.Plan.Changes() {
		action = nest.Update // its files or artifacts change
	}
	return Row{action, "service", r.Key, r.Plan.ServiceID, detail}
}

func (r Row) tsv() string {
	return strings.Join([]string{r.Action, r.Kind, r.Key, r.Code, r.Detail}, "\t")
}

// loadServices reads each service's computenest-cli config (relative to the manifest) and
// plans it. A config's problems are reported with the manifest line of its service and the
// config's own lines, all at once, exit 2.
func loadServices(ctx context.Context, f *cmdutil.Factory, client *market.Client, m *manifest.Manifest) ([]ServiceRun, error) {
	var runs []ServiceRun
	var probs manifest.Problems
	for _, sv := range m.Services {
		file := sv.File
		if !filepath.IsAbs(file) {
			file = filepath.Join(m.Dir, file)
		}
		cfg, err := nest.Load(file, sv.Parameters)
		if err != nil {
			var inner manifest.Problems
			if !errors.As(err, &inner) {
				inner = manifest.Problems{{Msg: i18n.M("nest.config.badfile", sv.File, i18n.OSErr(err))}}
			}
			probs = append(probs, manifest.Problem{Line: sv.Line(), Msg: i18n.M("nest.manifest.problems", sv.Key, sv.File, indented(inner))})
			continue
		}
		name := sv.ServiceName
		if name == "" {
			name = cfg.Name
		}
		runs = append(runs, ServiceRun{Key: sv.Key, Name: name, Cfg: cfg})
	}
	if len(probs) > 0 {
		fmt.Fprintln(f.IOStreams.ErrOut, probs.In(f.Lang()))
		return nil, &cmdutil.Error{Kind: exitcode.Usage, Msg: i18n.M("apply.invalid", len(probs))}
	}
	for i := range runs {
		st, err := nest.Fetch(ctx, client, runs[i].Cfg, runs[i].Name)
		if err != nil {
			return nil, err
		}
		runs[i].State = st
		runs[i].Plan = nest.MakePlan(runs[i].Cfg, st, runs[i].Name)
		runs[i].Plan.Localize(f.Lang())
	}
	return runs, nil
}

// serviceCounts are the services that change and that are blocked.
func serviceCounts(runs []ServiceRun) (changes, blocked int) {
	for _, r := range runs {
		switch {
		case r.Plan.Blocked() != nil:
			blocked++
		case r.Plan.Changes():
			changes++
		}
	}
	return changes, blocked
}

// printServicePlans writes each service's plan without -o: on a terminal as mkt nest plan
// does; in a pipe one row per service (serviceRow). With -o the report holds them.
func printServicePlans(f *cmdutil.Factory, runs []ServiceRun) {
	ios := f.IOStreams
	if whole, records := report(f); whole || records {
		return
	}
	for _, r := range runs {
		if ios.IsStdoutTTY() {
			nestshared.PrintPlan(f, ios.Out, r.Plan)
			continue
		}
		fmt.Fprintln(ios.Out, serviceRow(r).tsv())
	}
}

// applyServices applies each service's plan (submitting its draft with --submit), reporting
// each step; the first failure stops it.
func applyServices(ctx context.Context, opts *Options, client *market.Client, runs []ServiceRun) error {
	f := opts.Factory
	whole, records := report(f)
	for i, r := range runs {
		if !r.Plan.Changes() && !opts.Submit {
			continue
		}
		res, err := nest.Apply(ctx, client, r.Cfg, r.State, r.Plan, nest.ApplyOptions{Submit: opts.Submit, Wait: opts.Wait,
			WaitTimeout: opts.WaitTimeout, Poll: nestshared.Poll, Done: func(s nest.Step) { f.Success("nest.applied", r.Key+" · "+nestshared.StepLine(f, s)) }})
		if err != nil {
			return nestshared.ApplyError(f, err)
		}
		runs[i].Result = &res
		if !f.IOStreams.IsStdoutTTY() && !whole && !records {
			fmt.Fprintln(f.IOStreams.Out, serviceRow(runs[i]).tsv())
		}
	}
	return nil
}

// indented renders a config's problems under its service, two spaces in.
type indented manifest.Problems

func (p indented) In(lang i18n.Lang) string {
	return "  " + strings.ReplaceAll(manifest.Problems(p).In(lang), "\n", "\n  ")
}
