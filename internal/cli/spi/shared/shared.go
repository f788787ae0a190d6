// Package shared is what the `mkt spi` verbs (and `mkt product endpoint set --check`) share:
// key=value arguments, URL checks and the conformance report.
package shared

import (
	"context"
	"net/url"
	"strings"
	"time"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/rules"
	"github.com/mkt-cli/mkt/internal/spi"
)

// ParseKV reads key=value arguments (a key may repeat).
func ParseKV(args []string) (url.Values, error) {
	p := url.Values{}
	for _, a := range args {
		k, v, ok := strings.Cut(a, "=")
		if !ok || k == "" {
			return nil, cmdutil.FlagError("api.param.invalid", a)
		}
		p.Add(k, v)
	}
	return p, nil
}

// CheckURL refuses a production (or forward) URL that is missing or not absolute http(s).
func CheckURL(u, commandPath string) error {
	if u == "" {
		return cmdutil.FlagError("spi.url.missing").WithRemedy("remedy.help", commandPath)
	}
	if v := rules.CheckURL("production URL", u); v != nil {
		return cmdutil.FlagError("spi.url.invalid", u)
	}
	return nil
}

// CheckReport is what `spi check -o json` prints.
type CheckReport struct {
	URL    string            `json:"url"`
	Passed bool              `json:"passed"`
	Checks []spi.CheckResult `json:"checks"`
}

// RunCheck runs the conformance suite and prints it; a failure is exit 8.
func RunCheck(ctx context.Context, f *cmdutil.Factory, target, key string, budget time.Duration, tries int) error {
	ch := &spi.Checker{Caller: &spi.Caller{Key: key, Timeout: 2 * budget}, Endpoint: target, Budget: budget, PendingTries: tries}
	rs := ch.Run(ctx)
	rep := CheckReport{URL: target, Passed: spi.Passed(rs), Checks: rs}
	err := f.Print(rep, func() error {
		st := f.IOStreams.Styles()
		t := f.IOStreams.NewTable()
		for _, r := range rs {
			if r.Passed {
				t.AddStyledField(f.Enum(i18n.EnumCheckResult, "PASS"), st.Success)
			} else {
				t.AddStyledField(f.Enum(i18n.EnumCheckResult, "FAIL"), st.Error)
			}
			t.AddField(r.Title.In(f.Lang()))
			t.AddStyledField(r.Detail, st.Muted)
			t.EndRow()
		}
		return t.Render()
	})
	if err != nil {
		return err
	}
	if !rep.Passed {
		return cmdutil.OutcomeError("spi.check.failed", target).WithRemedy("remedy.spi.check")
	}
	return nil
}
