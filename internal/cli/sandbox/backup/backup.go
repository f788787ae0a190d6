// Package backup is `mkt sandbox backup`.
package backup

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/exitcode"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/sandbox"
)

// Options are the inputs of `mkt sandbox backup`.
type Options struct {
	Factory *cmdutil.Factory
	File    string
}

// NewCmdBackup builds `mkt sandbox backup`.
func NewCmdBackup(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:   "backup FILE",
		Short: "Write a consistent copy of the sandbox to FILE",
		Long: `Write a consistent copy of the sandbox — its database as of one moment and the files
uploaded to it — to FILE, a gzip-compressed tar. It is safe while 'mkt sandbox serve' or
other mkt commands are writing: unlike copying the directory with cp, which can catch the
database half-written. FILE is written whole or not at all, readable by you only: it holds
the sandbox's AccessKey pair. 'mkt sandbox restore FILE' brings it back.`,
		Example: `  mkt sandbox backup sandbox-before-demo.tar.gz
  MKT_SANDBOX_DIR=/tmp/copy mkt sandbox restore --yes sandbox-before-demo.tar.gz`,
		Args: cmdutil.ExactArgs(1, "FILE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			if runF != nil {
				return runF(opts)
			}
			return backupRun(cmd.Context(), opts)
		},
	}
}

func backupRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	dir, err := f.SandboxDir()
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(dir, sandbox.DBFile)); errors.Is(err, fs.ErrNotExist) {
		return &cmdutil.Error{Kind: exitcode.NotFound, Msg: i18n.M("sandbox.backup.none", dir)}
	}
	store, err := sandbox.Open(dir)
	if err != nil {
		return cmdutil.Failure(err, "sandbox.open", dir)
	}
	defer store.Close()
	out, err := os.CreateTemp(filepath.Dir(opts.File), "."+filepath.Base(opts.File)+"-*")
	if err != nil {
		// A directory that is missing or not writable is the caller's to fix (exit 2); the
		// message names their path, not the temporary file's.
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return cmdutil.FlagError("sandbox.backup.write", opts.File, err)
	}
	defer os.Remove(out.Name())
	files, err := store.Backup(ctx, out)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(out.Name(), opts.File)
	}
	if err != nil {
		return cmdutil.Failure(err, "sandbox.backup.write", opts.File)
	}
	f.Success("sandbox.backup.done", dir, opts.File, files)
	return nil
}
