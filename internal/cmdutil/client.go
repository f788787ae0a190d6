package cmdutil

import (
	"net"
	"net/url"
	"strings"

	"github.com/mkt-cli/mkt/internal/config"
)

// SandboxDir is the local sandbox's directory.
func (f *Factory) SandboxDir() (string, error) { return config.SandboxDir(f.Getenv) }

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
