// Package iostreams is the only way commands reach the terminal: data goes to Out, everything
// else (notices, progress, errors) to ErrOut. It decides once per stream whether that stream is
// a terminal and whether it gets colour.
package iostreams

import (
	"bytes"
	"io"
	"os"
	"strings"
	"time"

	"github.com/mattn/go-isatty"
	"golang.org/x/term"
)

// IOStreams bundles the standard streams with what is known about them.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	stdinTTY  bool
	stdoutTTY bool
	stderrTTY bool

	// envNoColor is NO_COLOR (any value), noColor is --no-color.
	envNoColor bool
	noColor    bool

	outStyles *Styles
	errStyles *Styles

	stdinFd uintptr
	hasFd   bool

	timeFormat TimeFormat
}

// System returns the process's streams. MKT_FORCE_TTY=1 makes stdout and stderr count as
// terminals (useful under `watch` or a pager); NO_COLOR turns colour off.
func System() *IOStreams {
	s := &IOStreams{
		In:         os.Stdin,
		Out:        os.Stdout,
		ErrOut:     os.Stderr,
		stdinTTY:   isTerminal(os.Stdin),
		stdoutTTY:  isTerminal(os.Stdout),
		stderrTTY:  isTerminal(os.Stderr),
		envNoColor: os.Getenv("NO_COLOR") != "",
		stdinFd:    os.Stdin.Fd(),
		hasFd:      true,
	}
	if v := os.Getenv("MKT_FORCE_TTY"); v != "" && v != "0" && !strings.EqualFold(v, "false") {
		s.stdoutTTY, s.stderrTTY = true, true
	}
	return s
}

// Test returns streams backed by buffers: stdin, stdout, stderr. None is a terminal until set.
func Test() (*IOStreams, *bytes.Buffer, *bytes.Buffer, *bytes.Buffer) {
	in, out, errOut := &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: in, Out: out, ErrOut: errOut}, in, out, errOut
}

func isTerminal(f *os.File) bool {
	return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
}

// IsStdinTTY reports whether standard input is a terminal.
func (s *IOStreams) IsStdinTTY() bool { return s.stdinTTY }

// IsStdoutTTY reports whether standard output is a terminal.
func (s *IOStreams) IsStdoutTTY() bool { return s.stdoutTTY }

// IsStderrTTY reports whether standard error is a terminal.
func (s *IOStreams) IsStderrTTY() bool { return s.stderrTTY }

// SetStdinTTY overrides terminal detection (tests).
func (s *IOStreams) SetStdinTTY(v bool) { s.stdinTTY = v }

// SetStdoutTTY overrides terminal detection (tests).
func (s *IOStreams) SetStdoutTTY(v bool) { s.stdoutTTY = v; s.outStyles = nil }

// SetStderrTTY overrides terminal detection (tests).
func (s *IOStreams) SetStderrTTY(v bool) { s.stderrTTY = v; s.errStyles = nil }

// SetNoColor applies --no-color. Call it before the first use of Styles.
func (s *IOStreams) SetNoColor(v bool) { s.noColor = v; s.outStyles, s.errStyles = nil, nil }

// SetEnvNoColor applies NO_COLOR (tests).
func (s *IOStreams) SetEnvNoColor(v bool) { s.envNoColor = v; s.outStyles, s.errStyles = nil, nil }

// ColorEnabled reports whether stdout gets colour: a terminal, and neither NO_COLOR nor --no-color.
func (s *IOStreams) ColorEnabled() bool { return s.stdoutTTY && !s.noColor && !s.envNoColor }

// ColorEnabledErr is ColorEnabled for stderr.
func (s *IOStreams) ColorEnabledErr() bool { return s.stderrTTY && !s.noColor && !s.envNoColor }

// CanPrompt reports whether the user can be asked a question: stdin and stderr are terminals.
func (s *IOStreams) CanPrompt() bool { return s.stdinTTY && s.stderrTTY }

// Styles is the theme for stdout.
func (s *IOStreams) Styles() *Styles {
	if s.outStyles == nil {
		s.outStyles = newStyles(s.Out, s.ColorEnabled())
	}
	return s.outStyles
}

// StylesErr is the theme for stderr.
func (s *IOStreams) StylesErr() *Styles {
	if s.errStyles == nil {
		s.errStyles = newStyles(s.ErrOut, s.ColorEnabledErr())
	}
	return s.errStyles
}

// ReadSecret reads one line from stdin without echo when stdin is a terminal, and as a plain
// line otherwise. The trailing newline is removed.
func (s *IOStreams) ReadSecret() (string, error) {
	if s.stdinTTY && s.hasFd {
		b, err := term.ReadPassword(int(s.stdinFd))
		return string(b), err
	}
	return ReadLine(s.In)
}

// ReadLine reads one line from r, byte by byte so that nothing after it is consumed.
func ReadLine(r io.Reader) (string, error) {
	var buf []byte
	one := make([]byte, 1)
	for {
		n, err := r.Read(one)
		if n == 1 {
			if one[0] == '\n' {
				break
			}
			buf = append(buf, one[0])
		}
		if err == io.EOF {
			if len(buf) == 0 {
				return "", io.EOF
			}
			break
		}
		if err != nil {
			return "", err
		}
	}
	return strings.TrimRight(string(buf), "\r"), nil
}

// TimeFormat says how a terminal shows times and durations in the merchant's language; the
// composition root sets it once the language is known. Pipes never use it.
type TimeFormat struct {
	Now      func() time.Time
	Relative func(now, t time.Time) string
	Duration func(d time.Duration) string
}

// SetTimeFormat sets how times and durations read on a terminal.
func (s *IOStreams) SetTimeFormat(tf TimeFormat) { s.timeFormat = tf }

func (s *IOStreams) formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	if s.IsStdoutTTY() && s.timeFormat.Relative != nil {
		now := time.Now
		if s.timeFormat.Now != nil {
			now = s.timeFormat.Now
		}
		return s.timeFormat.Relative(now(), t)
	}
	return t.Format(time.RFC3339)
}

func (s *IOStreams) formatDuration(d time.Duration) string {
	if s.IsStdoutTTY() && s.timeFormat.Duration != nil {
		return s.timeFormat.Duration(d)
	}
	return d.Round(time.Second).String()
}
