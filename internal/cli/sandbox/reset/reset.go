// Package reset is `mkt sandbox reset`.
package reset

import (
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/sandbox"
)

// Options are the inputs of `mkt sandbox reset`.
type Options struct {
	Factory *cmdutil.Factory
}

// NewCmdReset builds `mkt sandbox reset`.
func NewCmdReset(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:   "reset",
		Short: "Delete all sandbox state (asks first; --yes in scripts)",
		Long: `Delete the sandbox's database and uploaded files: products, orders, the clock offset
and the sandbox's AccessKey pair are all gone; the next command starts a fresh sandbox.
Stop any 'mkt sandbox serve' on the same directory first.`,
		Example: `  mkt sandbox reset
  mkt sandbox reset --yes`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return resetRun(opts)
		},
	}
}

func resetRun(opts *Options) error {
	f := opts.Factory
	dir, err := f.SandboxDir()
	if err != nil {
		return err
	}
	if err := f.Confirm(f.T("sandbox.reset.ask", dir)); err != nil {
		return err
	}
	if err := sandbox.Reset(dir); err != nil {
		return cmdutil.Failure(err, "sandbox.open", dir)
	}
	f.Success("sandbox.reset.done", dir)
	return nil
}
