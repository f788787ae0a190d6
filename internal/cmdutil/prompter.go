package cmdutil

import (
	"errors"

	"github.com/charmbracelet/huh"

	"github.com/mkt-cli/mkt/internal/exitcode"
)

// Choice is one answer of a Select: what the merchant reads and the value it stands for.
type Choice struct{ Label, Value string }

// Prompter asks a merchant for what a command is missing, on a terminal (gh's pattern: flags
// win, the prompt fills the gaps). Validators return the error to show; the question is asked
// again until it passes.
type Prompter interface {
	Input(title, placeholder string, validate func(string) error) (string, error)
	Select(title string, choices []Choice) (string, error)
}

// Prompter is the run's prompter, and false when nobody can be asked: stdin or stderr is not
// a terminal (a pipe, CI). Never prompt without asking this first.
func (f *Factory) Prompter() (Prompter, bool) {
	if !f.IOStreams.CanPrompt() {
		return nil, false
	}
	if f.prompter != nil {
		return f.prompter, true
	}
	// ACCESSIBLE (huh's convention) asks line by line instead of drawing on the screen: for
	// screen readers, and for tests that type the answers.
	return &huhPrompter{f: f, accessible: f.Getenv("ACCESSIBLE") != ""}, true
}

// SetPrompter replaces the prompter (tests).
func (f *Factory) SetPrompter(p Prompter) { f.prompter = p }

type huhPrompter struct {
	f          *Factory
	accessible bool
}

func (p *huhPrompter) run(field huh.Field) error {
	ios := p.f.IOStreams
	err := huh.NewForm(huh.NewGroup(field)).
		WithInput(ios.In).
		WithOutput(ios.ErrOut).
		WithAccessible(p.accessible).
		WithShowHelp(false).
		Run()
	if errors.Is(err, huh.ErrUserAborted) {
		return SilentError(exitcode.Interrupted)
	}
	return err
}

// localized makes a validator's error read in the merchant's language (huh shows Error()).
func (p *huhPrompter) localized(validate func(string) error) func(string) error {
	return func(s string) error {
		err := validate(s)
		var e *Error
		if errors.As(err, &e) {
			if !e.Msg.IsZero() {
				return errors.New(e.Msg.In(p.f.Lang())) // the sentence; the code is for logs
			}
			return errors.New(e.Localized(p.f.Lang()))
		}
		return err
	}
}

func (p *huhPrompter) Input(title, placeholder string, validate func(string) error) (string, error) {
	var v string
	in := huh.NewInput().Title(title).Placeholder(placeholder).Value(&v)
	if validate != nil {
		in = in.Validate(p.localized(validate))
	}
	return v, p.run(in)
}

func (p *huhPrompter) Select(title string, choices []Choice) (string, error) {
	var v string
	opts := make([]huh.Option[string], len(choices))
	for i, c := range choices {
		opts[i] = huh.NewOption(c.Label, c.Value)
	}
	return v, p.run(huh.NewSelect[string]().Title(title).Options(opts...).Value(&v))
}

// Required is a validator for an answer that may not be empty.
func Required(s string) error {
	if s == "" {
		return FlagError("prompt.required")
	}
	return nil
}
