package sandbox

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"sync"
	"testing"

	"github.com/mkt-cli/mkt/internal/marketapi"
)

// TestConcurrentUploads: 8 goroutines × 500 signed UploadFile calls over TCP against one
// sandbox, every fifth call retried with its ClientToken. Nothing may be lost (every file
// recorded, its blob whole) and nothing duplicated (a retried token is one record).
func TestConcurrentUploads(t *testing.T) {
	const workers, perWorker = 8, 500
	store, _, c := newSandbox(t)
	type result struct {
		file    marketapi.UploadedFile
		content []byte
	}
	results := make([][]result, workers)
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < perWorker; i++ {
				content := []byte(fmt.Sprintf("%%PDF-1.4 worker %d file %d", w, i))
				token := fmt.Sprintf("w%d-f%d", w, i)
				f, err := upload(c, token, fmt.Sprintf("doc-%d-%d.pdf", w, i), content)
				if err != nil {
					errs <- err
					return
				}
				if i%5 == 0 {
					again, err := upload(c, token, fmt.Sprintf("doc-%d-%d.pdf", w, i), content)
					if err != nil {
						errs <- err
						return
					}
					if again.FileId != f.FileId {
						errs <- fmt.Errorf("retry of %s made a second file: %s vs %s", token, again.FileId, f.FileId)
						return
					}
				}
				results[w] = append(results[w], result{f, content})
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	var files, tokens int
	store.db.QueryRow(`SELECT COUNT(*) FROM files`).Scan(&files)
	store.db.QueryRow(`SELECT COUNT(*) FROM idempotency WHERE action = 'UploadFile'`).Scan(&tokens)
	if files != workers*perWorker || tokens != workers*perWorker {
		t.Fatalf("files %d, tokens %d, want %d each", files, tokens, workers*perWorker)
	}
	seen := map[string]bool{}
	for _, rs := range results {
		for _, r := range rs {
			if seen[r.file.FileId] {
				t.Fatalf("duplicate FileId %s", r.file.FileId)
			}
			seen[r.file.FileId] = true
			sum := sha256.Sum256(r.content)
			if r.file.Sha256 != hex.EncodeToString(sum[:]) {
				t.Fatalf("%s: hash %s", r.file.FileId, r.file.Sha256)
			}
			b, err := os.ReadFile(store.BlobPath(r.file.Sha256))
			if err != nil || string(b) != string(r.content) {
				t.Fatalf("%s: blob %q %v", r.file.FileId, b, err)
			}
		}
	}
}

// Many openers of a brand-new sandbox at once: each gets the same sandbox, none "database is
// locked".
func TestConcurrentFirstOpens(t *testing.T) {
	dir := t.TempDir()
	const n = 16
	ids := make(chan string, n)
	errs := make(chan error, n)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := Open(dir)
			if err != nil {
				errs <- err
				return
			}
			id, _, _ := s.Credentials()
			ids <- id
			s.Close()
		}()
	}
	wg.Wait()
	close(errs)
	close(ids)
	for err := range errs {
		t.Error(err)
	}
	seen := map[string]bool{}
	for id := range ids {
		seen[id] = true
	}
	if len(seen) != 1 {
		t.Errorf("%d different AccessKeys for one sandbox", len(seen))
	}
}
