// Package factory is mkt's composition root: it wires the Factory that every command receives
// to the real things — the configuration, the API client and, when no credentials select the
// real marketplace, the embedded sandbox served in process. It is the one package besides the
// `mkt sandbox` commands that depends on internal/sandbox (and so on SQLite); commands see only
// the Factory's function fields, which tests replace with fakes.
package factory

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/mkt-cli/mkt/internal/build"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/config"
	"github.com/mkt-cli/mkt/internal/iostreams"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/sandbox"
)

// SandboxEndpoint is the base URL of the embedded sandbox (never resolved on a network).
const SandboxEndpoint = "http://sandbox.mkt.local"

// New returns the Factory of one run over the given streams and environment.
func New(ios *iostreams.IOStreams, getenv func(string) string) *cmdutil.Factory {
	f := cmdutil.NewFactory(ios, getenv)
	w := &wiring{f: f}
	f.Client = w.clientOf
	f.SandboxClient = w.sandboxClient
	f.InSandbox = w.inSandbox
	f.SPIKey = w.spiKey
	f.MarketNow = w.marketNow
	f.ShownNow = sync.OnceValue(w.shownNow)
	f.CallerAccount = w.callerAccount
	f.Close = w.close
	return f
}

// wiring holds what one run opened: the sandbox's store and the client, each made once.
type wiring struct {
	f          *cmdutil.Factory
	store      *sandbox.Store
	made       *market.Client
	discovered *sandbox.Discovery
}

// openSandbox opens the local sandbox's store; close releases it at the end of the run.
func (w *wiring) openSandbox() (*sandbox.Store, error) {
	if w.store != nil {
		return w.store, nil
	}
	dir, err := w.f.SandboxDir()
	if err != nil {
		return nil, err
	}
	s, err := sandbox.Open(dir)
	if err != nil {
		return nil, cmdutil.Failure(err, "sandbox.open", dir)
	}
	w.store = s
	return s, nil
}

func (w *wiring) close() {
	if w.store != nil {
		w.store.Close()
		w.store = nil
	}
}

// clientOf returns the one API client of this run. Live: the endpoint with the credentials in
// force. The sandbox: the embedded one served in process (same signing, same JSON), or the
// one served at the endpoint, signed with its own pair (from MKT_ACCESS_KEY_*, or asked of it).
// Every sandbox run says so on stderr: the badge on a terminal, one plain line in a pipe.
func (w *wiring) clientOf() (*market.Client, error) {
	if w.made != nil {
		return w.made, nil
	}
	f := w.f
	res, err := f.Resolved()
	if err != nil {
		return nil, err
	}
	opts := market.Options{Timeout: f.Global.Timeout, UserAgent: "mkt/" + build.Read().Version, Language: string(f.Lang()),
		Offer: marketapi.Offer{Sandbox: res.Sandbox(), Extension: res.Extension}, Region: res.Region}
	if f.Global.Debug {
		opts.Debug = f.IOStreams.ErrOut
	}
	switch {
	case !res.Sandbox():
		ep, err := config.NormalizeEndpoint(res.Endpoint)
		if err != nil {
			return nil, err
		}
		opts.Endpoint = ep
		if opts.NestEndpoint, err = w.nestEndpoint(res, ep); err != nil {
			return nil, err
		}
		c := res.Credential
		opts.Credential = market.Credential{AccessKeyID: c.AccessKeyID, AccessKeySecret: c.AccessKeySecret, SecurityToken: c.SecurityToken}
	case res.Embedded():
		store, err := w.openSandbox()
		if err != nil {
			return nil, err
		}
		id, secret, err := store.Credentials()
		if err != nil {
			return nil, err
		}
		opts.Endpoint = SandboxEndpoint
		opts.Credential = market.Credential{AccessKeyID: id, AccessKeySecret: secret}
		opts.Transport = sandbox.Transport{Handler: sandbox.NewServer(store)}
		w.announce(f.T("sandbox.embedded", store.Dir()), res)
	default:
		ep, err := config.NormalizeEndpoint(res.Endpoint)
		if err != nil {
			return nil, err
		}
		opts.Endpoint = ep
		if c := res.Credential; c != nil {
			opts.Credential = market.Credential{AccessKeyID: c.AccessKeyID, AccessKeySecret: c.AccessKeySecret}
		} else {
			d, err := w.discover(ep)
			if err != nil {
				return nil, err
			}
			opts.Credential = market.Credential{AccessKeyID: d.AccessKeyID, AccessKeySecret: d.AccessKeySecret}
		}
		w.announce(f.T("sandbox.served", ep), res)
	}
	w.made = market.New(opts)
	return w.made, nil
}

// nestEndpoint is where ComputeNestSupplier's actions go live (config.Resolved.NestEndpoint).
func (w *wiring) nestEndpoint(res *config.Resolved, _ string) (string, error) {
	v, fromEnv := res.NestEndpoint(w.f.Getenv)
	ep, err := config.NormalizeEndpoint(v)
	if err != nil && fromEnv {
		return "", cmdutil.FlagError("config.endpoint.invalid", config.RedactEndpoint(v), "MKT_NEST_ENDPOINT", err.Error())
	}
	return ep, err
}

// discover asks a served sandbox for its own keys (sandbox.DiscoveryPath), once.
func (w *wiring) discover(ep string) (sandbox.Discovery, error) {
	if w.discovered != nil {
		return *w.discovered, nil
	}
	fail := func(err error) (sandbox.Discovery, error) {
		return sandbox.Discovery{}, cmdutil.AuthError("sandbox.discover", ep, err).WithRemedy("remedy.sandbox.discover")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, ep+sandbox.DiscoveryPath, nil)
	if err != nil {
		return fail(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return sandbox.Discovery{}, cmdutil.UnavailableError(err, "sandbox.discover", ep, err).WithRemedy("remedy.sandbox.discover")
	}
	defer resp.Body.Close()
	var d sandbox.Discovery
	if resp.StatusCode != http.StatusOK {
		return fail(fmt.Errorf("HTTP %d", resp.StatusCode))
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<16)).Decode(&d); err != nil || d.AccessKeyID == "" {
		return fail(fmt.Errorf("not a mkt sandbox (%v)", err))
	}
	w.discovered = &d
	return d, nil
}

// inSandbox reports whether this run's client talks to the embedded sandbox.
func (w *wiring) inSandbox() bool {
	res, err := w.f.Resolved()
	return err == nil && res.Embedded()
}

// announce says on stderr that this run uses the sandbox: the badge on a terminal, one plain
// line in a pipe (a CI log must show that a rehearsal was a rehearsal).
func (w *wiring) announce(where string, res *config.Resolved) {
	ios := w.f.IOStreams
	if ios.IsStderrTTY() {
		st := ios.StylesErr()
		fmt.Fprintf(ios.ErrOut, "%s %s\n", st.Warning.Render("●"), st.Muted.Render(w.f.T("sandbox.badge", where)))
		return
	}
	why := res.TargetSource.Detail
	if why == config.NoCredentials {
		why = w.f.T("sandbox.why.nocreds")
	}
	fmt.Fprintln(ios.ErrOut, w.f.T("sandbox.line", where, why))
}

// sandboxClient is client for commands that only make sense against a sandbox (the embedded
// one, or a `mkt sandbox serve`): it refuses a live target instead of sending Sandbox*
// actions to the marketplace.
func (w *wiring) sandboxClient() (*market.Client, error) {
	res, err := w.f.Resolved()
	if err != nil {
		return nil, err
	}
	if !res.Sandbox() {
		return nil, cmdutil.FlagError("sandbox.needlocal", res.Endpoint, res.CredentialSource.Detail).WithRemedy("remedy.sandbox.local")
	}
	return w.clientOf()
}

// spiKey finds the ISV key that signs SPI calls: standard input (when asked), MKT_SPI_KEY,
// the profile's spi_key, else — when this run uses the sandbox — the sandbox's own key. It
// returns where the key came from. A key is never taken from a flag.
func (w *wiring) spiKey(fromStdin bool) (key, source string, err error) {
	f := w.f
	if fromStdin {
		line, err := iostreams.ReadLine(f.IOStreams.In)
		line = strings.TrimSpace(line)
		if err != nil || line == "" {
			return "", "", cmdutil.FlagError("spi.key.stdin")
		}
		return line, "stdin", nil
	}
	if k := f.Getenv("MKT_SPI_KEY"); k != "" {
		return k, "MKT_SPI_KEY", nil
	}
	if file, err := f.Config(); err == nil {
		if k := file.ActiveProfile(f.Global.Profile, f.Getenv).SPIKey; k != "" {
			return k, "profile", nil
		}
	}
	if res, err := f.Resolved(); err == nil && res.Embedded() {
		store, err := w.openSandbox()
		if err != nil {
			return "", "", err
		}
		k, err := store.SPIKey()
		return k, "sandbox", err
	} else if err == nil && res.Sandbox() {
		ep, err := config.NormalizeEndpoint(res.Endpoint)
		if err != nil {
			return "", "", err
		}
		d, err := w.discover(ep)
		return d.SPIKey, "sandbox", err
	}
	return "", "", cmdutil.AuthError("spi.key.none").WithRemedy("remedy.spi.key")
}

// marketNow is the sandbox's clock when this run talks to a sandbox, else this machine's.
func (w *wiring) marketNow(ctx context.Context) (time.Time, error) {
	res, err := w.f.Resolved()
	if err != nil {
		return time.Time{}, err
	}
	if !res.Sandbox() {
		return w.f.Now(), nil
	}
	client, err := w.clientOf()
	if err != nil {
		return time.Time{}, err
	}
	clk, err := client.Clock(ctx)
	if err != nil {
		return time.Time{}, err
	}
	// This machine's time moved by the sandbox's offset: the clock's own answer is to the
	// second, which would put "now" up to a second before what just happened.
	return w.f.Now().Add(time.Duration(clk.OffsetSeconds) * time.Second), nil
}

// shownNow is the marketplace's time for relative times on a terminal: a sandbox whose clock
// was moved shows "in 3 days" from its own now. It never fails a run: without an answer within
// a few seconds it is this machine's time.
func (w *wiring) shownNow() time.Time {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	if t, err := w.marketNow(ctx); err == nil {
		return t
	}
	return w.f.Now()
}

// callerAccount asks STS whose the live credentials are, at the endpoint
// config.Resolved.STSEndpoint names.
func (w *wiring) callerAccount(ctx context.Context) (string, error) {
	f := w.f
	res, err := f.Resolved()
	if err != nil {
		return "", err
	}
	client, err := w.clientOf()
	if err != nil {
		return "", err
	}
	sts, fromEnv := res.STSEndpoint(f.Getenv)
	if sts, err = config.NormalizeEndpoint(sts); err != nil {
		if fromEnv {
			return "", cmdutil.FlagError("config.endpoint.invalid", config.RedactEndpoint(f.Getenv("MKT_STS_ENDPOINT")), "MKT_STS_ENDPOINT", err.Error())
		}
		return "", err
	}
	return client.CallerIdentity(ctx, sts)
}
