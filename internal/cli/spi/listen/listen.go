// Package listen is `mkt spi listen`.
package listen

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/iostreams"
	"github.com/mkt-cli/mkt/internal/rules"
	"github.com/mkt-cli/mkt/internal/spi"
)

// Options are the inputs of `mkt spi listen`.
type Options struct {
	Factory  *cmdutil.Factory
	Addr     string
	Forward  string
	AppInfo  map[string]any
	KeyStdin bool
}

// NewCmdListen builds `mkt spi listen`; runF replaces the run in tests.
func NewCmdListen(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	var appInfo string
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
			if appInfo != "" {
				if err := json.Unmarshal([]byte(appInfo), &opts.AppInfo); err != nil {
					return cmdutil.FlagError("spi.appinfo", err)
				}
			}
			if opts.Forward != "" && rules.CheckURL("forward URL", opts.Forward) != nil {
				return cmdutil.FlagError("spi.url.invalid", opts.Forward)
			}
			if runF != nil {
				return runF(opts)
			}
			return listenRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.KeyStdin, "key-stdin", false, "read the ISV key from standard input")
	cmd.Flags().StringVar(&opts.Addr, "addr", "127.0.0.1:0", "address to listen on; port 0 picks a free port")
	cmd.Flags().StringVar(&opts.Forward, "forward-to", "", "pass valid calls to this URL and relay its answers")
	cmd.Flags().StringVar(&appInfo, "app-info", "", `appInfo to answer createInstance with, as JSON ({"frontEndUrl":"…"})`)
	return cmd
}

func listenRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	ios := f.IOStreams
	key, _, err := f.SPIKey(opts.KeyStdin)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return cmdutil.FlagError("sandbox.serve.addr", opts.Addr, err)
	}
	f.WarnIfExposed(ln.Addr())
	u := "http://" + ln.Addr().String() + "/spi"
	jsonOut := f.OutputFormat() == "json"
	l := &spi.Listener{Key: key, Forward: opts.Forward, AppInfo: opts.AppInfo, Events: printer(f, jsonOut)}
	if jsonOut {
		b, _ := json.Marshal(map[string]string{"url": u})
		fmt.Fprintln(ios.Out, string(b))
	} else {
		fmt.Fprintln(ios.Out, u)
	}
	fmt.Fprintln(ios.ErrOut, ios.StylesErr().Success.Render(f.T("spi.listen.start", u)))
	cmdutil.LongRunning()
	srv := &http.Server{Handler: l, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute, IdleTimeout: 2 * time.Minute}
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
	return srv.Shutdown(shut)
}

// printer prints each call received: a JSON line each with -o json, else one readable line.
func printer(f *cmdutil.Factory, jsonOut bool) func(spi.Event) {
	ios := f.IOStreams
	var mu sync.Mutex
	return func(e spi.Event) {
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
				ps = append(ps, iostreams.LogValue(k)+"="+iostreams.LogValue(v))
			}
		}
		sort.Strings(ps)
		fmt.Fprintf(ios.Out, "%s %s %s %s → %d %s\n", e.Time.Format("15:04:05"), mark, st.Bold.Render(iostreams.LogValue(e.Action)), strings.Join(ps, " "), e.Status, st.Muted.Render(e.Verdict))
	}
}
