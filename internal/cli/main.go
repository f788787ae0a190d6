// Package cli is the command-line front: Main runs the root command and turns whatever error
// comes back into a message and an exit code.
package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"syscall"
	"time"
	"unicode"

	"github.com/mkt-cli/mkt/internal/build"
	"github.com/mkt-cli/mkt/internal/cli/factory"
	"github.com/mkt-cli/mkt/internal/cli/root"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/exitcode"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/iostreams"
	"github.com/mkt-cli/mkt/internal/market"
)

// Main runs mkt with the process's arguments, streams and environment and returns the exit
// code. Nothing below it calls os.Exit.
func Main() int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// A run lasts milliseconds and its heap stays small: collecting less often is faster
	// (measured: docs/performance.md). GOGC still wins when set.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	// MKT_CPUPROFILE=file writes a CPU profile of the whole run (for docs/performance.md work).
	if path := os.Getenv("MKT_CPUPROFILE"); path != "" {
		if f, err := os.Create(path); err == nil {
			if pprof.StartCPUProfile(f) == nil {
				defer func() { pprof.StopCPUProfile(); f.Close() }()
			}
		}
	}
	return runWith(ctx, os.Args[1:], iostreams.System(), os.Getenv, os.LookupEnv)
}

// InterruptGrace is how long a command has to stop after Ctrl-C or SIGTERM before mkt exits
// anyway (130): a read that cannot be interrupted — an idle stdin, a FIFO nobody writes —
// must not make the signal useless.
const InterruptGrace = 3 * time.Second

// LastResort waits for a signal (it sees the same ones the command does) and, when the
// command has not stopped within InterruptGrace, ends the process with exit (main's os.Exit).
func LastResort(exit func(int)) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	<-sig
	time.Sleep(InterruptGrace)
	fmt.Fprintln(os.Stderr, i18n.T(i18n.Detect("", "", os.Getenv), "error.interrupted"))
	exit(exitcode.Interrupted.Code())
}

// Run is Main with everything injected, for tests. A variable is set when getenv gives it a
// value.
func Run(ctx context.Context, args []string, ios *iostreams.IOStreams, getenv func(string) string) int {
	return runWith(ctx, args, ios, getenv, nil)
}

func runWith(ctx context.Context, args []string, ios *iostreams.IOStreams, getenv func(string) string, lookup func(string) (string, bool)) (code int) {
	defer func() {
		if r := recover(); r != nil {
			code = crashed(ios, getenv, r, debug.Stack())
		}
	}()
	f := factory.New(ios, getenv)
	f.LookupEnv = lookup
	defer f.Close()
	cmd := root.NewCmdRoot(f, build.Read())
	root.LocalizeCompletion(cmd, f, args)
	cmd.SetArgs(args)
	cmd.SetIn(ios.In)
	cmd.SetOut(ios.Out)
	cmd.SetErr(ios.ErrOut)
	err := cmd.ExecuteContext(ctx)
	if err == nil {
		return exitcode.OK
	}
	if errors.Is(err, cmdutil.ErrDeclined) {
		fmt.Fprintln(ios.ErrOut, f.T("error.confirm.declined"))
		return exitcode.OK
	}
	if ctx.Err() != nil && cmdutil.KindOf(err) == exitcode.Failure {
		// Interrupted: whatever failed afterwards failed because of the signal.
		err = &cmdutil.Error{Kind: exitcode.Interrupted, Msg: i18n.M("error.interrupted"), Err: err}
	}
	err = cmdutil.Classify(err)
	printError(f, err)
	return cmdutil.ExitCode(err)
}

func printError(f *cmdutil.Factory, err error) {
	var e *cmdutil.Error
	if errors.As(err, &e) && e.Silent {
		return
	}
	// Several problems: each with its remedy, then the line that counts them.
	var ps *cmdutil.Problems
	if errors.As(err, &ps) {
		st, w, lang := f.IOStreams.StylesErr(), f.IOStreams.ErrOut, f.Lang()
		for _, p := range ps.Errs {
			text, _ := errorText(f, cmdutil.Classify(p))
			line := st.Error.Render("✗") + " " + text
			var pe *cmdutil.Error
			if errors.As(cmdutil.Classify(p), &pe) && !pe.Remedy.IsZero() {
				line += "\n  " + i18n.T(lang, "label.try") + pe.Remedy.In(lang)
			}
			fmt.Fprintln(w, line)
		}
		fmt.Fprintf(w, "%s%s\n", st.Error.Render(i18n.T(lang, "label.error")), ps.Summary.In(lang))
		return
	}
	lang := f.Lang()
	st := f.IOStreams.StylesErr()
	w := f.IOStreams.ErrOut
	msg, api := errorText(f, err)
	// The labels carry their own separator: "Error: " in English, "错误：" in Chinese.
	fmt.Fprintf(w, "%s%s\n", st.Error.Render(i18n.T(lang, "label.error")), msg)
	if api != nil && api.RequestID != "" {
		fmt.Fprintf(w, "%s%s\n", st.Muted.Render(i18n.T(lang, "label.requestid")), api.RequestID)
	}
	if e != nil && !e.Remedy.IsZero() {
		fmt.Fprintf(w, "%s%s\n", st.Bold.Render(i18n.T(lang, "label.try")), e.Remedy.In(lang))
	}
	if f.Global.Debug && e != nil && e.Err != nil && e.Msg.Key != "" {
		fmt.Fprintf(w, "%s %v\n", st.Muted.Render("cause:"), e.Err)
	}
}

// errorText is err as one line for the merchant, in their language, and the marketplace
// error inside it, if any.
func errorText(f *cmdutil.Factory, err error) (string, *market.APIError) {
	lang := f.Lang()
	msg := err.Error()
	var e *cmdutil.Error
	if errors.As(err, &e) {
		msg = e.Localized(lang)
	}
	// One line: a server's long message (a signature mismatch's string to sign) is shown
	// whole only with --debug.
	if first, rest, ok := strings.Cut(msg, "\n"); ok && !f.Global.Debug {
		msg = first + " …"
		if i := strings.LastIndex(rest, " (RequestId "); i >= 0 {
			msg += rest[i:]
		}
	}
	// A marketplace error: in Chinese its meaning from the catalog, with the code beside it
	// (the server's English message with --debug); the RequestId on a line of its own.
	var api *market.APIError
	if errors.As(err, &api) {
		if api.RequestID != "" {
			msg = strings.Replace(msg, " (RequestId "+api.RequestID+")", "", 1)
		}
		if text, ok := i18n.ServerError(lang, api.Code); ok && !f.Global.Debug {
			whole := api.Code
			if api.Message != "" {
				whole += ": " + api.Message
			}
			if first, _, cut := strings.Cut(whole, "\n"); cut {
				whole = first + " …"
			}
			msg = strings.Replace(msg, whole, text+"（"+api.Code+"）", 1)
		}
	}
	// A Chinese sentence after its code ("Forbidden.X: 商品…"): the code after the sentence,
	// in full-width brackets.
	if m := codePrefix.FindStringSubmatch(msg); m != nil && lang == i18n.ZH && hasHan(m[2]) {
		msg = m[2] + "（" + m[1] + "）"
	}
	return msg, api
}

// crashed reports a panic as a person should see it: one line saying it is mkt's fault and
// where the details are, the stack trace in a file (0600) under the user's cache directory.
// It returns the exit code (1).
func crashed(ios *iostreams.IOStreams, getenv func(string) string, r any, stack []byte) int {
	lang := i18n.Detect("", "", getenv)
	path := writeCrashReport(getenv, r, stack)
	if path == "" {
		fmt.Fprintf(ios.ErrOut, "%s\n", i18n.T(lang, "error.crash.nofile", fmt.Sprint(r)))
	} else {
		fmt.Fprintf(ios.ErrOut, "%s\n", i18n.T(lang, "error.crash", fmt.Sprint(r), path))
	}
	return exitcode.Failure.Code()
}

// writeCrashReport writes the version, the panic and the stack to a new file and returns its
// path ("" when none could be written). No argument or environment variable is recorded: the
// report holds nothing secret.
func writeCrashReport(getenv func(string) string, r any, stack []byte) string {
	dir := getenv("XDG_CACHE_HOME")
	if dir == "" {
		if home := getenv("HOME"); home != "" {
			dir = filepath.Join(home, ".cache")
		} else {
			dir = os.TempDir()
		}
	}
	dir = filepath.Join(dir, "mkt")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return ""
	}
	f, err := os.CreateTemp(dir, "crash-"+time.Now().UTC().Format("20060102T150405Z")+"-*.txt")
	if err != nil {
		return ""
	}
	defer f.Close()
	info := build.Read()
	fmt.Fprintf(f, "mkt %s (%s, %s) %s/%s\n\npanic: %v\n\n%s", info.Version, info.Commit, info.Date, runtime.GOOS, runtime.GOARCH, r, stack)
	return f.Name()
}

// codePrefix is an error code before a message: "InvalidParameter.Validity: …".
var codePrefix = regexp.MustCompile(`(?s)^([A-Z][A-Za-z]*(?:\.[A-Za-z]+)*): (.*)$`)

// hasHan reports whether s holds a Chinese character.
func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
