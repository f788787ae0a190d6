// Package trigger is `mkt spi trigger`.
package trigger

import (
	"context"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/spi/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/exitcode"
	"github.com/mkt-cli/mkt/internal/spi"
)

// Options are the inputs of `mkt spi trigger`.
type Options struct {
	Factory  *cmdutil.Factory
	Action   string
	URL      string
	Product  string
	Params   url.Values // overrides of the generated parameters
	KeyStdin bool
	Timeout  time.Duration
}

// Triggered is what `spi trigger -o json` prints.
type Triggered struct {
	Action     string            `json:"action"`
	URL        string            `json:"url"`
	Params     map[string]string `json:"params"`
	Status     int               `json:"status"`
	DurationMs int64             `json:"durationMs"`
	Body       string            `json:"body"`
	Problems   []string          `json:"problems"`
}

// NewCmdTrigger builds `mkt spi trigger`; runF replaces the run in tests.
func NewCmdTrigger(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	var params []string
	cmd := &cobra.Command{
		Use:   "trigger <action> --url <production-url> [--param key=value]...",
		Short: "Send one correctly signed SPI call and check the answer",
		Long: `Send one SPI call — ` + strings.Join(spi.Actions, ", ") + ` — with realistic
generated parameters (override any with --param), show the request and the answer, and
check the answer against the protocol: createInstance must return a non-empty instanceId,
appInfo and hostInfo must be JSON objects, the others must answer "success": true.
Exit code 8 when the answer breaks the protocol.`,
		Example: `  mkt spi trigger createInstance --url http://127.0.0.1:8080/spi
  mkt spi trigger renewInstance --url http://127.0.0.1:8080/spi --param instanceId=12345678`,
		Args: cmdutil.ExactArgs(1, "<action>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Action = args[0]
			if !spi.IsAction(opts.Action) {
				return cmdutil.FlagError("spi.action.invalid", opts.Action, strings.Join(spi.Actions, ", "))
			}
			if err := shared.CheckURL(opts.URL, cmd.CommandPath()); err != nil {
				return err
			}
			var err error
			if opts.Params, err = shared.ParseKV(params); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return triggerRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.KeyStdin, "key-stdin", false, "read the ISV key from standard input")
	cmd.Flags().StringVar(&opts.URL, "url", "", "the production URL to call")
	cmd.Flags().StringArrayVar(&params, "param", nil, "set a parameter, key=value (repeatable)")
	cmd.Flags().StringVar(&opts.Product, "product", "cmgj00000001", "product code to send")
	cmd.Flags().DurationVar(&opts.Timeout, "call-timeout", 10*time.Second, "give up on the answer after this long")
	_ = cmd.RegisterFlagCompletionFunc("url", cobra.NoFileCompletions)
	cmd.ValidArgs = spi.Actions
	return cmd
}

func triggerRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	key, _, err := f.SPIKey(opts.KeyStdin)
	if err != nil {
		return err
	}
	p := spi.Params(opts.Action, spi.NewContext(opts.Product))
	for k, v := range opts.Params {
		p[k] = v
	}
	caller := &spi.Caller{Key: key, Timeout: opts.Timeout}
	ex := caller.Call(ctx, opts.URL, p)
	_, probs := spi.Decode(ex)
	tr := Triggered{Action: opts.Action, URL: ex.URL, Params: map[string]string{}, Status: ex.Status,
		DurationMs: ex.Duration.Milliseconds(), Body: strings.TrimSpace(string(ex.Body)), Problems: []string{}}
	for k := range ex.Params {
		if k != "token" {
			tr.Params[k] = ex.Params.Get(k)
		}
	}
	for _, pr := range probs {
		tr.Problems = append(tr.Problems, string(pr))
	}
	err = f.Print(tr, func() error { return printTrigger(f, tr) })
	if err == nil && len(probs) > 0 {
		return cmdutil.SilentError(exitcode.Outcome)
	}
	return err
}

// printTrigger shows the exchange as a person reads it: the request, the answer, the verdict.
func printTrigger(f *cmdutil.Factory, tr Triggered) error {
	ios := f.IOStreams
	st := ios.Styles()
	w := ios.Out
	keys := make([]string, 0, len(tr.Params))
	for k := range tr.Params {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Fprintf(w, "%s %s\n", st.Bold.Render("→ GET"), tr.URL)
	for _, k := range keys {
		fmt.Fprintf(w, "    %s=%s\n", k, tr.Params[k])
	}
	fmt.Fprintf(w, "%s HTTP %d (%d ms)\n", st.Bold.Render("←"), tr.Status, tr.DurationMs)
	if tr.Body != "" {
		fmt.Fprintf(w, "    %s\n", tr.Body)
	}
	if len(tr.Problems) == 0 {
		fmt.Fprintln(w, st.Success.Render("✓ "+f.T("spi.trigger.ok")))
	}
	for _, p := range tr.Problems {
		fmt.Fprintln(w, st.Error.Render("✗ "+p))
	}
	return nil
}
