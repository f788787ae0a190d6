package config

import (
	"fmt"
	"strings"

	"github.com/mkt-cli/mkt/internal/i18n"
)

// Key is a setting that `mkt config get|set` handles.
type Key struct {
	Name string
	// Help is shown in `mkt config --help`.
	Help string
	// Global keys live at the top of the file, the others in a profile.
	Global   bool
	validate func(string) error
	get      func(*File, *Profile) string
	set      func(*File, *Profile, string)
}

// Keys are the settable keys. Secrets are not among them: `mkt auth login` stores those.
var Keys = []Key{
	{
		Name: "current_profile", Help: "the profile used when none is named", Global: true,
		validate: func(v string) error {
			if v != "" && !ValidProfileName(v) {
				return fmt.Errorf("not a valid profile name")
			}
			return nil
		},
		get: func(f *File, _ *Profile) string { return f.CurrentProfile },
		set: func(f *File, _ *Profile, v string) { f.CurrentProfile = v },
	},
	{
		Name: "endpoint", Help: "Market API endpoint: host name or URL",
		validate: func(v string) error {
			if v == "" {
				return nil
			}
			_, err := NormalizeEndpoint(v)
			return err
		},
		get: func(_ *File, p *Profile) string { return p.Endpoint },
		set: func(_ *File, p *Profile, v string) { p.Endpoint = v },
	},
	{
		Name: "region", Help: "region ID, e.g. cn-hangzhou or ap-southeast-1",
		validate: func(v string) error {
			if v != "" && !ValidRegion(v) {
				return fmt.Errorf("not a region ID")
			}
			return nil
		},
		get: func(_ *File, p *Profile) string { return p.Region },
		set: func(_ *File, p *Profile, v string) { p.Region = v },
	},
	{
		Name: "output", Help: "default output format: table, json or yaml",
		validate: func(v string) error {
			switch v {
			case "", "table", "json", "yaml":
				return nil
			}
			return fmt.Errorf("must be table, json or yaml")
		},
		get: func(_ *File, p *Profile) string { return p.Output },
		set: func(_ *File, p *Profile, v string) { p.Output = v },
	},
	{
		Name: "lang", Help: "message language: zh or en",
		validate: func(v string) error {
			if v == "" {
				return nil
			}
			if _, ok := i18n.ParseLang(v); !ok {
				return fmt.Errorf("must be zh or en")
			}
			return nil
		},
		get: func(_ *File, p *Profile) string { return p.Lang },
		set: func(_ *File, p *Profile, v string) { p.Lang = v },
	},
	{
		Name: "sandbox", Help: "true: always use the sandbox, whatever credentials exist",
		validate: validBool,
		get:      func(_ *File, p *Profile) string { return boolString(p.Sandbox) },
		set:      func(_ *File, p *Profile, v string) { p.Sandbox = Truthy(v) },
	},
	{
		Name: "extension", Help: "true: the endpoint implements mkt's seller extension (docs/api.md)",
		validate: validBool,
		get:      func(_ *File, p *Profile) string { return boolString(p.Extension) },
		set:      func(_ *File, p *Profile, v string) { p.Extension = Truthy(v) },
	},
}

func validBool(v string) error {
	switch strings.ToLower(v) {
	case "", "true", "false", "1", "0", "yes", "no":
		return nil
	}
	return fmt.Errorf("must be true or false")
}

func boolString(b bool) string {
	if b {
		return "true"
	}
	return ""
}

// Truthy reads a yes/no setting or variable: 1, true, yes (any case) are true.
func Truthy(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "1", "true", "yes", "on":
		return true
	}
	return false
}

// secretKeys are names a user may try; they are refused with a pointer to `mkt auth`.
var secretKeys = map[string]bool{"access_key_id": true, "access_key_secret": true, "security_token": true, "spi_key": true}

// KeyNames lists the settable keys.
func KeyNames() []string {
	names := make([]string, len(Keys))
	for i, k := range Keys {
		names[i] = k.Name
	}
	return names
}

// KeyError is a refused key or value.
type KeyError struct {
	Msg    i18n.Message
	Remedy i18n.Message
}

func (e *KeyError) Error() string { return e.Msg.String() }

// LookupKey finds a settable key by name (dashes and underscores are the same).
func LookupKey(name string) (Key, error) {
	n := strings.ReplaceAll(strings.ToLower(name), "-", "_")
	if secretKeys[n] {
		return Key{}, &KeyError{Msg: i18n.M("config.key.secret", name), Remedy: i18n.M("remedy.login")}
	}
	for _, k := range Keys {
		if k.Name == n {
			return k, nil
		}
	}
	return Key{}, &KeyError{Msg: i18n.M("config.key.unknown", name, strings.Join(KeyNames(), ", ")), Remedy: i18n.M("remedy.config.list")}
}

// Get returns the key's value in profile name.
func (f *File) Get(k Key, profile string) string {
	p := f.Profile(profile)
	if p == nil {
		p = &Profile{}
	}
	return k.get(f, p)
}

// Set validates and sets the key's value in profile name (created if needed). An empty value
// clears the setting.
func (f *File) Set(k Key, profile, value string) error {
	value = strings.TrimSpace(value)
	if k.Name == "current_profile" {
		value = strings.ToLower(value)
	}
	if err := k.validate(value); err != nil {
		shown := value
		if k.Name == "endpoint" {
			shown = RedactEndpoint(value)
		}
		return &KeyError{Msg: i18n.M("config.value.invalid", shown, k.Name, err.Error())}
	}
	var p *Profile
	if !k.Global {
		p = f.EnsureProfile(profile)
	}
	k.set(f, p, value)
	return nil
}
