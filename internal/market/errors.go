// Package market is the Market API client: it builds RPC requests, signs them (V3), retries
// what may be retried, keeps one ClientToken per logical operation, and decodes responses and
// the error envelope into typed values. Commands never build requests themselves.
package market

import (
	"errors"
	"fmt"
	"strings"

	"github.com/mkt-cli/mkt/internal/exitcode"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/rules"
)

// APIError is the marketplace's error envelope, with the HTTP status.
type APIError struct {
	HTTPStatus int    `json:"-"`
	RequestID  string `json:"RequestId"`
	HostID     string `json:"HostId"`
	Code       string `json:"Code"`
	Message    string `json:"Message"`
	Recommend  string `json:"Recommend,omitempty"`
	// Action is the action that was refused (not part of the envelope).
	Action string `json:"-"`
}

// unknownID reports an answer that, for an action that looks a thing up by its ID, means the
// ID is unknown or not the caller's: production answers those IllegalPermission or
// UnknownError, as the public metadata documents.
func (e *APIError) unknownID() bool {
	row, ok := marketapi.Lookup(e.Action)
	return ok && row.ByID && (e.Code == "IllegalPermission" || e.Code == "UnknownError")
}

func (e *APIError) Error() string {
	msg := e.Code
	if e.Message != "" {
		msg += ": " + e.Message
	}
	if e.RequestID != "" {
		msg += " (RequestId " + e.RequestID + ")"
	}
	return msg
}

// Kind classifies the error by what it means to the caller (and so its exit code).
func (e *APIError) Kind() exitcode.Kind {
	c := e.Code
	switch {
	case e.unknownID():
		return exitcode.NotFound
	case IsRetryable(e):
		return exitcode.Unavailable
	case strings.HasPrefix(c, "InvalidAccessKeyId"), strings.HasPrefix(c, "InvalidSecurityToken"),
		c == "SignatureDoesNotMatch", c == "IncompleteSignature", strings.HasPrefix(c, "InvalidTimeStamp"),
		c == "SignatureNonceUsed", c == "NoPermission", c == "Forbidden.RAM", c == "Forbidden.AccessKeyDisabled",
		strings.HasPrefix(c, "Auth."), c == "IllegalPermission", c == "Permission.Denied", c == "InvalidCredentials":
		return exitcode.Auth
	case strings.HasPrefix(c, "Forbidden."), rules.IsRuleCode(c),
		// Compute Nest: what the service's status does not allow (an online version changed).
		strings.HasPrefix(c, "OperationDenied."):
		return exitcode.Rule
	case c == "IdempotentParameterMismatch", strings.HasPrefix(c, "IncorrectStatus"), e.HTTPStatus == 409,
		// The delivery centre: the project is not where the step expects it.
		c == "IllegalCurrentNode", c == "IllegalProjectStatus", c == "IllegalOperatorRole":
		return exitcode.Conflict
	case strings.HasPrefix(c, "EntityNotExist."), // Compute Nest's "not found"
		strings.HasSuffix(c, ".NotFound") && c != "InvalidAction.NotFound", e.HTTPStatus == 404 && c != "InvalidAction.NotFound":
		return exitcode.NotFound
	case e.HTTPStatus >= 400 && e.HTTPStatus < 500, deterministic(c):
		return exitcode.Usage
	}
	return exitcode.Failure
}

// throttlingCodes are retried (docs/api.md; darabonba raises ThrottlingError for these).
var throttlingCodes = map[string]bool{"Throttling": true, "Throttling.User": true, "Throttling.Api": true, "ServiceUnavailable": true}

// IsRetryable reports whether the error may be retried: throttling codes and 5xx. Some real
// actions answer malformed input with HTTP 500 and an Invalid.* code (DescribeProducts'
// Invalid.Sort); retrying those cannot help, so they are not retried.
func IsRetryable(err error) bool {
	var e *APIError
	if errors.As(err, &e) {
		if deterministic(e.Code) || e.unknownID() {
			return false
		}
		return throttlingCodes[e.Code] || e.HTTPStatus >= 500
	}
	return false
}

// IsRefusal reports whether err is the API's own refusal of a request that was therefore not
// carried out: its error envelope with a 4xx status. A 5xx (the service failed somewhere), a
// gateway's page (no envelope) or no answer at all leaves the outcome unknown.
func IsRefusal(err error) bool {
	var e *APIError
	if !errors.As(err, &e) || e.HTTPStatus < 400 || e.HTTPStatus >= 500 {
		return false
	}
	return e.Code != fmt.Sprintf("HTTP%d", e.HTTPStatus)
}

// IsThrottled reports whether err is a flow-control refusal (Throttling, Throttling.User,
// Throttling.Api): the request was refused before anything was done.
func IsThrottled(err error) bool {
	var e *APIError
	return errors.As(err, &e) && (e.Code == "Throttling" || strings.HasPrefix(e.Code, "Throttling."))
}

func deterministic(code string) bool {
	return strings.HasPrefix(code, "Invalid") || strings.HasPrefix(code, "Missing") ||
		strings.HasPrefix(code, "Forbidden") || strings.HasPrefix(code, "Illegal") || inputCodes[code]
}

// inputCodes are 500 answers the public metadata documents for input a retry cannot mend
// (DescribeDistributionProductsLink: no codes, more than 50, a code not promoted).
var inputCodes = map[string]bool{"ProductCodes": true, "codeSizeError": true, "CodeError": true}

// TransportError is a request that got no HTTP answer (connection refused, reset, timeout).
type TransportError struct {
	Endpoint string
	Attempts int
	Err      error
}

func (e *TransportError) Error() string {
	return fmt.Sprintf("%s unreachable after %d attempt(s): %v", e.Endpoint, e.Attempts, e.Err)
}

func (e *TransportError) Unwrap() error { return e.Err }

// RetriesExhaustedError wraps the last retryable API error once attempts run out.
type RetriesExhaustedError struct {
	Attempts int
	Last     *APIError
}

func (e *RetriesExhaustedError) Error() string {
	return fmt.Sprintf("%v, still failing after %d attempt(s)", e.Last, e.Attempts)
}

func (e *RetriesExhaustedError) Unwrap() error { return e.Last }

// DecodeError is a 2xx answer whose body is not the JSON the action returns.
type DecodeError struct {
	Action string
	Status int
	Body   string
	Err    error
}

func (e *DecodeError) Error() string {
	body := e.Body
	if len(body) > 200 {
		body = body[:200] + "…"
	}
	return fmt.Sprintf("%s: malformed response (HTTP %d): %v: %q", e.Action, e.Status, e.Err, body)
}

func (e *DecodeError) Unwrap() error { return e.Err }

// NotOfferedError is an action the target does not offer (the real marketplace offers no
// seller-console action); the request was not sent.
type NotOfferedError struct {
	Action   string
	Kind     marketapi.Kind
	Endpoint string
}

func (e *NotOfferedError) Error() string {
	return e.Action + " is not offered by " + e.Endpoint + " (a " + e.Kind.String() + " action); nothing was sent"
}
