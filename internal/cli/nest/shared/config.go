package shared

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/exitcode"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/manifest"
	"github.com/mkt-cli/mkt/internal/nest"
	"github.com/mkt-cli/mkt/internal/rules"
)

// ConfigOptions are the inputs of `mkt nest plan` and `mkt nest apply`.
type ConfigOptions struct {
	Factory          *cmdutil.Factory
	File             string
	ServiceName      string
	ParamFile        string
	Params           []string
	DryRun           bool
	DetailedExitcode bool
	Submit           bool
	Launch           bool
	Wait             bool
	Timeout          time.Duration
}

// DefaultConfig is where computenest-cli keeps a repository's service.
const DefaultConfig = ".computenest/config.yaml"

// params reads the parameters: the file's (a YAML mapping, computenest-cli's parameters file),
// then --parameter NAME=VALUE over them.
func (o *ConfigOptions) params() (map[string]string, error) {
	out := map[string]string{}
	if o.ParamFile != "" {
		b, err := os.ReadFile(o.ParamFile)
		if err != nil {
			return nil, cmdutil.FlagError("nest.flag.file", "--parameters", o.ParamFile, err.Error())
		}
		var m map[string]any
		if err := yaml.Unmarshal(b, &m); err != nil {
			return nil, cmdutil.FlagError("nest.params.invalid", o.ParamFile, err.Error())
		}
		for k, v := range m {
			out[k] = fmt.Sprint(v)
		}
	}
	for _, p := range o.Params {
		k, v, ok := strings.Cut(p, "=")
		if !ok || k == "" {
			return nil, cmdutil.FlagError("nest.param.invalid", p)
		}
		out[k] = v
	}
	return out, nil
}

// RunConfig plans the config against the target and, unless DryRun, applies it.
func RunConfig(ctx context.Context, o *ConfigOptions) error {
	f := o.Factory
	params, err := o.params()
	if err != nil {
		return err
	}
	cfg, err := nest.Load(o.File, params)
	if err != nil {
		var probs manifest.Problems
		if errors.As(err, &probs) {
			fmt.Fprintln(f.IOStreams.ErrOut, probs.In(f.Lang()))
			return &cmdutil.Error{Kind: exitcode.Usage, Msg: i18n.M("nest.config.invalid", len(probs))}
		}
		if errors.Is(err, os.ErrNotExist) {
			return cmdutil.FlagError("nest.config.missing", o.File).WithRemedy("remedy.nest.config")
		}
		return err
	}
	name := o.ServiceName
	if name == "" {
		name = cfg.Name
	}
	client, err := f.Client()
	if err != nil {
		return err
	}
	st, err := nest.Fetch(ctx, client, cfg, name)
	if err != nil {
		return err
	}
	plan := nest.MakePlan(cfg, st, name)
	plan.Localize(f.Lang())
	if o.DryRun {
		if err := f.Print(plan, func() error { PrintPlan(f, f.IOStreams.Out, plan); return nil }); err != nil {
			return err
		}
		if b := plan.Blocked(); b != nil {
			return &cmdutil.Error{Kind: exitcode.Rule, Code: rules.CodeNestStatus, Msg: b.Why, Remedy: b.Remedy}
		}
		if o.DetailedExitcode && plan.Changes() {
			return &cmdutil.Error{Kind: exitcode.Changes, Msg: i18n.M("nest.plan.changes")}
		}
		return nil
	}
	if len(cfg.Ignored) > 0 {
		fmt.Fprintln(f.IOStreams.ErrOut, f.T("nest.ignored", strings.Join(cfg.Ignored, ", ")))
	}
	res, err := nest.Apply(ctx, client, cfg, st, plan, nest.ApplyOptions{Submit: o.Submit, Launch: o.Launch, Wait: o.Wait,
		WaitTimeout: o.Timeout, Poll: Poll, Done: func(s nest.Step) { f.Success("nest.applied", StepLine(f, s)) }})
	if err != nil {
		return ApplyError(f, err)
	}
	return f.Print(res, func() error {
		fmt.Fprintln(f.IOStreams.Out, f.T("nest.apply.done", res.ServiceID, res.Version, i18n.E(i18n.EnumNestStatus, res.Status)))
		return nil
	})
}

// StepLine is one step as a line: kind, key, action, ID, version, status.
func StepLine(f *cmdutil.Factory, s nest.Step) string {
	line := f.Enum(i18n.EnumNestKind, s.Kind) + " " + s.Key + "：" + f.Enum(i18n.EnumNestAction, s.Action)
	if f.Lang() != i18n.ZH {
		line = s.Kind + " " + s.Key + ": " + s.Action
	}
	if s.ID != "" {
		line += " " + s.ID
	}
	if s.Version != "" {
		line += " v" + s.Version
	}
	switch {
	case s.Status == "":
	case f.Lang() == i18n.ZH:
		line += "，" + f.EnumBeside(statusKind(s.Kind), s.Status)
	default:
		line += " (" + s.Status + ")"
	}
	return line
}

func statusKind(kind string) string {
	if kind == "artifact" {
		return i18n.EnumArtifactStatus
	}
	return i18n.EnumNestStatus
}

// PrintPlan writes a plan for people: the service, each step with why and its changes.
func PrintPlan(f *cmdutil.Factory, w io.Writer, p nest.Plan) {
	st := f.IOStreams.Styles()
	id := p.ServiceID
	if id == "" {
		id = f.T("nest.plan.new")
	}
	fmt.Fprintln(w, f.T("nest.plan.head", p.Service, id))
	n := 0
	for _, s := range p.Steps {
		mark, style := "~", st.Warning
		switch s.Action {
		case nest.Create, nest.Upload, nest.NewVersion:
			mark, style = "+", st.Success
		case nest.Unchanged:
			mark, style = "=", st.Muted
		case nest.Blocked:
			mark, style = "!", st.Error
		}
		if s.Action != nest.Unchanged {
			n++
		}
		fmt.Fprintln(w, style.Render("  "+mark+" "+StepLine(f, s)))
		if s.WhyText != "" {
			fmt.Fprintln(w, "      "+s.WhyText)
		}
		if s.Next != "" {
			fmt.Fprintln(w, "      "+f.T("nest.plan.next", s.Next))
		}
		for _, c := range s.Changes {
			fmt.Fprintf(w, "      %s: %s → %s\n", c.Field, short(c.From), short(c.To))
		}
	}
	if len(p.Ignored) > 0 {
		fmt.Fprintln(w, st.Muted.Render(f.T("nest.ignored", strings.Join(p.Ignored, ", "))))
	}
	fmt.Fprintln(w, f.T("nest.plan.summary", n))
}

// short is a value as the plan shows it: quoted (JSON leaves already are), cut at 80
// characters; ∅ for none.
func short(s string) string {
	if s == "" {
		return "∅"
	}
	if !strings.HasPrefix(s, `"`) {
		s = strconv.Quote(s)
	}
	if r := []rune(s); len(r) > 80 {
		return string(r[:77]) + "…"
	}
	return s
}

// ConfigFlags declares the flags plan and apply share.
func ConfigFlags(cmd *cobra.Command, o *ConfigOptions) {
	fl := cmd.Flags()
	fl.StringVarP(&o.File, "file", "f", DefaultConfig, "computenest-cli's config")
	fl.StringVar(&o.ServiceName, "service-name", "", "the service's name (default: its zh-CN name in the config)")
	fl.StringVar(&o.ParamFile, "parameters", "", "a YAML file of ${Name} values (computenest-cli's parameters)")
	fl.StringArrayVar(&o.Params, "parameter", nil, "a ${Name} value, NAME=VALUE (repeatable)")
}

// ApplyError is how a failed nest.Apply ends a command: a status rule is exit 3 with its
// remedy, a wait that ran out is exit 11, anything else as it is.
func ApplyError(f *cmdutil.Factory, err error) error {
	var v *rules.Violation
	var wt *nest.WaitTimeout
	switch {
	case errors.As(err, &v):
		return cmdutil.RuleViolation(v)
	case errors.As(err, &wt):
		return Pending(wt.What, f.EnumBeside(i18n.EnumNestStatus, wt.Status))
	}
	return err
}
