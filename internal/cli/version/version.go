// Package version is `mkt version`.
package version

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/build"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// Options are the inputs of `mkt version`.
type Options struct {
	Factory *cmdutil.Factory
	Info    build.Info
}

// NewCmdVersion builds `mkt version`.
func NewCmdVersion(f *cmdutil.Factory, info build.Info, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f, Info: info}
	return &cobra.Command{
		Use:   "version",
		Short: "Print mkt's version, commit and build date",
		Example: `  mkt version
  mkt version -o json`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return versionRun(opts)
		},
	}
}

func versionRun(opts *Options) error {
	f := opts.Factory
	// Only -o is consulted here (never the config file): version does no disk work.
	if f.Global.Filter != nil {
		return f.Global.Filter.Write(f.IOStreams.Out, cmdutil.Machine(opts.Info))
	}
	if o := f.Global.Output; o != "" && o != "table" {
		return cmdutil.WriteFormat(f.IOStreams.Out, o, opts.Info)
	}
	_, err := fmt.Fprintln(f.IOStreams.Out, opts.Info.String())
	return err
}
