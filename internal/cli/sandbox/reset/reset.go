// Package reset is `mkt sandbox reset`.
package reset

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/exitcode"
	"github.com/mkt-cli/mkt/internal/i18n"
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
While 'mkt sandbox serve' serves the same directory the reset is refused (exit 6):
stop the server first.`,
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
	if err := sandbox.Reset(dir); errors.Is(err, sandbox.ErrServed) {
		return &cmdutil.Error{Kind: exitcode.Conflict, Msg: i18n.M("sandbox.inuse", dir), Remedy: i18n.M("remedy.sandbox.served"), Err: err}
	} else if err != nil {
		return cmdutil.Failure(err, "sandbox.open", dir)
	}
	f.Success("sandbox.reset.done", dir)
	return nil
}
