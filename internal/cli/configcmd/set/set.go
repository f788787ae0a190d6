// Package set is `mkt config set`.
package set

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/config"
)

// Options are the inputs of `mkt config set`.
type Options struct {
	Factory *cmdutil.Factory
	Key     string
	Value   string
}

// NewCmdSet builds `mkt config set`.
func NewCmdSet(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:   "set <key> <value>",
		Short: "Change a setting (an empty value clears it)",
		Long: `Change a setting of the current profile (or --profile), creating the profile if
needed. The value is checked before anything is written; an empty value clears the setting.`,
		Example: `  mkt config set region ap-southeast-1
  mkt config set output json
  mkt config set current_profile intl
  mkt config set endpoint ""`,
		Args:      cmdutil.ExactArgs(2, "<key> <value>"),
		ValidArgs: config.KeyNames(),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Key, opts.Value = args[0], args[1]
			if runF != nil {
				return runF(opts)
			}
			return setRun(opts)
		},
	}
}

func setRun(opts *Options) error {
	f := opts.Factory
	k, err := config.LookupKey(opts.Key)
	if err != nil {
		return err
	}
	if p := f.Global.Profile; p != "" && !config.ValidProfileName(strings.ToLower(p)) {
		return cmdutil.FlagError("error.profile.name", p)
	}
	file, err := f.Config()
	if err != nil {
		return err
	}
	var setErr error
	var profile string
	err = file.Update(func(cur *config.File) error {
		profile = cur.ActiveProfileName(strings.ToLower(f.Global.Profile), f.Getenv)
		setErr = cur.Set(k, profile, opts.Value)
		return setErr
	})
	if setErr != nil {
		return setErr
	}
	if err != nil {
		return cmdutil.Failure(err, "error.config.write", file.FilePath())
	}
	ios := f.IOStreams
	if ios.IsStderrTTY() {
		where := profile
		if k.Global {
			where = "-"
		}
		f.Success("config.set.done", k.Name, file.Get(k, profile), where)
	}
	return nil
}
