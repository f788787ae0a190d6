package cmdutil

import (
	"errors"
	"fmt"
	"strings"

	"github.com/mkt-cli/mkt/internal/exitcode"
	"github.com/mkt-cli/mkt/internal/iostreams"
)

// ErrDeclined is a confirmation answered no: nothing was changed, and mkt exits 0 saying so.
var ErrDeclined = errors.New("declined: nothing changed")

// Confirm asks a yes/no question for a step that is hard to undo. --yes answers it; without a
// terminal and without --yes it refuses with a usage error that names --yes, so a script never
// hangs on a prompt; "no" is ErrDeclined.
func (f *Factory) Confirm(question string) error {
	if f.Global.Yes {
		return nil
	}
	ios := f.IOStreams
	if !ios.CanPrompt() {
		return FlagError("error.confirm.needyes", question).WithRemedy("remedy.needyes")
	}
	fmt.Fprintf(ios.ErrOut, "%s [y/N]: ", question)
	answer, err := iostreams.ReadLine(ios.In)
	if err != nil {
		return SilentError(exitcode.Interrupted)
	}
	switch strings.ToLower(strings.TrimSpace(answer)) {
	case "y", "yes", "是", "好":
		return nil
	}
	return ErrDeclined
}

// Success prints a one-line "✓ …" notice on stderr (never stdout, which carries data).
func (f *Factory) Success(key string, args ...any) {
	ios := f.IOStreams
	fmt.Fprintf(ios.ErrOut, "%s %s\n", ios.StylesErr().Success.Render("✓"), f.T(key, args...))
}
