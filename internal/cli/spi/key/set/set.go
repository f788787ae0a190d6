// Package set is `mkt spi key set`.
package set

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/config"
)

// Options are the inputs of `mkt spi key set`.
type Options struct {
	Factory *cmdutil.Factory
}

// NewCmdSet builds `mkt spi key set`; runF replaces the run in tests.
func NewCmdSet(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:     "set",
		Short:   "Read the ISV key from standard input and store it in the profile (mode 0600)",
		Example: `  printf '%s\n' "$ISV_KEY" | mkt spi key set`,
		Args:    cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return setRun(opts)
		},
	}
}

func setRun(opts *Options) error {
	f := opts.Factory
	k, _, err := f.SPIKey(true)
	if err != nil {
		return err
	}
	file, err := f.Config()
	if err != nil {
		return err
	}
	var name string
	if err := file.Update(func(cur *config.File) error {
		name = cur.ActiveProfileName(strings.ToLower(f.Global.Profile), f.Getenv)
		cur.EnsureProfile(name).SPIKey = k
		return nil
	}); err != nil {
		return cmdutil.Failure(err, "error.config.write", file.FilePath())
	}
	f.Success("spi.key.saved", name)
	return nil
}
