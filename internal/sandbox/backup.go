package sandbox

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/gofrs/flock"
)

// Backup writes a consistent copy of the sandbox to w, as a gzip-compressed tar: the database
// as of one moment (SQLite's VACUUM INTO, which reads one snapshot while other processes go on
// writing — unlike a file copy of a live database, which can catch it half-written) and the
// uploaded files it refers to (blobs are written before the row naming them commits, and never
// change, so the snapshot's blobs are all there). It returns the number of files archived.
func (s *Store) Backup(ctx context.Context, w io.Writer) (files int, err error) {
	tmpDir, err := os.MkdirTemp(s.dir, ".backup-*")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(tmpDir)
	snapshot := filepath.Join(tmpDir, DBFile)
	if _, err := s.db.ExecContext(ctx, `VACUUM INTO ?`, snapshot); err != nil {
		return 0, fmt.Errorf("snapshot of the sandbox database: %w", err)
	}
	shas, err := snapshotBlobs(ctx, snapshot)
	if err != nil {
		return 0, err
	}
	gz := gzip.NewWriter(w)
	tw := tar.NewWriter(gz)
	add := func(name, path string) error {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		fi, err := f.Stat()
		if err != nil {
			return err
		}
		hdr := &tar.Header{Name: name, Mode: 0o600, Size: fi.Size(), ModTime: fi.ModTime(), Typeflag: tar.TypeReg}
		if err := tw.WriteHeader(hdr); err != nil {
			return err
		}
		_, err = io.Copy(tw, f)
		return err
	}
	if err := add(DBFile, snapshot); err != nil {
		return 0, err
	}
	for _, sha := range shas {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		if err := add("blobs/"+sha[:2]+"/"+sha, s.BlobPath(sha)); err != nil {
			return 0, fmt.Errorf("uploaded file %s: %w", sha, err)
		}
	}
	if err := tw.Close(); err != nil {
		return 0, err
	}
	return 1 + len(shas), gz.Close()
}

// snapshotBlobs lists the blobs a database snapshot refers to.
func snapshotBlobs(ctx context.Context, path string) ([]string, error) {
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=query_only(1)")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, `SELECT DISTINCT sha256 FROM files ORDER BY sha256`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var sha string
		if err := rows.Scan(&sha); err != nil {
			return nil, err
		}
		if !blobName.MatchString(sha) {
			return nil, fmt.Errorf("the database names a file %q that is not a SHA-256", sha)
		}
		out = append(out, sha)
	}
	return out, rows.Err()
}

var blobName = regexp.MustCompile(`^[0-9a-f]{64}$`)

// ErrNotABackup is an archive that is not one Backup wrote.
var ErrNotABackup = errors.New("not a sandbox backup")

// MaxRestoreBytes bounds what Restore unpacks (the database and its files together).
const MaxRestoreBytes = 4 << 30

// Restore replaces the sandbox in dir with the backup read from r. The archive is unpacked and
// checked first — only a database and blobs whose content matches their names, the database
// opening as a sandbox — in a directory beside the sandbox, so a bad or cut-off archive leaves
// the sandbox as it was. It is refused while `mkt sandbox serve` holds the sandbox, and other
// processes cannot open it meanwhile.
func Restore(dir string, r io.Reader) error {
	release, err := HoldServe(dir)
	if err != nil {
		return err
	}
	defer release()
	lock := flock.New(filepath.Join(dir, "open.lock"), flock.SetPermissions(0o600))
	if err := lock.Lock(); err != nil {
		return err
	}
	defer lock.Unlock()
	staging, err := os.MkdirTemp(dir, ".restore-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(staging)
	if err := unpack(staging, r); err != nil {
		return err
	}
	if err := checkStaged(staging); err != nil {
		return err
	}
	// Swap: the old state is moved aside whole, the new one moved in, then the old removed.
	old := filepath.Join(staging, "old")
	if err := os.Mkdir(old, 0o700); err != nil {
		return err
	}
	for _, name := range []string{DBFile, DBFile + "-wal", DBFile + "-shm", "blobs", NoncesFile} {
		if err := os.Rename(filepath.Join(dir, name), filepath.Join(old, name)); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	for _, name := range []string{DBFile, "blobs"} {
		if err := os.Rename(filepath.Join(staging, "new", name), filepath.Join(dir, name)); err != nil {
			return err
		}
	}
	return nil
}

func unpack(staging string, r io.Reader) error {
	gz, err := gzip.NewReader(r)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrNotABackup, err)
	}
	tr := tar.NewReader(gz)
	root := filepath.Join(staging, "new")
	if err := os.MkdirAll(filepath.Join(root, "blobs"), 0o700); err != nil {
		return err
	}
	var total int64
	sawDB := false
	for {
		hdr, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("%w: %v", ErrNotABackup, err)
		}
		name := hdr.Name
		var sha string
		switch {
		case name == DBFile:
			sawDB = true
		case strings.HasPrefix(name, "blobs/"):
			parts := strings.Split(name, "/")
			if len(parts) != 3 || !blobName.MatchString(parts[2]) || parts[1] != parts[2][:2] {
				return fmt.Errorf("%w: unexpected entry %q", ErrNotABackup, name)
			}
			sha = parts[2]
		default:
			return fmt.Errorf("%w: unexpected entry %q", ErrNotABackup, name)
		}
		if hdr.Typeflag != tar.TypeReg || hdr.Size < 0 {
			return fmt.Errorf("%w: %q is not a regular file", ErrNotABackup, name)
		}
		if total += hdr.Size; total > MaxRestoreBytes {
			return fmt.Errorf("%w: larger than %d bytes", ErrNotABackup, int64(MaxRestoreBytes))
		}
		path := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return err
		}
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return fmt.Errorf("%w: %v", ErrNotABackup, err)
		}
		h := sha256.New()
		_, err = io.Copy(io.MultiWriter(f, h), io.LimitReader(tr, hdr.Size))
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("%w: %v", ErrNotABackup, err)
		}
		if sha != "" && hex.EncodeToString(h.Sum(nil)) != sha {
			return fmt.Errorf("%w: the uploaded file %s does not match its hash", ErrNotABackup, sha)
		}
	}
	if !sawDB {
		return fmt.Errorf("%w: it has no %s", ErrNotABackup, DBFile)
	}
	return nil
}

// checkStaged opens the unpacked database as a sandbox (its schema brought up to date) and
// checks that every file it names was unpacked.
func checkStaged(staging string) error {
	root := filepath.Join(staging, "new")
	s, err := Open(root)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrNotABackup, err)
	}
	shas, err := snapshotBlobs(context.Background(), filepath.Join(root, DBFile))
	if err == nil {
		for _, sha := range shas {
			if _, serr := os.Stat(s.BlobPath(sha)); serr != nil {
				err = fmt.Errorf("%w: the uploaded file %s is missing", ErrNotABackup, sha)
				break
			}
		}
	}
	// A checkpoint folds the WAL into the database file, so the file moved in is whole.
	if err == nil {
		_, err = s.db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
	}
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	for _, name := range []string{DBFile + "-wal", DBFile + "-shm", "open.lock"} {
		os.Remove(filepath.Join(root, name))
	}
	return err
}
