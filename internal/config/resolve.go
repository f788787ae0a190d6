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
	Getenv       func(string) string
	File         *File
	// AliyunPath overrides where the aliyun CLI config is read (tests); empty means the default.
	AliyunPath string
}

// Resolved is the outcome: what is in force and where each part came from.
type Resolved struct {
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

// Sandbox reports whether no credential is configured, so commands go to the local sandbox.
func (r *Resolved) Sandbox() bool { return r.Credential == nil }

// ResolveError is a credential configuration that is present but unusable.
type ResolveError struct {
	Msg    i18n.Message
	Remedy i18n.Message
}

func (e *ResolveError) Error() string { return e.Msg.String() }

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

// Resolve applies the precedence documented in README.md (Configuration): flag → MKT_* env → ALIBABA_CLOUD_* env → mkt
// profile → aliyun CLI profile → sandbox.
func Resolve(in Inputs) (*Resolved, error) {
	getenv := in.Getenv
	file := in.File
	if file == nil {
		file = &File{Profiles: map[string]*Profile{}}
	}
	r := &Resolved{Profile: file.ActiveProfileName(in.FlagProfile, getenv)}

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
			r.CredentialSource = Source{namedKind, fmt.Sprintf("%s %s → mkt profile %q", namedDetail, named, lower)}
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
				r.CredentialSource = Source{namedKind, fmt.Sprintf("%s %s → aliyun CLI profile %q in %s", namedDetail, named, named, c.Path())}
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
			r.CredentialSource = Source{SourceProfile, fmt.Sprintf("%q in %s", r.Profile, file.FilePath())}
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
					r.CredentialSource = Source{SourceAliyunCLI, fmt.Sprintf("%q (%s) in %s", name, how, c.Path())}
				} else {
					r.Notes = append(r.Notes, i18n.M("cred.aliyun.profileskipped", name, c.Path(), why))
				}
			} else {
				r.Notes = append(r.Notes, i18n.M("cred.aliyun.profilemissing", name, c.Path()))
			}
		}
	}

	if r.Credential == nil {
		r.CredentialSource = Source{SourceSandbox, "no credentials configured"}
	}

	active := file.Profile(r.Profile)

	// Region.
	switch {
	case in.FlagRegion != "":
		r.Region, r.RegionSource = in.FlagRegion, Source{SourceFlag, "--region"}
	case getenv("MKT_REGION") != "":
		r.Region, r.RegionSource = getenv("MKT_REGION"), Source{SourceEnvMKT, "MKT_REGION"}
	default:
		for _, k := range []string{"ALIBABA_CLOUD_REGION_ID", "ALIBABACLOUD_REGION_ID", "ALICLOUD_REGION_ID"} {
			if v := getenv(k); v != "" {
				r.Region, r.RegionSource = v, Source{SourceEnvAlibaba, k}
				break
			}
		}
		if r.Region == "" && active != nil && active.Region != "" {
			r.Region, r.RegionSource = active.Region, Source{SourceProfile, strconv.Quote(r.Profile)}
		}
		if r.Region == "" && aliyunProfile != nil && aliyunProfile.RegionID != "" {
			r.Region, r.RegionSource = aliyunProfile.RegionID, Source{SourceAliyunCLI, strconv.Quote(aliyunProfile.Name)}
		}
		if r.Region == "" {
			r.Region, r.RegionSource = DefaultRegion, Source{SourceDefault, ""}
		}
	}
	if !ValidRegion(r.Region) {
		return nil, &ResolveError{Msg: i18n.M("config.region.invalid", r.Region, r.RegionSource.Detail), Remedy: i18n.M("remedy.region")}
	}

	// Endpoint.
	switch {
	case in.FlagEndpoint != "":
		r.Endpoint, r.EndpointSource = in.FlagEndpoint, Source{SourceFlag, "--endpoint"}
	case getenv("MKT_ENDPOINT") != "":
		r.Endpoint, r.EndpointSource = getenv("MKT_ENDPOINT"), Source{SourceEnvMKT, "MKT_ENDPOINT"}
	case active != nil && active.Endpoint != "":
		r.Endpoint, r.EndpointSource = active.Endpoint, Source{SourceProfile, strconv.Quote(r.Profile)}
	case r.Credential == nil:
		r.Endpoint, r.EndpointSource = "sandbox", Source{SourceSandbox, "embedded local marketplace"}
	default:
		r.Endpoint, r.EndpointSource = EndpointForRegion(r.Region), Source{SourceDefault, "from region " + r.Region}
	}
	if r.EndpointSource.Kind != SourceSandbox {
		if _, err := NormalizeEndpoint(r.Endpoint); err != nil {
			return nil, &ResolveError{Msg: i18n.M("config.endpoint.invalid", r.Endpoint, r.EndpointSource.Detail, err.Error()), Remedy: i18n.M("remedy.endpoint")}
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
		return &Credential{id, secret, token}, Source{kind, detail}, nil
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
