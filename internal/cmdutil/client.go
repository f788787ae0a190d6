package cmdutil

import (
	"fmt"
	"net"
	"net/url"
	"strings"

	"github.com/mkt-cli/mkt/internal/build"
	"github.com/mkt-cli/mkt/internal/config"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/iostreams"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/sandbox"
)

// SandboxEndpoint is the base URL of the embedded sandbox (never resolved on a network).
const SandboxEndpoint = "http://sandbox.mkt.local"

// SandboxDir is the local sandbox's directory.
func (f *Factory) SandboxDir() (string, error) { return config.SandboxDir(f.Getenv) }

// OpenSandbox opens the local sandbox's store; the Factory closes it at the end of the run.
func (f *Factory) OpenSandbox() (*sandbox.Store, error) {
	if f.store != nil {
		return f.store, nil
	}
	dir, err := f.SandboxDir()
	if err != nil {
		return nil, err
	}
	s, err := sandbox.Open(dir)
	if err != nil {
		return nil, Failure(err, "sandbox.open", dir)
	}
	f.store = s
	return s, nil
}

// Close releases what the Factory opened.
func (f *Factory) Close() {
	if f.store != nil {
		f.store.Close()
		f.store = nil
	}
}

// Client returns the one API client of this run. With no credentials it serves requests with
// the embedded sandbox in process (same signing, same JSON); with no credentials and an
// endpoint on this machine it signs with the local sandbox's credentials, so `mkt sandbox
// serve` works without a login.
func (f *Factory) Client() (*market.Client, error) {
	if f.client != nil {
		return f.client, nil
	}
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
		if !IsLoopback(ep) {
			return nil, AuthError("client.nocred", ep).WithRemedy("remedy.login")
		}
		store, err := f.OpenSandbox()
		if err != nil {
			return nil, err
		}
		id, secret, err := store.Credentials()
		if err != nil {
			return nil, err
		}
		opts.Endpoint = ep
		opts.Credential = market.Credential{AccessKeyID: id, AccessKeySecret: secret}
	default:
		store, err := f.OpenSandbox()
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
		f.badge(store.Dir())
	}
	f.client = market.New(opts)
	return f.client, nil
}

// InSandbox reports whether this run's client talks to the embedded sandbox.
func (f *Factory) InSandbox() bool {
	res, err := f.Resolved()
	return err == nil && res.Sandbox() && res.EndpointSource.Kind == config.SourceSandbox
}

// badge is the one line that says a run uses the sandbox (stderr, terminal only).
func (f *Factory) badge(dir string) {
	ios := f.IOStreams
	if !ios.IsStderrTTY() {
		return
	}
	st := ios.StylesErr()
	fmt.Fprintf(ios.ErrOut, "%s %s\n", st.Warning.Render("●"), st.Muted.Render(i18n.T(f.Lang(), "sandbox.badge", dir)))
}

// IsLoopback reports whether a base URL's host is this machine.
func IsLoopback(base string) bool {
	u, err := url.Parse(base)
	if err != nil {
		return false
	}
	host := u.Hostname()
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// SandboxClient is Client for commands that only make sense against a sandbox (the embedded
// one, or a `mkt sandbox serve` on this machine): it refuses a production configuration
// instead of sending Sandbox* actions to the marketplace.
func (f *Factory) SandboxClient() (*market.Client, error) {
	res, err := f.Resolved()
	if err != nil {
		return nil, err
	}
	if !res.Sandbox() {
		ep, _ := config.NormalizeEndpoint(res.Endpoint)
		if !IsLoopback(ep) {
			return nil, FlagError("sandbox.needlocal", res.Endpoint, res.CredentialSource.Detail).WithRemedy("remedy.sandbox.local")
		}
	}
	return f.Client()
}

// SPIKey finds the ISV key that signs SPI calls: standard input (when asked), MKT_SPI_KEY,
// the profile's spi_key, else — when this run uses the sandbox — the sandbox's own key. It
// returns where the key came from. A key is never taken from a flag.
func (f *Factory) SPIKey(fromStdin bool) (key, source string, err error) {
	if fromStdin {
		line, err := iostreams.ReadLine(f.IOStreams.In)
		line = strings.TrimSpace(line)
		if err != nil || line == "" {
			return "", "", FlagError("spi.key.stdin")
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
	if res, err := f.Resolved(); err == nil && (res.Sandbox() || IsLoopback(mustNormalize(res.Endpoint))) {
		store, err := f.OpenSandbox()
		if err != nil {
			return "", "", err
		}
		k, err := store.SPIKey()
		return k, "sandbox", err
	}
	return "", "", AuthError("spi.key.none").WithRemedy("remedy.spi.key")
}

func mustNormalize(ep string) string {
	n, _ := config.NormalizeEndpoint(ep)
	return n
}
