package cmdutil

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/mkt-cli/mkt/internal/exitcode"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/market"
)

func TestExitCodes(t *testing.T) {
	// README.md, Exit codes: one row per documented code.
	cases := []struct {
		name string
		err  error
		want int
	}{
		{"success", nil, 0},
		{"unclassified", errors.New("boom"), 1},
		{"failure", Failure(errors.New("disk"), "error.config.write", "/x"), 1},
		{"usage", FlagError("error.lang.invalid", "fr"), 2},
		{"rule", RuleError("Forbidden.ProductionUrlLocked", i18n.M("x"), i18n.M("y")), 3},
		{"auth", AuthError("logout.none", "default"), 4},
		{"not found", NotFoundError("x"), 5},
		{"conflict", ConflictError("x"), 6},
		{"unavailable", UnavailableError(errors.New("dial"), "x"), 7},
		{"outcome", OutcomeError("x"), 8},
		{"interrupted", context.Canceled, 130},
		{"interrupted kind", SilentError(exitcode.Interrupted), 130},
		{"wrapped", fmt.Errorf("context: %w", NotFoundError("x")), 5},
	}
	for _, c := range cases {
		if got := ExitCode(c.err); got != c.want {
			t.Errorf("%s: ExitCode = %d, want %d", c.name, got, c.want)
		}
	}
}

func TestErrorLocalized(t *testing.T) {
	e := FlagError("error.lang.invalid", "fr")
	if e.Localized(i18n.EN) != `unknown language "fr", use zh or en` {
		t.Errorf("en: %q", e.Localized(i18n.EN))
	}
	if e.Localized(i18n.ZH) == e.Localized(i18n.EN) {
		t.Error("zh message is the English one")
	}
	r := RuleError("Forbidden.ImageDelist", i18n.M("error.confirm.declined"), i18n.M("remedy.login"))
	if r.Error() != "Forbidden.ImageDelist: Cancelled: nothing changed." {
		t.Errorf("rule error: %q", r.Error())
	}
}

func TestLevenshteinSuggestion(t *testing.T) {
	if d := levenshtein("profil", "profile"); d != 1 {
		t.Errorf("d = %d", d)
	}
	if d := levenshtein("", "abc"); d != 3 {
		t.Errorf("d = %d", d)
	}
}

// A lookup the marketplace answers as unknown (exit 5) says what to check, in both languages.
func TestNotFoundHasARemedy(t *testing.T) {
	for _, err := range []error{
		&market.APIError{Action: "DescribeInstanceForIsv", HTTPStatus: 400, Code: "IllegalPermission"},
		&market.APIError{Action: "DescribePrice", HTTPStatus: 500, Code: "UnknownError"},
	} {
		var e *Error
		if !errors.As(Classify(err), &e) || e.Kind != exitcode.NotFound || e.Remedy.IsZero() || e.Remedy.In(i18n.ZH) == e.Remedy.In(i18n.EN) {
			t.Errorf("%v: %+v", err, e)
		}
	}
}
