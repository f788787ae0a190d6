package sandbox

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// NoncesFile is where a cleanly stopped `sandbox serve` leaves the signature nonces it
// accepted, so that a request it served cannot be replayed to the next server.
const NoncesFile = "nonces.json"

// RestoreNonces takes the nonces a cleanly stopped server saved in the sandbox directory, and
// removes the file: from now on only this server's SaveNonces writes it. When there is none —
// a first start, or a restart after a crash, whose accepted nonces are lost — the server
// refuses every request signed before the next whole second instead, and returns that second:
// a caller serves from then on, so that requests signed by clients that started after it are
// never refused.
func (s *Server) RestoreNonces() (serveFrom time.Time, err error) {
	path := filepath.Join(s.store.Dir(), NoncesFile)
	b, err := os.ReadFile(path)
	if err == nil {
		var gens map[int64][]string
		if jerr := json.Unmarshal(b, &gens); jerr == nil {
			s.verifier.Nonces.Import(gens)
			return time.Now(), removeIfExists(path)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return time.Time{}, err
	}
	// Timestamps have whole seconds: the next one is the first that nothing before the
	// restart can have carried.
	floor := time.Now().Truncate(time.Second).Add(time.Second)
	s.verifier.NotBefore = floor
	return floor, removeIfExists(path)
}

func removeIfExists(path string) error {
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// SaveNonces writes the nonces still in the replay window for the next server (0600, written
// whole or not at all).
func (s *Server) SaveNonces() error {
	b, err := json.Marshal(s.verifier.Nonces.Export())
	if err != nil {
		return err
	}
	return writeFileAtomic(filepath.Join(s.store.Dir(), NoncesFile), b)
}

// writeFileAtomic writes data to path through a temporary file in the same directory, synced
// and renamed over it, readable by the owner only.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+"-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
