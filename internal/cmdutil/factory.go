package cmdutil

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/mkt-cli/mkt/internal/config"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/iostreams"
	"github.com/mkt-cli/mkt/internal/market"
)

// GlobalOptions are the root's persistent flags (README.md, Configuration). Cobra fills them while parsing;
// nothing reads configuration to get them.
type GlobalOptions struct {
	Profile  string
	Endpoint string
	Region   string
	Output   string
	Lang     string
	NoColor  bool
	Debug    bool
	Yes      bool
	Timeout  time.Duration
	// Sandbox is --sandbox: always the sandbox, whatever credentials exist.
	Sandbox bool
	// JQ and Template are --jq and --template: the JSON output filtered (Filter).
	JQ, Template string
	// Filter is JQ or Template parsed, set before the command runs; nil when neither.
	Filter *Filter
}

// Factory gives commands what they need, each piece made the first time it is asked for, so
// that `mkt --help`, `mkt version` and `mkt completion` touch no file and no network.
type Factory struct {
	IOStreams *iostreams.IOStreams
	Getenv    func(string) string
	prompter  Prompter
	// LookupEnv tells a variable set to "" from one not set; nil: set means non-empty.
	LookupEnv func(string) (string, bool)
	Global    *GlobalOptions
	Now       func() time.Time

	cfgOnce sync.Once
	cfg     *config.File
	cfgErr  error

	resOnce sync.Once
	res     *config.Resolved
	resErr  error

	// The wiring, set by the composition root (internal/cli/factory); tests set fakes. Each
	// is made on first use, so `mkt --help` opens nothing.

	// Client is this run's API client.
	Client func() (*market.Client, error)
	// SandboxClient is Client for commands that only make sense against a sandbox: it refuses
	// a configuration that points at the real marketplace.
	SandboxClient func() (*market.Client, error)
	// InSandbox reports whether this run's client talks to the embedded sandbox.
	InSandbox func() bool
	// MarketNow is the marketplace's time: the sandbox's clock (which may have been moved)
	// when this run talks to a sandbox, this machine's otherwise.
	MarketNow func(ctx context.Context) (time.Time, error)
	// ShownNow is what a terminal's relative times ("in 3 days") count from: the
	// marketplace's time, read once per run (Now when it cannot be read).
	ShownNow func() time.Time
	// CallerAccount is the Alibaba Cloud account the live credentials belong to (STS
	// GetCallerIdentity).
	CallerAccount func(ctx context.Context) (string, error)
	// SPIKey finds the ISV key that signs SPI calls and says where it came from.
	SPIKey func(fromStdin bool) (key, source string, err error)
	// Close releases what the run opened.
	Close func()
}

// errNotWired is what an unwired Factory answers (a test that forgot a fake).
var errNotWired = errors.New("cmdutil: this Factory has no client; build it with internal/cli/factory.New or set a fake")

// NewFactory returns a Factory over the given streams and environment.
func NewFactory(ios *iostreams.IOStreams, getenv func(string) string) *Factory {
	f := &Factory{
		IOStreams:     ios,
		Getenv:        getenv,
		Global:        &GlobalOptions{},
		Now:           time.Now,
		Client:        func() (*market.Client, error) { return nil, errNotWired },
		SandboxClient: func() (*market.Client, error) { return nil, errNotWired },
		InSandbox:     func() bool { return false },
		SPIKey:        func(bool) (string, string, error) { return "", "", errNotWired },
		MarketNow:     func(context.Context) (time.Time, error) { return time.Now(), nil },
		ShownNow:      time.Now,
		CallerAccount: func(context.Context) (string, error) { return "", errNotWired },
		Close:         func() {},
	}
	// Terminal times and durations read in the merchant's language, decided when first shown.
	ios.SetTimeFormat(iostreams.TimeFormat{
		Now:      func() time.Time { return f.ShownNow() },
		Relative: func(now, t time.Time) string { return Relative(f.Lang(), now, t) },
		Duration: func(d time.Duration) string { return i18n.Duration(f.Lang(), d) },
	})
	return f
}

// ConfigPath is the path of mkt's configuration file.
func (f *Factory) ConfigPath() (string, error) { return config.Path(f.Getenv) }

// Config loads mkt's configuration file once.
func (f *Factory) Config() (*config.File, error) {
	f.cfgOnce.Do(func() {
		path, err := config.Path(f.Getenv)
		if err != nil {
			f.cfgErr = err
			return
		}
		f.cfg, f.cfgErr = config.Load(path)
	})
	return f.cfg, f.cfgErr
}

// Resolved decides, once, which credential, endpoint and region are in force and where each
// came from.
func (f *Factory) Resolved() (*config.Resolved, error) {
	f.resOnce.Do(func() {
		file, err := f.Config()
		if err != nil {
			f.resErr = err
			return
		}
		f.res, f.resErr = config.Resolve(config.Inputs{
			FlagProfile:  f.Global.Profile,
			FlagEndpoint: f.Global.Endpoint,
			FlagRegion:   f.Global.Region,
			FlagSandbox:  f.Global.Sandbox,
			Getenv:       f.Getenv,
			LookupEnv:    f.LookupEnv,
			File:         file,
		})
	})
	return f.res, f.resErr
}

// Lang is the merchant's language: --lang, MKT_LANG, the profile's lang, the locale.
// Configuration is consulted only if it loads cleanly; a broken file must not hide the error
// that is being reported about it.
func (f *Factory) Lang() i18n.Lang {
	if l, ok := i18n.ParseLang(f.Global.Lang); ok {
		return l
	}
	if l, ok := i18n.ParseLang(f.Getenv("MKT_LANG")); ok {
		return l
	}
	cfgLang := ""
	if file, err := f.Config(); err == nil {
		cfgLang = file.ActiveProfile(f.Global.Profile, f.Getenv).Lang
	}
	return i18n.Detect("", cfgLang, f.Getenv)
}

// T renders a catalog message in the merchant's language.
func (f *Factory) T(key string, args ...any) string { return i18n.T(f.Lang(), key, args...) }

// Enum is how a code value of kind (i18n.EnumProductState…) reads: its Chinese name in zh.
func (f *Factory) Enum(kind, value string) string { return i18n.Enum(f.Lang(), kind, value) }

// EnumBeside is Enum with the value beside it in zh, for where the reader may type it.
func (f *Factory) EnumBeside(kind, value string) string {
	return i18n.EnumBeside(f.Lang(), kind, value)
}

// OutputFormat is -o, else MKT_OUTPUT, else the profile's output setting, else table.
func (f *Factory) OutputFormat() string {
	if f.Global.Filter != nil {
		return "json" // what --jq and --template work on
	}
	if f.Global.Output != "" {
		return f.Global.Output
	}
	if v := f.Getenv("MKT_OUTPUT"); v != "" {
		return v
	}
	if file, err := f.Config(); err == nil {
		if o := file.ActiveProfile(f.Global.Profile, f.Getenv).Output; o != "" {
			return o
		}
	}
	return "table"
}

// PublicOnly reports whether this run's target offers only Alibaba Cloud's public actions (a
// live endpoint without mkt's seller extension): commands that can, read through those.
func (f *Factory) PublicOnly() bool {
	res, err := f.Resolved()
	return err == nil && !res.Sandbox() && !res.Extension
}
