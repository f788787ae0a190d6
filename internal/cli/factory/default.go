// Package factory is mkt's composition root: it wires the Factory that every command receives
// to the real things — the configuration, the API client and, when no credentials select the
// real marketplace, the embedded sandbox served in process. It is the one package besides the
// `mkt sandbox` commands that depends on internal/sandbox (and so on SQLite); commands see only
// the Factory's function fields, which tests replace with fakes.
package factory

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/mkt-cli/mkt/internal/build"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/config"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/iostreams"
	"github.com/mkt-cli/mkt/internal/market"
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
	f.Close = w.close
	return f
}

// wiring holds what one run opened: the sandbox's store and the client, each made once.
type wiring struct {
	f     *cmdutil.Factory
	store *sandbox.Store
	made  *market.Client
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

// client returns the one API client of this run. With no credentials it serves requests with
// the embedded sandbox in process (same signing, same JSON); with no credentials and an
// endpoint on this machine it signs with the local sandbox's credentials, so `mkt sandbox
// serve` works without a login.
func (w *wiring) clientOf() (*market.Client, error) {
	if w.made != nil {
		return w.made, nil
	}
	f := w.f
	res, err := f.Resolved()
	if err != nil {
		return nil, err
	}
	opts := market.Options{Timeout: f.Global.Timeout, UserAgent: "mkt/" + build.Read().Version, Language: string(f.Lang())}
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
		c := res.Credential
		opts.Credential = market.Credential{AccessKeyID: c.AccessKeyID, AccessKeySecret: c.AccessKeySecret, SecurityToken: c.SecurityToken}
	case res.EndpointSource.Kind != config.SourceSandbox:
		ep, err := config.NormalizeEndpoint(res.Endpoint)
		if err != nil {
			return nil, err
		}
		if !cmdutil.IsLoopback(ep) {
			return nil, cmdutil.AuthError("client.nocred", ep).WithRemedy("remedy.login")
		}
		if opts.Credential, err = w.sandboxCredential(); err != nil {
			return nil, err
		}
		opts.Endpoint = ep
	default:
		store, err := w.openSandbox()
		if err != nil {
			return nil, err
		}
		if opts.Credential, err = w.sandboxCredential(); err != nil {
			return nil, err
		}
		opts.Endpoint = SandboxEndpoint
		opts.Transport = sandbox.Transport{Handler: sandbox.NewServer(store)}
		w.badge(store.Dir())
	}
	w.made = market.New(opts)
	return w.made, nil
}

func (w *wiring) sandboxCredential() (market.Credential, error) {
	store, err := w.openSandbox()
	if err != nil {
		return market.Credential{}, err
	}
	id, secret, err := store.Credentials()
	return market.Credential{AccessKeyID: id, AccessKeySecret: secret}, err
}

// inSandbox reports whether this run's client talks to the embedded sandbox.
func (w *wiring) inSandbox() bool {
	res, err := w.f.Resolved()
	return err == nil && res.Sandbox() && res.EndpointSource.Kind == config.SourceSandbox
}

// badge is the one line that says a run uses the sandbox (stderr, terminal only).
func (w *wiring) badge(dir string) {
	ios := w.f.IOStreams
	if !ios.IsStderrTTY() {
		return
	}
	st := ios.StylesErr()
	fmt.Fprintf(ios.ErrOut, "%s %s\n", st.Warning.Render("●"), st.Muted.Render(i18n.T(w.f.Lang(), "sandbox.badge", dir)))
}

// sandboxClient is client for commands that only make sense against a sandbox (the embedded
// one, or a `mkt sandbox serve` on this machine): it refuses a production configuration
// instead of sending Sandbox* actions to the marketplace.
func (w *wiring) sandboxClient() (*market.Client, error) {
	res, err := w.f.Resolved()
	if err != nil {
		return nil, err
	}
	if !res.Sandbox() {
		ep, _ := config.NormalizeEndpoint(res.Endpoint)
		if !cmdutil.IsLoopback(ep) {
			return nil, cmdutil.FlagError("sandbox.needlocal", res.Endpoint, res.CredentialSource.Detail).WithRemedy("remedy.sandbox.local")
		}
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
	if res, err := f.Resolved(); err == nil && (res.Sandbox() || cmdutil.IsLoopback(normalized(res.Endpoint))) {
		store, err := w.openSandbox()
		if err != nil {
			return "", "", err
		}
		k, err := store.SPIKey()
		return k, "sandbox", err
	}
	return "", "", cmdutil.AuthError("spi.key.none").WithRemedy("remedy.spi.key")
}

func normalized(ep string) string {
	n, _ := config.NormalizeEndpoint(ep)
	return n
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
	return time.Parse(time.RFC3339, clk.Now)
}
