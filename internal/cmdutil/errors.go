// Package cmdutil is what commands share: the Factory, typed errors and their exit codes,
// output printing and argument helpers.
package cmdutil

import (
	"context"
	"errors"

	"github.com/mkt-cli/mkt/internal/exitcode"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/rules"
)

// Error is mkt's typed error: a kind (hence an exit code), an optional marketplace error code,
// a message and a next step in the merchant's language, and the underlying cause.
type Error struct {
	Kind exitcode.Kind
	// Code is the marketplace error code, e.g. Forbidden.ProductionUrlLocked.
	Code   string
	Msg    i18n.Message
	Remedy i18n.Message
	Err    error
	// Silent errors set the exit code but print nothing (the command already reported).
	Silent bool
}

func (e *Error) Error() string { return e.Localized(i18n.EN) }

// Localized renders the message (not the remedy) in lang.
func (e *Error) Localized(lang i18n.Lang) string {
	msg := ""
	if !e.Msg.IsZero() {
		msg = e.Msg.In(lang)
	} else if e.Err != nil {
		msg = e.Err.Error()
	}
	if e.Code != "" && msg != "" {
		return e.Code + ": " + msg
	}
	if e.Code != "" {
		return e.Code
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// WithRemedy returns e with a next step.
func (e *Error) WithRemedy(key string, args ...any) *Error {
	e.Remedy = i18n.M(key, args...)
	return e
}

// FlagError is a usage error (exit 2) with a catalog message.
func FlagError(key string, args ...any) *Error {
	return &Error{Kind: exitcode.Usage, Msg: i18n.M(key, args...)}
}

// FlagErrorWrap turns a parse error from cobra or pflag into a usage error.
func FlagErrorWrap(err error) *Error {
	return &Error{Kind: exitcode.Usage, Err: err}
}

// RuleError is a refusal by a marketplace rule (exit 3).
func RuleError(code string, msg, remedy i18n.Message) *Error {
	return &Error{Kind: exitcode.Rule, Code: code, Msg: msg, Remedy: remedy}
}

// AuthError is missing or rejected credentials (exit 4).
func AuthError(key string, args ...any) *Error {
	return &Error{Kind: exitcode.Auth, Msg: i18n.M(key, args...)}
}

// NotFoundError is exit 5.
func NotFoundError(key string, args ...any) *Error {
	return &Error{Kind: exitcode.NotFound, Msg: i18n.M(key, args...)}
}

// ConflictError is exit 6.
func ConflictError(key string, args ...any) *Error {
	return &Error{Kind: exitcode.Conflict, Msg: i18n.M(key, args...)}
}

// UnavailableError is exit 7.
func UnavailableError(err error, key string, args ...any) *Error {
	return &Error{Kind: exitcode.Unavailable, Msg: i18n.M(key, args...), Err: err}
}

// OutcomeError is exit 8: the work finished and its outcome is a failure.
func OutcomeError(key string, args ...any) *Error {
	return &Error{Kind: exitcode.Outcome, Msg: i18n.M(key, args...)}
}

// SilentError sets an exit code without printing anything more.
func SilentError(kind exitcode.Kind) *Error { return &Error{Kind: kind, Silent: true} }

// Failure wraps an unclassified error (exit 1) with a catalog message.
func Failure(err error, key string, args ...any) *Error {
	return &Error{Kind: exitcode.Failure, Msg: i18n.M(key, append(args, err)...), Err: err}
}

// ExitCode maps any error to mkt's exit code. This is the one place the mapping lives.
func ExitCode(err error) int {
	if err == nil {
		return exitcode.OK
	}
	return KindOf(err).Code()
}

// KindOf returns the kind of err (exitcode.Failure for untyped errors).
func KindOf(err error) exitcode.Kind {
	var ps *Problems
	if errors.As(err, &ps) {
		return ps.Kind()
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	if errors.Is(err, context.Canceled) {
		return exitcode.Interrupted
	}
	return exitcode.Failure
}

// RuleViolation turns a local rule violation into the CLI's error: exit 3 for a marketplace
// rule, 2 for malformed input. A nil violation is no error.
func RuleViolation(v *rules.Violation) error {
	if v == nil {
		return nil
	}
	kind := exitcode.Usage
	if v.Rule {
		kind = exitcode.Rule
	}
	return &Error{Kind: kind, Code: v.Code, Msg: v.Msg, Remedy: v.Remedy}
}

// CheckProductCode refuses something that is not a product code before any request.
func CheckProductCode(code string) error {
	if _, ok := rules.TypeOfCode(code); !ok || len(code) > 64 {
		return FlagError("product.code.invalid", code)
	}
	return nil
}

// NotOfferedError is exit 10: the target does not offer action — the real marketplace has no
// public API for seller-console work — and nothing was sent.
func NotOfferedError(action string) *Error {
	return &Error{Kind: exitcode.NotOffered, Code: "NotOffered", Msg: i18n.M("notoffered", action), Remedy: i18n.M("remedy.notoffered")}
}

// CommandNotOfferedError is NotOfferedError naming the command that needs the action.
func CommandNotOfferedError(command, action string) *Error {
	e := NotOfferedError(action)
	e.Msg = i18n.M("notoffered.cmd", command, action)
	return e
}

// RerunWithToken is err, and when the marketplace could not be reached or did not answer
// (exit 7) — the create may have happened — a next step that reruns the command with the
// ClientToken it sent: the marketplace then answers the first create instead of making another.
func RerunWithToken(err error, token string) error {
	if err == nil {
		return nil
	}
	var e *Error
	if !errors.As(Classify(err), &e) || e.Kind != exitcode.Unavailable {
		return err
	}
	e.Remedy = i18n.M("remedy.rerun.token", token)
	return e
}
