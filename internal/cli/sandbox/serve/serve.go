// Package serve is `mkt sandbox serve`.
package serve

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/exitcode"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/iostreams"
	"github.com/mkt-cli/mkt/internal/sandbox"
)

// Options are the inputs of `mkt sandbox serve`.
type Options struct {
	Factory  *cmdutil.Factory
	Addr     string
	Quiet    bool
	Throttle float64
}

// Info is what serve prints for scripts.
type Info struct {
	URL             string `json:"url"`
	AccessKeyID     string `json:"accessKeyId"`
	AccessKeySecret string `json:"accessKeySecret"`
	SPIKey          string `json:"spiKey"`
	Dir             string `json:"dir"`
}

// NewCmdServe builds `mkt sandbox serve`.
func NewCmdServe(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the sandbox marketplace over HTTP",
		Long: `Serve the sandbox over HTTP until interrupted (Ctrl-C or SIGTERM), for SDKs, the
aliyun CLI, your SPI tests and other mkt processes. It prints the URL and the sandbox's
AccessKey pair as shell assignments, so a script can source them:

  mkt sandbox serve --addr 127.0.0.1:0 > sandbox.env &
  # wait for the file, then:
  . ./sandbox.env && mkt api DescribeProducts

These are the local sandbox's own credentials, made when the sandbox was created; they
are not an Alibaba Cloud AccessKey. Another mkt on this machine pointed at the URL with
--endpoint needs no credentials at all.`,
		Example: `  mkt sandbox serve
  mkt sandbox serve --addr 127.0.0.1:0 -o json`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return serveRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Addr, "addr", "127.0.0.1:8765", "address to listen on; port 0 picks a free port")
	cmd.Flags().BoolVarP(&opts.Quiet, "quiet", "q", false, "do not log requests on stderr")
	cmd.Flags().Float64Var(&opts.Throttle, "throttle", 0, "refuse requests past this many per second per AccessKey with Throttling.User, as production's flow control does (0: off)")
	return cmd
}

func serveRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	ios := f.IOStreams
	dir, err := f.SandboxDir()
	if err != nil {
		return err
	}
	cmdutil.LongRunning()
	release, err := sandbox.HoldServe(dir)
	if errors.Is(err, sandbox.ErrServed) {
		return &cmdutil.Error{Kind: exitcode.Conflict, Msg: i18n.M("sandbox.inuse", dir), Err: err}
	}
	if err != nil {
		return cmdutil.Failure(err, "sandbox.open", dir)
	}
	defer release()
	store, err := sandbox.Open(dir)
	if err != nil {
		return cmdutil.Failure(err, "sandbox.open", dir)
	}
	defer store.Close()
	id, secret, err := store.Credentials()
	if err != nil {
		return err
	}
	spiKey, err := store.SPIKey()
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return cmdutil.FlagError("sandbox.serve.addr", opts.Addr, err)
	}
	f.WarnIfExposed(ln.Addr())
	info := Info{URL: "http://" + ln.Addr().String(), AccessKeyID: id, AccessKeySecret: secret, SPIKey: spiKey, Dir: store.Dir()}

	if opts.Throttle < 0 {
		return cmdutil.FlagError("sandbox.serve.throttle", opts.Throttle)
	}
	server := sandbox.NewServer(store)
	server.Throttle(opts.Throttle)
	serveFrom, err := server.RestoreNonces()
	if err != nil {
		return cmdutil.Failure(err, "sandbox.open", dir)
	}
	defer func() {
		if err := server.SaveNonces(); err != nil {
			fmt.Fprintln(ios.ErrOut, f.T("sandbox.serve.nonces", err))
		}
	}()
	var handler http.Handler = server
	if !opts.Quiet {
		handler = logRequests(ios.ErrOut, handler)
	}
	srv := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute, IdleTimeout: 2 * time.Minute}
	// After a crash nothing signed before this second is accepted: begin with it, so that no
	// client started after us is refused.
	time.Sleep(time.Until(serveFrom))
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()

	err = f.Print(info, func() error {
		_, err := fmt.Fprintf(ios.Out, "export MKT_ENDPOINT=%s\nexport MKT_ACCESS_KEY_ID=%s\nexport MKT_ACCESS_KEY_SECRET=%s\nexport MKT_SPI_KEY=%s\n", info.URL, info.AccessKeyID, info.AccessKeySecret, info.SPIKey)
		return err
	})
	if err != nil {
		srv.Close()
		return err
	}
	fmt.Fprintln(ios.ErrOut, ios.StylesErr().Success.Render(f.T("sandbox.serve.start", info.URL, info.Dir)))
	if opts.Throttle > 0 {
		fmt.Fprintln(ios.ErrOut, f.T("sandbox.serve.throttling", opts.Throttle))
	}

	select {
	case err := <-errc:
		if !errors.Is(err, http.ErrServerClosed) {
			return err
		}
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		srv.Close()
	}
	fmt.Fprintln(ios.ErrOut, f.T("sandbox.serve.stop"))
	return nil
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) { w.status = code; w.ResponseWriter.WriteHeader(code) }

func logRequests(w interface{ Write([]byte) (int, error) }, next http.Handler) http.Handler {
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: rw, status: 200}
		next.ServeHTTP(sw, r)
		action := r.Header.Get("x-acs-action")
		if action == "" {
			action = r.URL.Query().Get("Action")
		}
		fmt.Fprintf(w, "%s %s %d %s\n", time.Now().Format("15:04:05"), iostreams.LogValue(action), sw.status, time.Since(start).Round(time.Microsecond))
	})
}
