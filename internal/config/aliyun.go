package config

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// AliyunConfig is the part of the aliyun CLI's ~/.aliyun/config.json that mkt reads.
type AliyunConfig struct {
	Current  string          `json:"current"`
	Profiles []AliyunProfile `json:"profiles"`
	path     string
}

// AliyunProfile is one profile of the aliyun CLI. Only the AK and StsToken modes carry a
// credential mkt can use directly.
type AliyunProfile struct {
	Name            string `json:"name"`
	Mode            string `json:"mode"`
	AccessKeyID     string `json:"access_key_id"`
	AccessKeySecret string `json:"access_key_secret"`
	StsToken        string `json:"sts_token"`
	RegionID        string `json:"region_id"`
	Endpoint        string `json:"endpoint"`
	Language        string `json:"language"`
}

// Usable reports whether mkt can sign with this profile, and why not.
func (p AliyunProfile) Usable() (bool, string) {
	switch strings.ToLower(p.Mode) {
	case "", "ak":
		if p.AccessKeyID == "" || p.AccessKeySecret == "" {
			return false, "no AccessKey pair"
		}
		return true, ""
	case "ststoken":
		if p.AccessKeyID == "" || p.AccessKeySecret == "" || p.StsToken == "" {
			return false, "incomplete STS token"
		}
		return true, ""
	}
	return false, fmt.Sprintf("mode %s is not supported by mkt (use AK or StsToken)", p.Mode)
}

// AliyunConfigPath is ALIBABA_CLOUD_CONFIG_FILE, else ~/.aliyun/config.json. Empty when the
// CLI profile is disabled (ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true or
// ALIBABA_CLOUD_IGNORE_PROFILE=TRUE, as credentials-go and the aliyun CLI do).
func AliyunConfigPath(getenv func(string) string) string {
	if strings.EqualFold(getenv("ALIBABA_CLOUD_CLI_PROFILE_DISABLED"), "true") ||
		strings.EqualFold(getenv("ALIBABA_CLOUD_IGNORE_PROFILE"), "true") {
		return ""
	}
	if p := getenv("ALIBABA_CLOUD_CONFIG_FILE"); p != "" {
		return p
	}
	home, err := homeDir(getenv)
	if err != nil {
		return ""
	}
	return filepath.Join(home, ".aliyun", "config.json")
}

// LoadAliyun reads the aliyun CLI's config.json. A missing file gives (nil, nil).
func LoadAliyun(path string) (*AliyunConfig, error) {
	if path == "" {
		return nil, nil
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var c AliyunConfig
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, &ParseError{Path: path, Err: err}
	}
	c.path = path
	return &c, nil
}

// Path is where c was read from.
func (c *AliyunConfig) Path() string { return c.path }

// Profile returns the named profile.
func (c *AliyunConfig) Profile(name string) (AliyunProfile, bool) {
	for _, p := range c.Profiles {
		if p.Name == name {
			return p, true
		}
	}
	return AliyunProfile{}, false
}

// aliyunProfileName is the CLI's own choice: ALIBABA_CLOUD_PROFILE (and its aliases), else
// the file's current profile, else "default".
func aliyunProfileName(c *AliyunConfig, getenv func(string) string) (string, string) {
	for _, k := range []string{"ALIBABA_CLOUD_PROFILE", "ALIBABACLOUD_PROFILE", "ALICLOUD_PROFILE"} {
		if v := getenv(k); v != "" {
			return v, k
		}
	}
	if c.Current != "" {
		return c.Current, "current"
	}
	return DefaultProfile, "default"
}
