package cmdutil

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/iostreams"
)

func TestReadUpload(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, content []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, content, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	pdf := write("invoice.pdf", []byte("%PDF-1.4 an invoice"))
	if b, err := ReadUpload(pdf, 1<<20); err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Fatalf("a real PDF: %v", err)
	}
	secret := write("shadow", []byte("root:$6$hash:19000:0:99999:7:::\n"))
	link := filepath.Join(dir, "link.pdf")
	os.Symlink(secret, link)
	fifo := filepath.Join(dir, "fifo.pdf")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path, want string
	}{
		{link, "symbolic link"}, // the red team's /etc/shadow named invoice.pdf
		{write("copy.pdf", []byte("root:x:0:0")), "does not hold"}, // text named .pdf
		{write("logo.png", []byte("GIF89a...")), "does not hold"},
		{fifo, "not a regular file"}, // would block a reader
		{"/dev/zero", "not a regular file"},
		{write("empty.pdf", nil), "is 0 bytes"},
		{write("big.txt", make([]byte, 2<<20)), "an upload is 1 byte to 1 MiB"},
		{filepath.Join(dir, "missing.pdf"), "cannot read"},
	} {
		_, err := ReadUpload(tc.path, 1<<20)
		e, ok := err.(*Error)
		if !ok || !strings.Contains(e.Msg.In(i18n.EN), tc.want) || ExitCode(e) != 2 {
			t.Errorf("%s: %v, want a usage error saying %q", filepath.Base(tc.path), err, tc.want)
		}
	}
	// Text formats have no signature to check.
	if _, err := ReadUpload(write("terms.md", []byte("# 用户协议")), 1<<20); err != nil {
		t.Errorf("markdown: %v", err)
	}
}

// Input files are bounded regular files: /dev/zero or a FIFO is refused at once, not read
// until memory runs out or forever.
func TestReadInput(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "in.yaml")
	syscall.Mkfifo(fifo, 0o600)
	big := filepath.Join(dir, "big.yaml")
	os.WriteFile(big, make([]byte, 2<<20), 0o600)
	for path, want := range map[string]string{"/dev/zero": "not a regular file", fifo: "not a regular file", big: "at most 1 MiB"} {
		if _, err := ReadInput(path, nil, 1<<20); err == nil || !strings.Contains(err.(*Error).Msg.In(i18n.EN), want) {
			t.Errorf("%s: %v, want %q", path, err, want)
		}
	}
	if _, err := ReadInput("-", strings.NewReader(strings.Repeat("a", 2<<20)), 1<<20); err == nil {
		t.Error("stdin past the limit was read whole")
	}
	if b, err := ReadInput("-", strings.NewReader("name: x\n"), 1<<20); err != nil || string(b) != "name: x\n" {
		t.Errorf("stdin: %q %v", b, err)
	}
}

func TestWarnIfExposed(t *testing.T) {
	ios, _, _, errOut := iostreams.Test()
	f := NewFactory(ios, func(string) string { return "" })
	f.WarnIfExposed(&net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8765})
	if errOut.Len() != 0 {
		t.Errorf("loopback warned: %s", errOut)
	}
	f.WarnIfExposed(&net.TCPAddr{IP: net.IPv4zero, Port: 8765})
	if !strings.Contains(errOut.String(), "beyond this machine") {
		t.Errorf("all interfaces: %q", errOut)
	}
}
