package cmdutil

import (
	"strings"

	"github.com/mkt-cli/mkt/internal/exitcode"
	"github.com/mkt-cli/mkt/internal/i18n"
)

// Problems is several things wrong with one input, found at once so that one run reports them
// all: printed one per line with its remedy, then Summary; nothing was sent. The exit code is
// the problems' own when they share one, else usage (2).
type Problems struct {
	Errs    []error
	Summary i18n.Message
}

func (p *Problems) Error() string {
	lines := make([]string, 0, len(p.Errs)+1)
	for _, e := range p.Errs {
		lines = append(lines, e.Error())
	}
	return strings.Join(append(lines, p.Summary.In(i18n.EN)), "\n")
}

// Kind is the problems' shared exit code, or usage.
func (p *Problems) Kind() exitcode.Kind {
	kind := KindOf(p.Errs[0])
	for _, e := range p.Errs[1:] {
		if KindOf(e) != kind {
			return exitcode.Usage
		}
	}
	return kind
}

// Join is nil for no problem, the problem itself for one, and Problems with summary (a
// catalog key taking the count) for several.
func Join(probs []error, summary string) error {
	switch len(probs) {
	case 0:
		return nil
	case 1:
		return probs[0]
	}
	return &Problems{Errs: probs, Summary: i18n.M(summary, len(probs))}
}
