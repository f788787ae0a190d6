package cmdutil

import (
	"fmt"
	"strings"

	"github.com/mkt-cli/mkt/internal/exitcode"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/iostreams"
)

// Confirm asks a yes/no question for a destructive step. --yes answers it; without a terminal
// and without --yes it refuses with a usage error, so a script never hangs on a prompt.
func (f *Factory) Confirm(question string) error {
	if f.Global.Yes {
		return nil
	}
	ios := f.IOStreams
	if !ios.CanPrompt() {
		return FlagError("error.confirm.needyes").WithRemedy("remedy.needyes")
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
	return &Error{Kind: exitcode.Failure, Msg: i18n.M("error.confirm.declined")}
}

// Success prints a one-line "✓ …" notice on stderr (never stdout, which carries data).
func (f *Factory) Success(key string, args ...any) {
	ios := f.IOStreams
	fmt.Fprintf(ios.ErrOut, "%s %s\n", ios.StylesErr().Success.Render("✓"), f.T(key, args...))
}
