// Package exitcode is what an outcome means to the caller: one Kind per exit code. The API
// client classifies the marketplace's errors into kinds, commands return errors of a kind,
// and Code maps a kind to the process's exit code — the one place that mapping lives. The
// codes are documented in README.md and `mkt help exit-codes`.
package exitcode

// Kind classifies an outcome.
type Kind int

// The kinds, each with its exit code.
const (
	Failure     Kind = iota // 1: unclassified
	Usage                   // 2: bad flag, argument or input file
	Rule                    // 3: a marketplace rule refused the operation
	Auth                    // 4: missing or rejected credentials
	NotFound                // 5: no such thing
	Conflict                // 6: idempotency mismatch, state changed under us
	Unavailable             // 7: unreachable, throttled or failing after retries
	Outcome                 // 8: finished, but the outcome is a failure
	Changes                 // 9: `plan --detailed-exitcode` found changes to make
	NotOffered              // 10: the target does not offer what the command needs; nothing was sent
	Pending                 // 11: waited to the deadline; a product is still in review (not rejected)
	Interrupted             // 130: SIGINT or SIGTERM
)

// OK is the exit code of success.
const OK = 0

var codes = map[Kind]int{
	Failure:     1,
	Usage:       2,
	Rule:        3,
	Auth:        4,
	NotFound:    5,
	Conflict:    6,
	Unavailable: 7,
	Outcome:     8,
	Changes:     9,
	NotOffered:  10,
	Pending:     11,
	Interrupted: 130,
}

// Code is the exit code of k.
func (k Kind) Code() int {
	if c, ok := codes[k]; ok {
		return c
	}
	return 1
}
