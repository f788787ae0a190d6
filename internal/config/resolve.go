package config

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/mkt-cli/mkt/internal/i18n"
)

// SourceKind says where a setting came from, in precedence order.
type SourceKind string

// The sources of a setting, highest precedence first (README.md, Configuration).
const (
	SourceFlag       SourceKind = "flag"
	SourceEnvMKT     SourceKind = "env-mkt"
	SourceEnvAlibaba SourceKind = "env-alibaba-cloud"
	SourceProfile    SourceKind = "profile"
	SourceAliyunCLI  SourceKind = "aliyun-cli"
	SourceSandbox    SourceKind = "sandbox"
	SourceDefault    SourceKind = "default"
)

// Source is a setting's origin: the kind and the precise place (a flag, a variable, a file and
// profile name).
type Source struct {
	Kind   SourceKind `json:"kind"`
	Detail string     `json:"detail,omitempty"`
	// Text is Detail for people, in their language, where Detail is words rather than a name.
	Text i18n.Message `json:"-"`
}

// described is a Source whose detail is words: Detail in English, Text in any language.
func described(kind SourceKind, text i18n.Message) Source {
	return Source{Kind: kind, Detail: text.In(i18n.EN), Text: text}
}

// Credential is an AccessKey pair, with an STS token when temporary.
type Credential struct {
	AccessKeyID     string
	AccessKeySecret string
	SecurityToken   string
}

// Inputs are everything resolution looks at. Getenv is injected so tests need no process env.
type Inputs struct {
	FlagProfile  string
	FlagEndpoint string
	FlagRegion   string
	// FlagSandbox is --sandbox.
	FlagSandbox bool
	Getenv      func(string) string
	// LookupEnv tells a variable set to "" from one not set (a CI secret with a misspelt name
	// expands to ""). Nil: a variable is set when Getenv gives it a value.
	LookupEnv func(string) (string, bool)
	File      *File
	// AliyunPath overrides where the aliyun CLI config is read (tests); empty means the default.
	AliyunPath string
}

// Target is what mkt talks to.
type Target string

const (
	// TargetLive is a real endpoint with real credentials.
	TargetLive Target = "live"
	// TargetSandbox is the local marketplace: embedded, or served by `mkt sandbox serve`.
	TargetSandbox Target = "sandbox"
)

// Resolved is the outcome: what is in force and where each part came from.
type Resolved struct {
	// Target is live or sandbox; TargetSource says why.
	Target       Target
	TargetSource Source
	// Extension reports whether the endpoint implements mkt's seller extension (the sandbox
	// always does; a live endpoint when a profile or MKT_EXTENSION declares it).
	Extension        bool
	ExtensionSource  Source
	Profile          string
	Credential       *Credential
	CredentialSource Source
	Endpoint         string
	EndpointSource   Source
	Region           string
	RegionSource     Source
	// Notes explain sources that were looked at and passed over.
	Notes []i18n.Message
}

// Sandbox reports whether the target is the sandbox.
func (r *Resolved) Sandbox() bool { return r.Target == TargetSandbox }

// Embedded reports whether the target is the embedded sandbox (served in process).
func (r *Resolved) Embedded() bool { return r.Sandbox() && r.EndpointSource.Kind == SourceSandbox }

// CredentialVars are the variables that carry an AccessKey pair, in precedence order.
var CredentialVars = []string{
	"MKT_ACCESS_KEY_ID", "MKT_ACCESS_KEY_SECRET",
	"ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
	"ALIBABACLOUD_ACCESS_KEY_ID", "ALIBABACLOUD_ACCESS_KEY_SECRET",
	"ALICLOUD_ACCESS_KEY_ID", "ALICLOUD_ACCESS_KEY_SECRET",
}

// InCI reports whether this run is in a CI job: every mainstream CI service sets CI.
func InCI(getenv func(string) string) bool {
	v := strings.ToLower(strings.TrimSpace(getenv("CI")))
	return v != "" && v != "0" && v != "false" && v != "no"
}

// ResolveError is a credential configuration that is present but unusable.
type ResolveError struct {
	Msg    i18n.Message
	Remedy i18n.Message
}

func (e *ResolveError) Error() string { return e.Msg.String() }

// NoCredentials is the Detail of a sandbox chosen because no credential was found.
const NoCredentials = "no credentials configured"

// DefaultRegion is used when nothing names one.
const DefaultRegion = "cn-hangzhou"

// Production endpoints (docs/api.md).
const (
	EndpointChina = "market.aliyuncs.com"
	EndpointIntl  = "market.ap-southeast-1.aliyuncs.com"
)

// EndpointForRegion maps a region to the Market endpoint that serves it: the Chinese
// mainland regions to market.aliyuncs.com, the others to the international site.
func EndpointForRegion(region string) string {
	if strings.HasPrefix(region, "cn-") {
		return EndpointChina
	}
	return EndpointIntl
}

// NestEndpointForRegion maps a region to the ComputeNestSupplier endpoint that serves it:
// computenestsupplier.cn-hangzhou.aliyuncs.com for the Chinese mainland, the Singapore one for
// the others (the two endpoints the API has).
func NestEndpointForRegion(region string) string {
	if strings.HasPrefix(region, "cn-") {
		return "computenestsupplier.cn-hangzhou.aliyuncs.com"
	}
	return "computenestsupplier.ap-southeast-1.aliyuncs.com"
}

// NestEndpoint is where ComputeNestSupplier's actions go for r: MKT_NEST_ENDPOINT (as given,
// normalized by the caller), else the configured endpoint when one was named (a stub or a
// proxy answers both products), else the region's ComputeNestSupplier endpoint.
func (r *Resolved) NestEndpoint(getenv func(string) string) (endpoint string, fromEnv bool) {
	if v := getenv("MKT_NEST_ENDPOINT"); v != "" {
		return v, true
	}
	if r.EndpointSource.Kind != SourceDefault {
		return r.Endpoint, false
	}
	return NestEndpointForRegion(r.Region), false
}

// DefaultSTSEndpoint is STS's public endpoint: it answers GetCallerIdentity for every region.
const DefaultSTSEndpoint = "sts.aliyuncs.com"

// STSEndpoint is where mkt asks STS whose the live credentials are (to read the seller's
// listed products through the public API), as given (the caller normalizes it):
// MKT_STS_ENDPOINT, else the configured endpoint when one was named (a stub or a proxy
// answers both), else STS's public endpoint.
func (r *Resolved) STSEndpoint(getenv func(string) string) (endpoint string, fromEnv bool) {
	if v := getenv("MKT_STS_ENDPOINT"); v != "" {
		return v, true
	}
	if r.EndpointSource.Kind != SourceDefault {
		return r.Endpoint, false
	}
	return DefaultSTSEndpoint, false
}

// Resolve applies the precedence documented in README.md (Configuration): flag → MKT_* env → ALIBABA_CLOUD_* env → mkt
// profile → aliyun CLI profile → sandbox.
func Resolve(in Inputs) (*Resolved, error) {
	getenv := in.Getenv
	file := in.File
	if file == nil {
		file = &File{Profiles: map[string]*Profile{}}
	}
	r := &Resolved{Profile: file.ActiveProfileName(in.FlagProfile, getenv)}
	lookup := in.LookupEnv
	if lookup == nil {
		lookup = func(k string) (string, bool) { v := getenv(k); return v, v != "" }
	}
	if sb, ok := explicitSandbox(in, getenv, file, r.Profile); ok {
		return resolveSandbox(in, getenv, file, r, sb)
	}
	// A credential variable set to nothing is a mistake (a CI secret with a misspelt name), not
	// a request for the sandbox: a release would go green having published nothing.
	for _, k := range CredentialVars {
		if v, set := lookup(k); set && strings.TrimSpace(v) == "" {
			return nil, &ResolveError{Msg: i18n.M("cred.env.empty", k), Remedy: i18n.M("remedy.env.empty", k)}
		}
	}

	aliyunPath := in.AliyunPath
	if aliyunPath == "" {
		aliyunPath = AliyunConfigPath(getenv)
	}
	var aliyun *AliyunConfig
	aliyunLoaded := false
	loadAliyun := func() (*AliyunConfig, error) {
		if !aliyunLoaded {
			aliyunLoaded = true
			var err error
			aliyun, err = LoadAliyun(aliyunPath)
			if err != nil {
				return nil, err
			}
		}
		return aliyun, nil
	}
	var aliyunProfile *AliyunProfile

	// An explicitly named profile: --profile, then MKT_PROFILE.
	named, namedKind, namedDetail := in.FlagProfile, SourceFlag, "--profile"
	if named == "" && getenv("MKT_PROFILE") != "" {
		named, namedKind, namedDetail = getenv("MKT_PROFILE"), SourceEnvMKT, "MKT_PROFILE"
	}
	if named != "" {
		lower := strings.ToLower(named)
		if p := file.Profile(lower); p.HasCredential() {
			r.Credential = &Credential{p.AccessKeyID, p.AccessKeySecret, p.SecurityToken}
			r.CredentialSource = described(namedKind, i18n.M("source.d.named", namedDetail, named, lower))
		} else {
			c, err := loadAliyun()
			if err != nil {
				return nil, err
			}
			ap, found := AliyunProfile{}, false
			if c != nil {
				ap, found = c.Profile(named)
			}
			switch {
			case found:
				if ok, why := ap.Usable(); !ok {
					return nil, &ResolveError{
						Msg:    i18n.M("cred.aliyun.unusable", named, c.Path(), why),
						Remedy: i18n.M("remedy.login.profile", lower),
					}
				}
				aliyunProfile = &ap
				r.Credential = &Credential{ap.AccessKeyID, ap.AccessKeySecret, ap.StsToken}
				r.CredentialSource = described(namedKind, i18n.M("source.d.namedaliyun", namedDetail, named, named, c.Path()))
			case file.Profile(lower) != nil:
				return nil, &ResolveError{
					Msg:    i18n.M("cred.profile.nocred", lower),
					Remedy: i18n.M("remedy.login.profile", lower),
				}
			default:
				return nil, &ResolveError{
					Msg:    i18n.M("cred.profile.notfound", named, namedDetail),
					Remedy: i18n.M("remedy.login.profile", lower),
				}
			}
		}
	}

	// MKT_* and ALIBABA_CLOUD_* environment variables.
	if r.Credential == nil {
		c, src, err := envCredential(getenv, []string{"MKT_"}, SourceEnvMKT)
		if err != nil {
			return nil, err
		}
		if c == nil {
			c, src, err = envCredential(getenv, []string{"ALIBABA_CLOUD_", "ALIBABACLOUD_", "ALICLOUD_"}, SourceEnvAlibaba)
			if err != nil {
				return nil, err
			}
		}
		if c != nil {
			r.Credential, r.CredentialSource = c, src
		}
	}

	// mkt's own active profile.
	if r.Credential == nil {
		if p := file.Profile(r.Profile); p.HasCredential() {
			r.Credential = &Credential{p.AccessKeyID, p.AccessKeySecret, p.SecurityToken}
			r.CredentialSource = described(SourceProfile, i18n.M("source.d.in", r.Profile, file.FilePath()))
		}
	}

	// The aliyun CLI's profile.
	if r.Credential == nil {
		c, err := loadAliyun()
		if err != nil {
			r.Notes = append(r.Notes, i18n.M("cred.aliyun.skipped", err.Error()))
		} else if c != nil {
			name, how := aliyunProfileName(c, getenv)
			if ap, found := c.Profile(name); found {
				if ok, why := ap.Usable(); ok {
					aliyunProfile = &ap
					r.Credential = &Credential{ap.AccessKeyID, ap.AccessKeySecret, ap.StsToken}
					r.CredentialSource = described(SourceAliyunCLI, i18n.M("source.d.aliyun", name, how, c.Path()))
				} else {
					r.Notes = append(r.Notes, i18n.M("cred.aliyun.profileskipped", name, c.Path(), why))
				}
			} else {
				r.Notes = append(r.Notes, i18n.M("cred.aliyun.profilemissing", name, c.Path()))
			}
		}
	}

	if r.Credential == nil {
		if InCI(getenv) {
			return nil, &ResolveError{Msg: i18n.M("cred.ci.none"), Remedy: i18n.M("remedy.ci.sandbox")}
		}
		r.CredentialSource = described(SourceSandbox, i18n.M("source.d.nocred"))
		r.Target, r.TargetSource = TargetSandbox, described(SourceSandbox, i18n.M("source.d.nocred"))
		r.Extension, r.ExtensionSource = true, described(SourceSandbox, i18n.M("source.d.sandboxext"))
	} else {
		r.Target, r.TargetSource = TargetLive, r.CredentialSource
	}

	active := file.Profile(r.Profile)
	if r.Target == TargetLive {
		switch {
		case Truthy(getenv("MKT_EXTENSION")):
			r.Extension, r.ExtensionSource = true, Source{Kind: SourceEnvMKT, Detail: "MKT_EXTENSION"}
		case active != nil && active.Extension:
			r.Extension, r.ExtensionSource = true, Source{Kind: SourceProfile, Detail: strconv.Quote(r.Profile)}
		}
	}

	// Region.
	switch {
	case in.FlagRegion != "":
		r.Region, r.RegionSource = in.FlagRegion, Source{Kind: SourceFlag, Detail: "--region"}
	case getenv("MKT_REGION") != "":
		r.Region, r.RegionSource = getenv("MKT_REGION"), Source{Kind: SourceEnvMKT, Detail: "MKT_REGION"}
	default:
		for _, k := range []string{"ALIBABA_CLOUD_REGION_ID", "ALIBABACLOUD_REGION_ID", "ALICLOUD_REGION_ID"} {
			if v := getenv(k); v != "" {
				r.Region, r.RegionSource = v, Source{Kind: SourceEnvAlibaba, Detail: k}
				break
			}
		}
		if r.Region == "" && active != nil && active.Region != "" {
			r.Region, r.RegionSource = active.Region, Source{Kind: SourceProfile, Detail: strconv.Quote(r.Profile)}
		}
		if r.Region == "" && aliyunProfile != nil && aliyunProfile.RegionID != "" {
			r.Region, r.RegionSource = aliyunProfile.RegionID, Source{Kind: SourceAliyunCLI, Detail: strconv.Quote(aliyunProfile.Name)}
		}
		if r.Region == "" {
			r.Region, r.RegionSource = DefaultRegion, Source{Kind: SourceDefault, Detail: ""}
		}
	}
	if !ValidRegion(r.Region) {
		return nil, &ResolveError{Msg: i18n.M("config.region.invalid", r.Region, r.RegionSource.Detail), Remedy: i18n.M("remedy.region")}
	}

	// Endpoint.
	switch {
	case in.FlagEndpoint != "":
		r.Endpoint, r.EndpointSource = in.FlagEndpoint, Source{Kind: SourceFlag, Detail: "--endpoint"}
	case getenv("MKT_ENDPOINT") != "":
		r.Endpoint, r.EndpointSource = getenv("MKT_ENDPOINT"), Source{Kind: SourceEnvMKT, Detail: "MKT_ENDPOINT"}
	case active != nil && active.Endpoint != "":
		r.Endpoint, r.EndpointSource = active.Endpoint, Source{Kind: SourceProfile, Detail: strconv.Quote(r.Profile)}
	case r.Credential == nil:
		r.Endpoint, r.EndpointSource = "sandbox", described(SourceSandbox, i18n.M("source.d.embedded"))
	default:
		r.Endpoint, r.EndpointSource = EndpointForRegion(r.Region), described(SourceDefault, i18n.M("source.d.region", r.Region))
	}
	if r.EndpointSource.Kind != SourceSandbox {
		if _, err := NormalizeEndpoint(r.Endpoint); err != nil {
			return nil, &ResolveError{Msg: i18n.M("config.endpoint.invalid", RedactEndpoint(r.Endpoint), r.EndpointSource.Detail, err.Error()), Remedy: i18n.M("remedy.endpoint")}
		}
	}
	return r, nil
}

// envCredential reads <PREFIX>ACCESS_KEY_ID, _SECRET and SECURITY_TOKEN for the first prefix
// that has any of them. One half of a pair is an error, not a silent fall-through.
func envCredential(getenv func(string) string, prefixes []string, kind SourceKind) (*Credential, Source, error) {
	for _, p := range prefixes {
		id, secret, token := getenv(p+"ACCESS_KEY_ID"), getenv(p+"ACCESS_KEY_SECRET"), getenv(p+"SECURITY_TOKEN")
		if id == "" && secret == "" {
			continue
		}
		if id == "" || secret == "" {
			missing := p + "ACCESS_KEY_SECRET"
			if id == "" {
				missing = p + "ACCESS_KEY_ID"
			}
			return nil, Source{}, &ResolveError{
				Msg:    i18n.M("cred.env.half", missing),
				Remedy: i18n.M("remedy.env.half", p+"ACCESS_KEY_ID", p+"ACCESS_KEY_SECRET"),
			}
		}
		detail := p + "ACCESS_KEY_ID, " + p + "ACCESS_KEY_SECRET"
		if token != "" {
			detail += ", " + p + "SECURITY_TOKEN"
		}
		return &Credential{id, secret, token}, Source{Kind: kind, Detail: detail}, nil
	}
	return nil, Source{}, nil
}

// ValidRegion reports whether s looks like an Alibaba Cloud region ID: two lower-case letters,
// then one to four dash-separated parts of lower-case letters and digits (cn-hangzhou,
// ap-southeast-1, cn-shanghai-finance-1). Hand-written rather than a package-level regexp:
// compiling one costs start-up time on every run.
func ValidRegion(s string) bool {
	parts := strings.Split(s, "-")
	if len(parts) < 2 || len(parts) > 5 || len(parts[0]) != 2 {
		return false
	}
	for i, p := range parts {
		if p == "" {
			return false
		}
		for j := 0; j < len(p); j++ {
			c := p[j]
			if !('a' <= c && c <= 'z' || i > 0 && '0' <= c && c <= '9') {
				return false
			}
		}
	}
	return true
}

// RedactEndpoint is s fit to print: a password given in the URL (which NormalizeEndpoint
// refuses, with a message that shows the endpoint) is replaced by "***".
func RedactEndpoint(s string) string {
	if u, err := url.Parse(strings.TrimSpace(s)); err == nil && u.User != nil {
		if _, has := u.User.Password(); has {
			u.User = url.UserPassword(u.User.Username(), "***")
			return strings.Replace(u.String(), "%2A%2A%2A", "***", 1)
		}
		return u.String()
	}
	// Not parseable as a URL: cut whatever stands between "//" and "@".
	if i := strings.Index(s, "://"); i >= 0 {
		if j := strings.LastIndex(s, "@"); j > i {
			return s[:i+3] + "***" + s[j:]
		}
	}
	return s
}

// NormalizeEndpoint turns "host", "host:port" or an http(s) URL into a base URL with a scheme
// and no trailing slash. A bare host means HTTPS. Credentials, queries, fragments and paths
// are refused: the Market API lives at "/".
func NormalizeEndpoint(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", fmt.Errorf("empty endpoint")
	}
	if !strings.Contains(s, "://") {
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil {
		return "", fmt.Errorf("not a URL: %v", err)
	}
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return "", fmt.Errorf("scheme must be http or https")
	case u.Host == "":
		return "", fmt.Errorf("no host")
	case u.User != nil:
		return "", fmt.Errorf("credentials do not belong in the endpoint")
	case u.RawQuery != "" || u.Fragment != "":
		return "", fmt.Errorf("no query or fragment allowed")
	case u.Path != "" && u.Path != "/":
		return "", fmt.Errorf("no path allowed")
	}
	return u.Scheme + "://" + u.Host, nil
}

// explicitSandbox is --sandbox, MKT_SANDBOX or the profile's sandbox setting, and where it
// came from.
func explicitSandbox(in Inputs, getenv func(string) string, file *File, profile string) (Source, bool) {
	switch {
	case in.FlagSandbox:
		return Source{Kind: SourceFlag, Detail: "--sandbox"}, true
	case Truthy(getenv("MKT_SANDBOX")):
		return Source{Kind: SourceEnvMKT, Detail: "MKT_SANDBOX"}, true
	}
	if p := file.Profile(profile); p != nil && p.Sandbox {
		return described(SourceProfile, i18n.M("source.d.sandboxtrue", profile)), true
	}
	return Source{}, false
}

// resolveSandbox is the explicit sandbox: the embedded one, or the one served at --endpoint
// (or MKT_ENDPOINT). Profile credentials and endpoints are ignored; an AccessKey pair in the
// MKT_* variables is used with a served sandbox (the pair `mkt sandbox serve` prints), else
// mkt asks the served sandbox for its own.
func resolveSandbox(in Inputs, getenv func(string) string, file *File, r *Resolved, why Source) (*Resolved, error) {
	r.Target, r.TargetSource = TargetSandbox, why
	r.Extension, r.ExtensionSource = true, described(SourceSandbox, i18n.M("source.d.sandboxext"))
	r.CredentialSource = described(SourceSandbox, i18n.M("source.d.sandboxown"))
	r.Region, r.RegionSource = DefaultRegion, Source{Kind: SourceDefault, Detail: ""}
	switch {
	case in.FlagRegion != "" && ValidRegion(in.FlagRegion):
		r.Region, r.RegionSource = in.FlagRegion, Source{Kind: SourceFlag, Detail: "--region"}
	case getenv("MKT_REGION") != "" && ValidRegion(getenv("MKT_REGION")):
		r.Region, r.RegionSource = getenv("MKT_REGION"), Source{Kind: SourceEnvMKT, Detail: "MKT_REGION"}
	}
	switch {
	case in.FlagEndpoint != "":
		r.Endpoint, r.EndpointSource = in.FlagEndpoint, Source{Kind: SourceFlag, Detail: "--endpoint"}
	case getenv("MKT_ENDPOINT") != "":
		r.Endpoint, r.EndpointSource = getenv("MKT_ENDPOINT"), Source{Kind: SourceEnvMKT, Detail: "MKT_ENDPOINT"}
	default:
		r.Endpoint, r.EndpointSource = "sandbox", described(SourceSandbox, i18n.M("source.d.embedded"))
		return r, nil
	}
	if _, err := NormalizeEndpoint(r.Endpoint); err != nil {
		return nil, &ResolveError{Msg: i18n.M("config.endpoint.invalid", RedactEndpoint(r.Endpoint), r.EndpointSource.Detail, err.Error()), Remedy: i18n.M("remedy.endpoint")}
	}
	c, src, err := envCredential(getenv, []string{"MKT_"}, SourceEnvMKT)
	if err != nil {
		return nil, err
	}
	if c != nil {
		r.Credential, r.CredentialSource = c, src
	}
	return r, nil
}
