// Package restore is `mkt sandbox restore`.
package restore

import (
	"errors"
	"os"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/exitcode"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/sandbox"
)

// Options are the inputs of `mkt sandbox restore`.
type Options struct {
	Factory *cmdutil.Factory
	File    string
}

// NewCmdRestore builds `mkt sandbox restore`.
func NewCmdRestore(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:   "restore FILE",
		Short: "Replace the sandbox with a backup (asks first; --yes in scripts)",
		Long: `Replace the sandbox's whole state with the backup in FILE, written by 'mkt sandbox
backup'. The archive is unpacked and checked first — the database must open as a sandbox
and every uploaded file must match its hash — so a damaged or cut-off FILE leaves the
sandbox as it was (exit 2). While 'mkt sandbox serve' serves the same directory the restore
is refused (exit 6): stop the server first.`,
		Example: `  mkt sandbox restore sandbox-before-demo.tar.gz
  mkt sandbox restore --yes sandbox-before-demo.tar.gz`,
		Args: cmdutil.ExactArgs(1, "FILE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			if runF != nil {
				return runF(opts)
			}
			return restoreRun(opts)
		},
	}
}

func restoreRun(opts *Options) error {
	f := opts.Factory
	dir, err := f.SandboxDir()
	if err != nil {
		return err
	}
	st, err := os.Stat(opts.File)
	switch {
	case err != nil:
		return cmdutil.FlagError("product.file.read", opts.File, i18n.OSErr(err))
	case !st.Mode().IsRegular():
		return cmdutil.FlagError("upload.notfile", opts.File)
	}
	in, err := os.Open(opts.File)
	if err != nil {
		return cmdutil.FlagError("product.file.read", opts.File, i18n.OSErr(err))
	}
	defer in.Close()
	if err := f.Confirm(f.T("sandbox.restore.ask", dir, opts.File)); err != nil {
		return err
	}
	switch err := sandbox.Restore(dir, in); {
	case errors.Is(err, sandbox.ErrServed):
		return &cmdutil.Error{Kind: exitcode.Conflict, Msg: i18n.M("sandbox.inuse", dir), Remedy: i18n.M("remedy.sandbox.restore.served"), Err: err}
	case errors.Is(err, sandbox.ErrNotABackup):
		return &cmdutil.Error{Kind: exitcode.Usage, Msg: i18n.M("sandbox.restore.bad", opts.File, err), Err: err}
	case err != nil:
		return cmdutil.Failure(err, "sandbox.open", dir)
	}
	f.Success("sandbox.restore.done", dir, opts.File)
	return nil
}
