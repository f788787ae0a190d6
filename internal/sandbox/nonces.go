package sandbox

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/mkt-cli/mkt/internal/atomicfile"
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
	return atomicfile.WriteFile(filepath.Join(s.store.Dir(), NoncesFile), b, 0o600)
}
