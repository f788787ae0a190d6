// Package list is `mkt config list`.
package list

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/config"
	"github.com/mkt-cli/mkt/internal/i18n"
)

// Options are the inputs of `mkt config list`.
type Options struct {
	Factory *cmdutil.Factory
}

// Setting is one row of `mkt config list`.
type Setting struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// Listing is what `mkt config list -o json` prints.
type Listing struct {
	Profile    string    `json:"profile"`
	ConfigFile string    `json:"configFile"`
	Settings   []Setting `json:"settings"`
}

// NewCmdList builds `mkt config list`.
func NewCmdList(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:   "list",
		Short: "List the settings of a profile",
		Long: `List the settings of the current profile (or --profile). The AccessKey ID is masked
and the secret is shown only as set or not.`,
		Example: `  mkt config list
  mkt config list --profile intl -o yaml`,
		Aliases: []string{"ls"},
		Args:    cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return listRun(opts)
		},
	}
}

func listRun(opts *Options) error {
	f := opts.Factory
	file, err := f.Config()
	if err != nil {
		return err
	}
	profile := file.ActiveProfileName(strings.ToLower(f.Global.Profile), f.Getenv)
	l := Listing{Profile: profile, ConfigFile: file.FilePath()}
	for _, k := range config.Keys {
		l.Settings = append(l.Settings, Setting{k.Name, file.Get(k, profile)})
	}
	p := file.Profile(profile)
	if p == nil {
		p = &config.Profile{}
	}
	l.Settings = append(l.Settings,
		Setting{"access_key_id", config.MaskID(p.AccessKeyID)},
		Setting{"access_key_secret", config.MaskSecret(p.AccessKeySecret)},
		Setting{"spi_key", config.MaskSecret(p.SPIKey)},
	)
	return f.Print(l, func() error {
		ios := f.IOStreams
		t := ios.NewTable(f.T("col.key"), f.T("col.value"))
		for _, s := range l.Settings {
			t.AddField(f.EnumBeside(i18n.EnumConfigKey, s.Key))
			t.AddField(s.Value)
			t.EndRow()
		}
		return t.Render()
	})
}
