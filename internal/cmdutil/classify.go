package cmdutil

import (
	"context"
	"errors"
	"strings"

	"github.com/mkt-cli/mkt/internal/config"
	"github.com/mkt-cli/mkt/internal/exitcode"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/market"
)

// Classify gives every error mkt meets its kind (hence its exit code) and a next step: the
// API client's errors, configuration errors, and cobra's own untyped errors. Main and the
// command tests use it; nothing else decides an exit code.
func Classify(err error) error {
	var e *Error
	if errors.As(err, &e) {
		return err
	}
	var re *config.ResolveError
	if errors.As(err, &re) {
		return &Error{Kind: exitcode.Auth, Msg: re.Msg, Remedy: re.Remedy, Err: err}
	}
	if e := classifyMarket(err); e != nil {
		return e
	}
	var ke *config.KeyError
	if errors.As(err, &ke) {
		return &Error{Kind: exitcode.Usage, Msg: ke.Msg, Remedy: ke.Remedy, Err: err}
	}
	var ee *config.EnvError
	if errors.As(err, &ee) {
		return &Error{Kind: exitcode.Usage, Msg: ee.Msg, Err: err}
	}
	var pe *config.ParseError
	if errors.As(err, &pe) {
		return &Error{Kind: exitcode.Usage, Msg: i18n.M("config.parse", pe.Path, pe.Err.Error()), Remedy: i18n.M("remedy.config.fix", pe.Path), Err: err}
	}
	msg := err.Error()
	if strings.HasPrefix(msg, "unknown command ") {
		// cobra's root-level message already carries "Did you mean this?" lines.
		first, rest, _ := strings.Cut(msg, "\n")
		e := &Error{Kind: exitcode.Usage, Err: errors.New(first)}
		if _, sugg, ok := strings.Cut(rest, "Did you mean this?\n"); ok {
			e.Remedy = i18n.M("remedy.didyoumean", "mkt "+strings.TrimSpace(strings.SplitN(sugg, "\n", 2)[0]))
		} else {
			e.Remedy = i18n.M("remedy.help", "mkt")
		}
		return e
	}
	if strings.HasPrefix(msg, "invalid argument ") || strings.HasPrefix(msg, "flag needs an argument") ||
		strings.HasPrefix(msg, "unknown flag") || strings.HasPrefix(msg, "unknown shorthand flag") ||
		strings.HasPrefix(msg, "required flag") || strings.HasPrefix(msg, "if any flags in the group") {
		return FlagErrorWrap(err)
	}
	return err
}

// classifyMarket maps the API client's errors onto exit codes, with a next step.
func classifyMarket(err error) *Error {
	var no *market.NotOfferedError
	if errors.As(err, &no) {
		return NotOfferedError(no.Action)
	}
	var ex *market.RetriesExhaustedError
	if errors.As(err, &ex) {
		return &Error{Kind: exitcode.Unavailable, Err: err, Remedy: i18n.M("remedy.unavailable")}
	}
	var te *market.TransportError
	if errors.As(err, &te) {
		return &Error{Kind: exitcode.Unavailable, Err: err, Remedy: i18n.M("remedy.unreachable")}
	}
	var de *market.DecodeError
	if errors.As(err, &de) {
		return &Error{Kind: exitcode.Unavailable, Err: err, Remedy: i18n.M("remedy.unavailable")}
	}
	var ae *market.APIError
	if errors.As(err, &ae) {
		e := &Error{Kind: ae.Kind(), Err: err}
		switch ae.Kind() {
		case exitcode.Auth:
			e.Remedy = i18n.M("remedy.status")
		case exitcode.Unavailable:
			e.Remedy = i18n.M("remedy.unavailable")
		case exitcode.NotFound:
			e.Remedy = i18n.M("remedy.notfound")
		}
		if ae.Code == "InvalidAction.NotFound" {
			e.Remedy = i18n.M("remedy.apidocs")
		}
		// The sandbox puts a rule's next step, in the caller's language, where the real API
		// puts a troubleshooting URL.
		if r := ae.Recommend; r != "" && !strings.HasPrefix(r, "http://") && !strings.HasPrefix(r, "https://") {
			e.Remedy = i18n.M("raw", r)
		}
		return e
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return &Error{Kind: exitcode.Unavailable, Err: err, Remedy: i18n.M("remedy.unreachable")}
	}
	return nil
}
