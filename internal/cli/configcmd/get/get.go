// Package get is `mkt config get`.
package get

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/config"
)

// Options are the inputs of `mkt config get`.
type Options struct {
	Factory *cmdutil.Factory
	Key     string
}

// NewCmdGet builds `mkt config get`.
func NewCmdGet(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:   "get <key>",
		Short: "Print the value of a setting",
		Long:  "Print the value of a setting of the current profile (or --profile). An unset key prints nothing.",
		Example: `  mkt config get region
  mkt config get endpoint --profile intl`,
		Args:      cmdutil.ExactArgs(1, "<key>"),
		ValidArgs: config.KeyNames(),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Key = args[0]
			if runF != nil {
				return runF(opts)
			}
			return getRun(opts)
		},
	}
}

func getRun(opts *Options) error {
	f := opts.Factory
	k, err := config.LookupKey(opts.Key)
	if err != nil {
		return err
	}
	file, err := f.Config()
	if err != nil {
		return err
	}
	v := file.Get(k, file.ActiveProfileName(strings.ToLower(f.Global.Profile), f.Getenv))
	type value struct {
		Key   string `json:"key"`
		Value string `json:"value"`
	}
	return f.Print(value{k.Name, v}, func() error {
		if v == "" {
			return nil
		}
		_, err := fmt.Fprintln(f.IOStreams.Out, v)
		return err
	})
}
