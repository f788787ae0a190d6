package sandbox

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
)

// A backup taken while other writers go on is a consistent sandbox: restored elsewhere it
// opens, holds every product committed before it began, and serves its uploaded files.
func TestBackupWhileWritingAndRestore(t *testing.T) {
	store, _, c := newSandbox(t)
	f, err := upload(c, "", "invoice.pdf", []byte("%PDF-1.4 kept"))
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 50; i++ {
		insertProduct(t, store, fmt.Sprintf("cmgj%08d", i), "p", "SAAS", "DRAFT", int64(i))
	}
	var wg sync.WaitGroup
	var written atomic.Int64
	stop := make(chan struct{})
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				if _, err := store.db.Exec(`INSERT INTO products (code, name, type, status, short_description, suggested_price, created_at, modified_at, use_count, score) VALUES (?, 'w', 'SAAS', 'DRAFT', '', '1', 0, 0, 0, 0)`,
					fmt.Sprintf("cmgw%d%07d", w, i)); err != nil {
					t.Error(err)
					return
				}
				written.Add(1)
			}
		}()
	}
	var buf bytes.Buffer
	files, err := store.Backup(context.Background(), &buf)
	close(stop)
	wg.Wait()
	if err != nil || files != 2 {
		t.Fatalf("backup: %d files, %v", files, err)
	}
	if written.Load() == 0 {
		t.Log("no concurrent write landed during the backup")
	}

	dir := t.TempDir()
	if err := Restore(dir, bytes.NewReader(buf.Bytes())); err != nil {
		t.Fatal(err)
	}
	restored, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer restored.Close()
	var n int
	restored.db.QueryRow(`SELECT COUNT(*) FROM products WHERE code LIKE 'cmgj%'`).Scan(&n)
	if n != 50 {
		t.Errorf("restored %d of the 50 products", n)
	}
	if got, err := os.ReadFile(restored.BlobPath(f.Sha256)); err != nil || string(got) != "%PDF-1.4 kept" {
		t.Errorf("restored file: %q %v", got, err)
	}
	id, _, _ := store.Credentials()
	if rid, _, _ := restored.Credentials(); rid != id {
		t.Errorf("restored credentials %s, want %s", rid, id)
	}
	if fi, err := os.Stat(filepath.Join(dir, DBFile)); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("restored database: %v %v", fi, err)
	}
}

// A bad archive — not gzip, cut off, a foreign entry, a file that does not match its hash —
// is refused and the sandbox is left exactly as it was.
func TestRestoreRefusesBadArchives(t *testing.T) {
	store, _, c := newSandbox(t)
	if _, err := upload(c, "", "a.txt", []byte("hello")); err != nil {
		t.Fatal(err)
	}
	var good bytes.Buffer
	if _, err := store.Backup(context.Background(), &good); err != nil {
		t.Fatal(err)
	}
	archive := func(entries map[string]string) []byte {
		var b bytes.Buffer
		gz := gzip.NewWriter(&b)
		tw := tar.NewWriter(gz)
		for name, body := range entries {
			tw.WriteHeader(&tar.Header{Name: name, Mode: 0o600, Size: int64(len(body)), Typeflag: tar.TypeReg})
			tw.Write([]byte(body))
		}
		tw.Close()
		gz.Close()
		return b.Bytes()
	}
	sha := "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824" // of "hello"
	dir := t.TempDir()
	if err := Restore(dir, bytes.NewReader(good.Bytes())); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(filepath.Join(dir, DBFile))
	for name, b := range map[string][]byte{
		"not gzip":      []byte("hello"),
		"cut off":       good.Bytes()[:good.Len()/2],
		"foreign entry": archive(map[string]string{"../../etc/passwd": "x"}),
		"wrong hash":    archive(map[string]string{"blobs/" + sha[:2] + "/" + sha: "HELLO"}),
		"no database":   archive(map[string]string{"blobs/" + sha[:2] + "/" + sha: "hello"}),
		"bad database":  archive(map[string]string{DBFile: "not sqlite"}),
	} {
		if err := Restore(dir, bytes.NewReader(b)); !errors.Is(err, ErrNotABackup) {
			t.Errorf("%s: %v", name, err)
		}
		if after, _ := os.ReadFile(filepath.Join(dir, DBFile)); !bytes.Equal(after, before) {
			t.Errorf("%s: the sandbox changed", name)
		}
	}
	release, err := HoldServe(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	if err := Restore(dir, bytes.NewReader(good.Bytes())); !errors.Is(err, ErrServed) {
		t.Errorf("while served: %v", err)
	}
}
