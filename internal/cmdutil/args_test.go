package cmdutil

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/iostreams"
)

// A secret typed as a flag is refused with the way to pass it and a word about the shell
// history it is now in.
func TestSecretFlagMentionsHistory(t *testing.T) {
	cmd := &cobra.Command{Use: "login"}
	cmd.Flags().Bool("access-key-secret-stdin", false, "")
	for _, flag := range []string{"access-key-secret=abc", "password", "key"} {
		err := FlagErrorFunc(cmd, fmt.Errorf("unknown flag: --%s", flag))
		var e *Error
		if !errors.As(err, &e) || !strings.Contains(e.Remedy.In(i18n.EN), "shell history") || !strings.Contains(e.Remedy.In(i18n.ZH), "shell 历史") {
			t.Errorf("--%s: %v", flag, err)
		}
	}
	err := FlagErrorFunc(cmd, fmt.Errorf("unknown flag: --access-key-secret"))
	var e *Error
	if errors.As(err, &e) && !strings.Contains(e.Remedy.In(i18n.EN), "--access-key-secret-stdin") {
		t.Errorf("no pointer to the stdin flag: %s", e.Remedy.In(i18n.EN))
	}
}

// Without a terminal a confirmation is refused with the way on: --yes.
func TestConfirmWithoutTerminalNamesYes(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	f := NewFactory(ios, func(string) string { return "" })
	err := f.Confirm("Delete?")
	var e *Error
	if ExitCode(err) != 2 || !errors.As(err, &e) || !strings.Contains(e.Remedy.In(i18n.EN), "--yes") {
		t.Errorf("%v", err)
	}
}
