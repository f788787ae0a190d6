// Package spicmd is `mkt spi`: the SaaS production protocol from the ISV's side.
package spicmd

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/exitcode"
	"github.com/mkt-cli/mkt/internal/rules"
	"github.com/mkt-cli/mkt/internal/spi"
)

// NewCmdSPI builds `mkt spi`.
func NewCmdSPI(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "spi <command>",
		Short: "The SaaS production protocol (SPI): sign, verify, trigger, check, listen",
		Long: `After a purchase the marketplace calls your production URL (生产接口地址) with
createInstance, and later renewInstance, upgradeInstance, expiredInstance,
releaseInstance… Every call carries token = md5("k1=v1&k2=v2…&key=<ISV key>") over all its
parameters but token, sorted by name.

These commands let you compute and check tokens, send one correctly signed call, run the
conformance suite against your endpoint, and receive the marketplace's calls locally.

The ISV key comes from --key-stdin, MKT_SPI_KEY, the profile ('mkt spi key set'), or, when
mkt uses the sandbox, the sandbox's own key. It is never taken as a flag.`,
		Args: cobra.ArbitraryArgs,
		RunE: cmdutil.GroupRunE,
	}
	key := &cobra.Command{
		Use:   "key <command>",
		Short: "Store the ISV key in the profile",
		Args:  cobra.ArbitraryArgs,
		RunE:  cmdutil.GroupRunE,
	}
	key.AddCommand(newKeySet(f))
	cmd.AddCommand(newSign(f), newVerify(f), newTrigger(f), newCheck(f), newListen(f), key)
	return cmd
}

func newKeySet(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:     "set",
		Short:   "Read the ISV key from standard input and store it in the profile (mode 0600)",
		Example: `  printf '%s\n' "$ISV_KEY" | mkt spi key set`,
		Args:    cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			k, _, err := f.SPIKey(true)
			if err != nil {
				return err
			}
			file, err := f.Config()
			if err != nil {
				return err
			}
			name := file.ActiveProfileName(strings.ToLower(f.Global.Profile), f.Getenv)
			file.EnsureProfile(name).SPIKey = k
			if err := file.Save(); err != nil {
				return cmdutil.Failure(err, "error.config.write", file.FilePath())
			}
			f.Success("spi.key.saved", name)
			return nil
		},
	}
}

func parseKV(args []string) (url.Values, error) {
	p := url.Values{}
	for _, a := range args {
		k, v, ok := strings.Cut(a, "=")
		if !ok || k == "" {
			return nil, cmdutil.FlagError("api.param.invalid", a)
		}
		p.Add(k, v)
	}
	return p, nil
}

// Signed is what `spi sign -o json` prints.
type Signed struct {
	Token        string `json:"token"`
	StringToSign string `json:"stringToSign"`
	URL          string `json:"url,omitempty"`
}

func newSign(f *cmdutil.Factory) *cobra.Command {
	var keyStdin bool
	var base string
	cmd := &cobra.Command{
		Use:   "sign [--url <production-url>] <key=value>...",
		Short: "Compute the token of a call (and the signed URL)",
		Example: `  mkt spi sign action=createInstance orderBizId=12345 aliUid=1234567890123456
  printf '%s\n' "$ISV_KEY" | mkt spi sign --key-stdin --url https://isv.example.com/spi action=expiredInstance instanceId=12345`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			p, err := parseKV(args)
			if err != nil {
				return err
			}
			key, _, err := f.SPIKey(keyStdin)
			if err != nil {
				return err
			}
			s := Signed{Token: spi.Token(p, key), StringToSign: spi.StringToSign(p, spi.MaskKey(key))}
			if base != "" {
				if v := rules.CheckURL("production URL", base); v != nil {
					return cmdutil.FlagError("spi.url.invalid", base)
				}
				u, _ := url.Parse(base)
				q := u.Query()
				for k, v := range p {
					q[k] = v
				}
				u.RawQuery = spi.Sign(q, key).Encode()
				s.URL = u.String()
			}
			return f.Print(s, func() error {
				out := s.Token
				if s.URL != "" {
					out = s.URL
				}
				_, err := fmt.Fprintln(f.IOStreams.Out, out)
				return err
			})
		},
	}
	cmd.Flags().BoolVar(&keyStdin, "key-stdin", false, "read the ISV key from standard input")
	cmd.Flags().StringVar(&base, "url", "", "print the whole signed URL for this production URL")
	return cmd
}

// Verified is what `spi verify -o json` prints.
type Verified struct {
	Valid        bool   `json:"valid"`
	Got          string `json:"got"`
	Expected     string `json:"expected"`
	StringToSign string `json:"stringToSign"`
}

func newVerify(f *cmdutil.Factory) *cobra.Command {
	var keyStdin bool
	cmd := &cobra.Command{
		Use:   "verify '<url or query as received>'",
		Short: "Check a received call's token, and show what should have been hashed",
		Long: `Check the token of a call as your server received it (the full URL, or just its query).
When it does not match, mkt shows the exact string that the key gives (the key masked),
the token expected and the one received — compare it with what your code hashes.
Exit code 8 when the token is wrong.`,
		Example: `  mkt spi verify 'https://isv.example.com/spi?action=renewInstance&instanceId=1&orderId=2&expiredOn=2026-12-29 10:00:00&token=…'`,
		Args:    cmdutil.ExactArgs(1, "<url>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			p, err := spi.ParseCall(args[0])
			if err != nil || len(p) == 0 {
				return cmdutil.FlagError("spi.verify.parse", args[0])
			}
			key, _, err := f.SPIKey(keyStdin)
			if err != nil {
				return err
			}
			v := spi.Verify(p, key)
			res := Verified{Valid: v.Valid, Got: v.Got, Expected: v.Expected, StringToSign: v.StringToSign}
			err = f.Print(res, func() error {
				ios := f.IOStreams
				st := ios.Styles()
				if v.Valid {
					fmt.Fprintln(ios.Out, st.Success.Render(f.T("spi.verify.valid")))
					return nil
				}
				t := ios.NewTable()
				t.AddStyledField(f.T("spi.verify.result"), st.Bold)
				t.AddStyledField(f.T("spi.verify.invalid"), st.Error)
				t.EndRow()
				t.AddStyledField(f.T("spi.verify.hashed"), st.Bold)
				t.AddField(v.StringToSign)
				t.EndRow()
				t.AddStyledField(f.T("spi.verify.expected"), st.Bold)
				t.AddField(v.Expected)
				t.EndRow()
				t.AddStyledField(f.T("spi.verify.got"), st.Bold)
				t.AddField(v.Got)
				t.EndRow()
				return t.Render()
			})
			if err == nil && !v.Valid {
				return cmdutil.SilentError(exitcode.Outcome)
			}
			return err
		},
	}
	cmd.Flags().BoolVar(&keyStdin, "key-stdin", false, "read the ISV key from standard input")
	return cmd
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

func newTrigger(f *cmdutil.Factory) *cobra.Command {
	var keyStdin bool
	var target, product string
	var params []string
	var timeout time.Duration
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
			action := args[0]
			if !spi.IsAction(action) {
				return cmdutil.FlagError("spi.action.invalid", action, strings.Join(spi.Actions, ", "))
			}
			if target == "" {
				return cmdutil.FlagError("spi.url.missing").WithRemedy("remedy.help", cmd.CommandPath())
			}
			if v := rules.CheckURL("production URL", target); v != nil {
				return cmdutil.FlagError("spi.url.invalid", target)
			}
			over, err := parseKV(params)
			if err != nil {
				return err
			}
			key, _, err := f.SPIKey(keyStdin)
			if err != nil {
				return err
			}
			p := spi.Params(action, spi.NewContext(product))
			for k, v := range over {
				p[k] = v
			}
			caller := &spi.Caller{Key: key, Timeout: timeout}
			ex := caller.Call(cmd.Context(), target, p)
			_, probs := spi.Decode(ex)
			tr := Triggered{Action: action, URL: ex.URL, Params: map[string]string{}, Status: ex.Status,
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
		},
	}
	cmd.Flags().BoolVar(&keyStdin, "key-stdin", false, "read the ISV key from standard input")
	cmd.Flags().StringVar(&target, "url", "", "the production URL to call")
	cmd.Flags().StringArrayVar(&params, "param", nil, "set a parameter, key=value (repeatable)")
	cmd.Flags().StringVar(&product, "product", "cmgj00000001", "product code to send")
	cmd.Flags().DurationVar(&timeout, "call-timeout", 10*time.Second, "give up on the answer after this long")
	_ = cmd.RegisterFlagCompletionFunc("url", cobra.NoFileCompletions)
	cmd.ValidArgs = spi.Actions
	return cmd
}

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

// CheckReport is what `spi check -o json` prints.
type CheckReport struct {
	URL    string            `json:"url"`
	Passed bool              `json:"passed"`
	Checks []spi.CheckResult `json:"checks"`
}

// RunCheck runs the conformance suite and prints it; a failure is exit 8. Used by `spi check`
// and `product endpoint set --check`.
func RunCheck(ctx context.Context, f *cmdutil.Factory, target, key string, budget time.Duration, tries int) error {
	ch := &spi.Checker{Caller: &spi.Caller{Key: key, Timeout: 2 * budget}, Endpoint: target, Budget: budget, PendingTries: tries}
	rs := ch.Run(ctx)
	rep := CheckReport{URL: target, Passed: spi.Passed(rs), Checks: rs}
	err := f.Print(rep, func() error {
		ios := f.IOStreams
		st := ios.Styles()
		t := ios.NewTable()
		for _, r := range rs {
			if r.Passed {
				t.AddStyledField("PASS", st.Success)
			} else {
				t.AddStyledField("FAIL", st.Error)
			}
			t.AddField(r.Name)
			t.AddStyledField(r.Detail, st.Muted)
			t.EndRow()
		}
		return t.Render()
	})
	if err != nil {
		return err
	}
	if !rep.Passed {
		return cmdutil.OutcomeError("spi.check.failed", target).WithRemedy("remedy.spi.check")
	}
	return nil
}

func newCheck(f *cmdutil.Factory) *cobra.Command {
	var keyStdin bool
	var target string
	var budget time.Duration
	var tries int
	cmd := &cobra.Command{
		Use:   "check --url <production-url>",
		Short: "Run the SPI conformance suite against a production URL (exit 8 on failure)",
		Long: `Run the checks an endpoint must pass before it goes live, one line each:

  createInstance returns an instanceId (instanceId=0 means "retry later": retried, bounded)
  the same orderBizId twice gives the same instanceId
  a wrong token is refused
  an unknown extra parameter does not break verification
  renew/upgrade/expired/release/refundRenew/resume answer "success": true
  verify with a stale timeStamp is refused, with a fresh one accepted
  answers are JSON and arrive within the time budget

Exit code 8 when any check fails; -o json for CI.`,
		Example: `  mkt spi check --url http://127.0.0.1:8080/spi
  mkt spi check --url https://isv.example.com/spi -o json`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if target == "" {
				return cmdutil.FlagError("spi.url.missing").WithRemedy("remedy.help", cmd.CommandPath())
			}
			if v := rules.CheckURL("production URL", target); v != nil {
				return cmdutil.FlagError("spi.url.invalid", target)
			}
			key, _, err := f.SPIKey(keyStdin)
			if err != nil {
				return err
			}
			return RunCheck(cmd.Context(), f, target, key, budget, tries)
		},
	}
	cmd.Flags().BoolVar(&keyStdin, "key-stdin", false, "read the ISV key from standard input")
	cmd.Flags().StringVar(&target, "url", "", "the production URL to check")
	cmd.Flags().DurationVar(&budget, "budget", 3*time.Second, "the longest an answer may take")
	cmd.Flags().IntVar(&tries, "tries", 5, "createInstance calls while it answers instanceId=0")
	return cmd
}

func newListen(f *cmdutil.Factory) *cobra.Command {
	var keyStdin bool
	var addr, forward, appInfo string
	cmd := &cobra.Command{
		Use:   "listen [--addr 127.0.0.1:0] [--forward-to <url>]",
		Short: "Receive SPI calls locally: verify, print, answer or forward",
		Long: `Serve a production URL on this machine. Every call's token is verified and the call is
printed (action, parameters, verdict). Valid calls are answered like a conforming ISV — the
instanceId is the orderBizId, appInfo from --app-info — or, with --forward-to, passed to
your app and its answer relayed. Invalid tokens and stale verify timestamps are refused.

The first line on standard output is the URL to use as the production URL. Ctrl-C stops.`,
		Example: `  mkt spi listen --addr 127.0.0.1:0
  mkt spi listen --addr 127.0.0.1:8081 --forward-to http://127.0.0.1:3000/marketplace/spi
  mkt spi listen -o json > calls.jsonl`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			key, _, err := f.SPIKey(keyStdin)
			if err != nil {
				return err
			}
			var app map[string]any
			if appInfo != "" {
				if err := json.Unmarshal([]byte(appInfo), &app); err != nil {
					return cmdutil.FlagError("spi.appinfo", err)
				}
			}
			if forward != "" && rules.CheckURL("forward URL", forward) != nil {
				return cmdutil.FlagError("spi.url.invalid", forward)
			}
			return listenRun(cmd.Context(), f, addr, key, forward, app)
		},
	}
	cmd.Flags().BoolVar(&keyStdin, "key-stdin", false, "read the ISV key from standard input")
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:0", "address to listen on; port 0 picks a free port")
	cmd.Flags().StringVar(&forward, "forward-to", "", "pass valid calls to this URL and relay its answers")
	cmd.Flags().StringVar(&appInfo, "app-info", "", `appInfo to answer createInstance with, as JSON ({"frontEndUrl":"…"})`)
	return cmd
}

func listenRun(ctx context.Context, f *cmdutil.Factory, addr, key, forward string, app map[string]any) error {
	ios := f.IOStreams
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return cmdutil.FlagError("sandbox.serve.addr", addr, err)
	}
	u := "http://" + ln.Addr().String() + "/spi"
	jsonOut := f.OutputFormat() == "json"
	var mu sync.Mutex
	l := &spi.Listener{Key: key, Forward: forward, AppInfo: app, Events: func(e spi.Event) {
		mu.Lock()
		defer mu.Unlock()
		if jsonOut {
			b, _ := json.Marshal(e)
			fmt.Fprintln(ios.Out, string(b))
			return
		}
		st := ios.Styles()
		mark := st.Success.Render("✓")
		if !e.Valid {
			mark = st.Error.Render("✗")
		}
		var ps []string
		for k, v := range e.Params {
			if k != "action" && k != "token" {
				ps = append(ps, k+"="+v)
			}
		}
		sort.Strings(ps)
		fmt.Fprintf(ios.Out, "%s %s %s %s → %d %s\n", e.Time.Format("15:04:05"), mark, st.Bold.Render(e.Action), strings.Join(ps, " "), e.Status, st.Muted.Render(e.Verdict))
	}}
	if jsonOut {
		b, _ := json.Marshal(map[string]string{"url": u})
		fmt.Fprintln(ios.Out, string(b))
	} else {
		fmt.Fprintln(ios.Out, u)
	}
	fmt.Fprintln(ios.ErrOut, ios.StylesErr().Success.Render(f.T("spi.listen.start", u)))
	srv := &http.Server{Handler: l, ReadHeaderTimeout: 10 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		if err != http.ErrServerClosed {
			return err
		}
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	srv.Shutdown(shut)
	return nil
}
