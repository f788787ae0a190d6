package cmdutil

import (
	"github.com/mkt-cli/mkt/internal/config"
)

// SandboxDir is the local sandbox's directory.
func (f *Factory) SandboxDir() (string, error) { return config.SandboxDir(f.Getenv) }
