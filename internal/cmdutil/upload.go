package cmdutil

import (
	"io"
	"os"
	"path/filepath"

	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// ReadUpload reads a file the user names for upload (an e-invoice, an agreement, a shop image,
// an onboarding material, a delivery attachment), checked before it is read: a regular file
// itself — not a symbolic link, which could send a file the name does not say (a link to
// /etc/shadow named invoice.pdf), not a device or a FIFO — of 1 byte to max, whose content is
// what its extension claims. Read with a bound, whatever the file does meanwhile.
func ReadUpload(path string, max int64) ([]byte, error) {
	st, err := os.Lstat(path)
	switch {
	case err != nil:
		return nil, FlagError("product.file.read", path, i18n.OSErr(err))
	case st.Mode()&os.ModeSymlink != 0:
		return nil, FlagError("upload.symlink", path)
	case !st.Mode().IsRegular():
		return nil, FlagError("upload.notfile", path)
	case st.Size() == 0 || st.Size() > max:
		return nil, FlagError("upload.size", path, st.Size(), max>>20)
	}
	fh, err := os.Open(path)
	if err != nil {
		return nil, FlagError("product.file.read", path, i18n.OSErr(err))
	}
	defer fh.Close()
	content, err := io.ReadAll(io.LimitReader(fh, max+1))
	switch {
	case err != nil:
		return nil, FlagError("product.file.read", path, i18n.OSErr(err))
	case len(content) == 0 || int64(len(content)) > max:
		return nil, FlagError("upload.size", path, int64(len(content)), max>>20)
	case !marketapi.ContentMatches(filepath.Ext(path), content):
		return nil, FlagError("upload.content", path, filepath.Ext(path))
	}
	return content, nil
}

// MaxInputBytes bounds a YAML, JSON or CSV file the user gives a command.
const MaxInputBytes = 16 << 20

// ReadInput reads a file a command takes as input ("-": stdin), bounded: a file must be a
// regular file (a FIFO or a device such as /dev/zero would block or never end) of at most max
// bytes.
func ReadInput(path string, stdin io.Reader, max int64) ([]byte, error) {
	var r io.Reader = stdin
	if path != "-" {
		st, err := os.Stat(path)
		switch {
		case err != nil:
			return nil, FlagError("product.file.read", path, i18n.OSErr(err))
		case !st.Mode().IsRegular():
			return nil, FlagError("upload.notfile", path)
		case st.Size() > max:
			return nil, FlagError("input.size", path, st.Size(), max>>20)
		}
		fh, err := os.Open(path)
		if err != nil {
			return nil, FlagError("product.file.read", path, i18n.OSErr(err))
		}
		defer fh.Close()
		r = fh
	}
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, FlagError("product.file.read", path, i18n.OSErr(err))
	}
	if int64(len(data)) > max {
		return nil, FlagError("input.size", path, int64(len(data)), max>>20)
	}
	return data, nil
}
