package factory

import (
	"testing"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/iostreams"
)

func newFactory(t *testing.T, env map[string]string) *cmdutil.Factory {
	dir := t.TempDir()
	full := map[string]string{"HOME": dir, "MKT_SANDBOX_DIR": dir + "/sandbox", "MKT_CONFIG_DIR": dir + "/config"}
	for k, v := range env {
		full[k] = v
	}
	ios, _, _, _ := iostreams.Test()
	f := New(ios, func(k string) string { return full[k] })
	t.Cleanup(f.Close)
	return f
}

func TestWiring(t *testing.T) {
	// No credentials: the embedded sandbox, in process.
	f := newFactory(t, nil)
	c, err := f.Client()
	if err != nil || c.Endpoint() != SandboxEndpoint || !f.InSandbox() {
		t.Fatalf("sandbox: %v %v", c, err)
	}
	if again, _ := f.Client(); again != c {
		t.Error("one client per run")
	}
	if key, src, err := f.SPIKey(false); err != nil || key == "" || src != "sandbox" {
		t.Errorf("the sandbox's SPI key: %q %q %v", key, src, err)
	}

	// Credentials: the marketplace; sandbox-only commands refuse it.
	live := newFactory(t, map[string]string{"MKT_ACCESS_KEY_ID": "LTAI5tExampleKeyId", "MKT_ACCESS_KEY_SECRET": "notarealsecret"})
	c, err = live.Client()
	if err != nil || c.Endpoint() == SandboxEndpoint || live.InSandbox() {
		t.Fatalf("live: %v %v", c, err)
	}
	if _, err := live.SandboxClient(); cmdutil.ExitCode(err) != 2 {
		t.Errorf("sandbox commands against the marketplace: %v", err)
	}
	if _, _, err := live.SPIKey(false); cmdutil.ExitCode(err) != 4 {
		t.Errorf("no SPI key for live: %v", err)
	}
}
