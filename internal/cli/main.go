// Package cli is the command-line front: Main runs the root command and turns whatever error
// comes back into a message and an exit code.
package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"syscall"

	"github.com/mkt-cli/mkt/internal/build"
	"github.com/mkt-cli/mkt/internal/cli/factory"
	"github.com/mkt-cli/mkt/internal/cli/root"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/config"
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
	return Run(ctx, os.Args[1:], iostreams.System(), os.Getenv)
}

// Run is Main with everything injected, for tests.
func Run(ctx context.Context, args []string, ios *iostreams.IOStreams, getenv func(string) string) int {
	f := factory.New(ios, getenv)
	defer f.Close()
	cmd := root.NewCmdRoot(f, build.Read())
	cmd.SetArgs(args)
	cmd.SetIn(ios.In)
	cmd.SetOut(ios.Out)
	cmd.SetErr(ios.ErrOut)
	err := cmd.ExecuteContext(ctx)
	if err == nil {
		return exitcode.OK
	}
	if ctx.Err() != nil && cmdutil.KindOf(err) == exitcode.Failure {
		// Interrupted: whatever failed afterwards failed because of the signal.
		err = &cmdutil.Error{Kind: exitcode.Interrupted, Msg: i18n.M("error.interrupted"), Err: err}
	}
	err = classify(err)
	printError(f, err)
	return cmdutil.ExitCode(err)
}

// classify gives cobra's own untyped errors and configuration errors their kinds.
func classify(err error) error {
	var e *cmdutil.Error
	if errors.As(err, &e) {
		return err
	}
	var re *config.ResolveError
	if errors.As(err, &re) {
		return &cmdutil.Error{Kind: exitcode.Auth, Msg: re.Msg, Remedy: re.Remedy, Err: err}
	}
	if e := classifyMarket(err); e != nil {
		return e
	}
	var ke *config.KeyError
	if errors.As(err, &ke) {
		return &cmdutil.Error{Kind: exitcode.Usage, Msg: ke.Msg, Remedy: ke.Remedy, Err: err}
	}
	var ee *config.EnvError
	if errors.As(err, &ee) {
		return &cmdutil.Error{Kind: exitcode.Usage, Msg: ee.Msg, Err: err}
	}
	var pe *config.ParseError
	if errors.As(err, &pe) {
		return &cmdutil.Error{Kind: exitcode.Usage, Msg: i18n.M("config.parse", pe.Path, pe.Err.Error()), Remedy: i18n.M("remedy.config.fix", pe.Path), Err: err}
	}
	msg := err.Error()
	if strings.HasPrefix(msg, "unknown command ") {
		// cobra's root-level message already carries "Did you mean this?" lines.
		first, rest, _ := strings.Cut(msg, "\n")
		e := &cmdutil.Error{Kind: exitcode.Usage, Err: errors.New(first)}
		if _, sugg, ok := strings.Cut(rest, "Did you mean this?\n"); ok {
			e.Remedy = i18n.M("remedy.didyoumean", "mkt "+strings.TrimSpace(strings.SplitN(sugg, "\n", 2)[0]))
		} else {
			e.Remedy = i18n.M("remedy.help", "mkt")
		}
		return e
	}
	if strings.HasPrefix(msg, "invalid argument ") || strings.HasPrefix(msg, "flag needs an argument") ||
		strings.HasPrefix(msg, "unknown flag") || strings.HasPrefix(msg, "unknown shorthand flag") ||
		strings.HasPrefix(msg, "required flag") || strings.HasPrefix(msg, "if any flags in the group") {
		return cmdutil.FlagErrorWrap(err)
	}
	return err
}

// classifyMarket maps the API client's errors onto exit codes, with a next step.
func classifyMarket(err error) *cmdutil.Error {
	var ex *market.RetriesExhaustedError
	if errors.As(err, &ex) {
		return &cmdutil.Error{Kind: exitcode.Unavailable, Err: err, Remedy: i18n.M("remedy.unavailable")}
	}
	var te *market.TransportError
	if errors.As(err, &te) {
		return &cmdutil.Error{Kind: exitcode.Unavailable, Err: err, Remedy: i18n.M("remedy.unreachable")}
	}
	var de *market.DecodeError
	if errors.As(err, &de) {
		return &cmdutil.Error{Kind: exitcode.Unavailable, Err: err, Remedy: i18n.M("remedy.unavailable")}
	}
	var ae *market.APIError
	if errors.As(err, &ae) {
		e := &cmdutil.Error{Kind: ae.Kind(), Err: err}
		switch ae.Kind() {
		case exitcode.Auth:
			e.Remedy = i18n.M("remedy.status")
		case exitcode.Unavailable:
			e.Remedy = i18n.M("remedy.unavailable")
		}
		if ae.Code == "InvalidAction.NotFound" {
			e.Remedy = i18n.M("remedy.apidocs")
		}
		// The sandbox puts a rule's next step, in the caller's language, where the real API
		// puts a troubleshooting URL.
		if r := ae.Recommend; r != "" && !strings.HasPrefix(r, "http://") && !strings.HasPrefix(r, "https://") {
			e.Remedy = i18n.M("raw", r)
		}
		return e
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return &cmdutil.Error{Kind: exitcode.Unavailable, Err: err, Remedy: i18n.M("remedy.unreachable")}
	}
	return nil
}

func printError(f *cmdutil.Factory, err error) {
	var e *cmdutil.Error
	if errors.As(err, &e) && e.Silent {
		return
	}
	lang := f.Lang()
	st := f.IOStreams.StylesErr()
	w := f.IOStreams.ErrOut
	msg := err.Error()
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
	// The labels carry their own separator: "Error: " in English, "错误：" in Chinese.
	fmt.Fprintf(w, "%s%s\n", st.Error.Render(i18n.T(lang, "label.error")), msg)
	if e != nil && !e.Remedy.IsZero() {
		fmt.Fprintf(w, "%s%s\n", st.Bold.Render(i18n.T(lang, "label.try")), e.Remedy.In(lang))
	}
	if f.Global.Debug && e != nil && e.Err != nil && e.Msg.Key != "" {
		fmt.Fprintf(w, "%s %v\n", st.Muted.Render("cause:"), e.Err)
	}
}
