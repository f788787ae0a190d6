// Package config is mkt's configuration: the profiles file (read through viper, written
// atomically with mode 0600), the aliyun CLI's config.json, and the resolution of credential,
// endpoint and region with the source of each (README.md, Configuration).
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"github.com/gofrs/flock"

	"github.com/spf13/viper"

	"github.com/mkt-cli/mkt/internal/atomicfile"
	"github.com/mkt-cli/mkt/internal/i18n"
	"go.yaml.in/yaml/v3"
)

// FileName is the name of mkt's configuration file inside its directory.
const FileName = "config.yaml"

// DefaultProfile is the profile used when none is named.
const DefaultProfile = "default"

// File is mkt's configuration file.
type File struct {
	CurrentProfile string              `mapstructure:"current_profile" yaml:"current_profile,omitempty"`
	Profiles       map[string]*Profile `mapstructure:"profiles" yaml:"profiles,omitempty"`

	path string
}

// Profile is one named set of settings. The secret fields are written only to the 0600 file.
type Profile struct {
	AccessKeyID     string `mapstructure:"access_key_id" yaml:"access_key_id,omitempty"`
	AccessKeySecret string `mapstructure:"access_key_secret" yaml:"access_key_secret,omitempty"`
	SecurityToken   string `mapstructure:"security_token" yaml:"security_token,omitempty"`
	Endpoint        string `mapstructure:"endpoint" yaml:"endpoint,omitempty"`
	Region          string `mapstructure:"region" yaml:"region,omitempty"`
	Output          string `mapstructure:"output" yaml:"output,omitempty"`
	Lang            string `mapstructure:"lang" yaml:"lang,omitempty"`
	// SPIKey is the ISV key that signs SPI calls (shown on the seller console's overview).
	SPIKey string `mapstructure:"spi_key" yaml:"spi_key,omitempty"`
	// Sandbox makes the profile always use the sandbox, whatever credentials exist.
	Sandbox bool `mapstructure:"sandbox" yaml:"sandbox,omitempty"`
	// Extension declares that the profile's endpoint implements mkt's seller extension
	// (docs/api.md): the seller-console actions are sent to it, not refused.
	Extension bool `mapstructure:"extension" yaml:"extension,omitempty"`
}

// HasCredential reports whether p holds an AccessKey pair.
func (p *Profile) HasCredential() bool {
	return p != nil && p.AccessKeyID != "" && p.AccessKeySecret != ""
}

func (p *Profile) empty() bool { return p == nil || *p == Profile{} }

// Dir is the configuration directory: MKT_CONFIG_DIR, else $XDG_CONFIG_HOME/mkt, else
// ~/.config/mkt (the user's AppData on Windows).
func Dir(getenv func(string) string) (string, error) {
	if d := getenv("MKT_CONFIG_DIR"); d != "" {
		return d, nil
	}
	if d := getenv("XDG_CONFIG_HOME"); d != "" {
		return filepath.Join(d, "mkt"), nil
	}
	if runtime.GOOS == "windows" {
		if d := getenv("AppData"); d != "" {
			return filepath.Join(d, "mkt"), nil
		}
	}
	home, err := homeDir(getenv)
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".config", "mkt"), nil
}

// SandboxDir is where the sandbox keeps its state: MKT_SANDBOX_DIR, else
// $XDG_DATA_HOME/mkt/sandbox, else ~/.local/share/mkt/sandbox (LocalAppData on Windows).
func SandboxDir(getenv func(string) string) (string, error) {
	if d := getenv("MKT_SANDBOX_DIR"); d != "" {
		return d, nil
	}
	if d := getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "mkt", "sandbox"), nil
	}
	if runtime.GOOS == "windows" {
		if d := getenv("LocalAppData"); d != "" {
			return filepath.Join(d, "mkt", "sandbox"), nil
		}
	}
	home, err := homeDir(getenv)
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".local", "share", "mkt", "sandbox"), nil
}

// Path is the configuration file's path.
func Path(getenv func(string) string) (string, error) {
	d, err := Dir(getenv)
	if err != nil {
		return "", err
	}
	return filepath.Join(d, FileName), nil
}

func homeDir(getenv func(string) string) (string, error) {
	if h := getenv("HOME"); h != "" {
		return h, nil
	}
	if h := getenv("USERPROFILE"); h != "" {
		return h, nil
	}
	h, err := os.UserHomeDir()
	if err != nil {
		return "", &EnvError{Msg: i18n.M("config.nohome")}
	}
	return h, nil
}

// EnvError is an environment mkt cannot work in, such as one without a home directory.
type EnvError struct{ Msg i18n.Message }

func (e *EnvError) Error() string { return e.Msg.String() }

// ParseError is a configuration file that exists but cannot be read as mkt's configuration.
type ParseError struct {
	Path string
	Err  error
}

func (e *ParseError) Error() string { return fmt.Sprintf("%s: %v", e.Path, e.Err) }
func (e *ParseError) Unwrap() error { return e.Err }

// Load reads the file at path. A missing file is an empty configuration, not an error.
func Load(path string) (*File, error) {
	f := &File{path: path, Profiles: map[string]*Profile{}}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return f, nil
	}
	v := viper.New()
	v.SetConfigFile(path)
	v.SetConfigType("yaml")
	if err := v.ReadInConfig(); err != nil {
		return nil, &ParseError{Path: path, Err: err}
	}
	if err := v.UnmarshalExact(f); err != nil {
		return nil, &ParseError{Path: path, Err: err}
	}
	if f.Profiles == nil {
		f.Profiles = map[string]*Profile{}
	}
	for name, p := range f.Profiles {
		if p == nil {
			f.Profiles[name] = &Profile{}
		}
	}
	f.path = path
	return f, nil
}

// FilePath is where f was loaded from and will be saved to.
func (f *File) FilePath() string { return f.path }

// Update changes the file without losing another process's change: under an exclusive lock
// (<file>.lock), it reads the file as it is now, applies change, and saves; f then holds the
// result. Concurrent `mkt config set` and `mkt auth login` runs each see the others' writes.
func (f *File) Update(change func(cur *File) error) error {
	if err := os.MkdirAll(filepath.Dir(f.path), 0o700); err != nil {
		return err
	}
	lock := flock.New(f.path+".lock", flock.SetPermissions(0o600))
	if err := lock.Lock(); err != nil {
		return err
	}
	defer lock.Unlock()
	cur, err := Load(f.path)
	if err != nil {
		return err
	}
	if err := change(cur); err != nil {
		return err
	}
	if err := cur.Save(); err != nil {
		return err
	}
	*f = *cur
	return nil
}

// Save writes the file atomically (a temporary file renamed over the old one) with mode 0600
// in a 0700 directory, so a crash never leaves half a file and no other user can read it.
func (f *File) Save() error {
	dir := filepath.Dir(f.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	for name, p := range f.Profiles {
		if p.empty() {
			delete(f.Profiles, name)
		}
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(f); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	return atomicfile.WriteFile(f.path, buf.Bytes(), 0o600)
}

// ValidProfileName reports whether name can be a profile name: lower-case letters, digits,
// '-', '_' and '.', starting with a letter or digit, at most 64 characters. (Profile names
// are lower case because viper folds the case of map keys when it reads the file.)
func ValidProfileName(name string) bool {
	if len(name) == 0 || len(name) > 64 {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		alnum := 'a' <= c && c <= 'z' || '0' <= c && c <= '9'
		if !alnum && (i == 0 || c != '-' && c != '_' && c != '.') {
			return false
		}
	}
	return true
}

// Profile returns the named profile, or nil.
func (f *File) Profile(name string) *Profile { return f.Profiles[name] }

// EnsureProfile returns the named profile, creating it if needed.
func (f *File) EnsureProfile(name string) *Profile {
	p := f.Profiles[name]
	if p == nil {
		p = &Profile{}
		f.Profiles[name] = p
	}
	return p
}

// ProfileNames lists the profiles, sorted.
func (f *File) ProfileNames() []string {
	names := make([]string, 0, len(f.Profiles))
	for n := range f.Profiles {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// ActiveProfileName is the profile in force: --profile, MKT_PROFILE, the file's current
// profile, "default".
func (f *File) ActiveProfileName(flagProfile string, getenv func(string) string) string {
	switch {
	case flagProfile != "":
		return strings.ToLower(flagProfile)
	case getenv("MKT_PROFILE") != "":
		return strings.ToLower(getenv("MKT_PROFILE"))
	case f.CurrentProfile != "":
		return f.CurrentProfile
	}
	return DefaultProfile
}

// ActiveProfile returns the profile in force, or an empty one.
func (f *File) ActiveProfile(flagProfile string, getenv func(string) string) Profile {
	if p := f.Profiles[f.ActiveProfileName(flagProfile, getenv)]; p != nil {
		return *p
	}
	return Profile{}
}
