package factory

import (
	"strings"
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
	// Compute Nest's supplier API has endpoints of its own: by region, unless one is named.
	if c.NestEndpoint() != "https://computenestsupplier.cn-hangzhou.aliyuncs.com" {
		t.Errorf("nest endpoint: %s", c.NestEndpoint())
	}
	for vars, want := range map[string]string{
		"MKT_REGION=ap-southeast-1":          "https://computenestsupplier.ap-southeast-1.aliyuncs.com",
		"MKT_ENDPOINT=http://127.0.0.1:9":    "http://127.0.0.1:9",
		"MKT_NEST_ENDPOINT=nest.example.com": "https://nest.example.com",
	} {
		k, v, _ := strings.Cut(vars, "=")
		f := newFactory(t, map[string]string{"MKT_ACCESS_KEY_ID": "LTAI5tExampleKeyId", "MKT_ACCESS_KEY_SECRET": "notarealsecret", k: v})
		if c, err := f.Client(); err != nil || c.NestEndpoint() != want {
			t.Errorf("%s: %v %v, want %s", vars, c.NestEndpoint(), err, want)
		}
	}
	f = newFactory(t, map[string]string{"MKT_ACCESS_KEY_ID": "LTAI5tExampleKeyId", "MKT_ACCESS_KEY_SECRET": "notarealsecret", "MKT_NEST_ENDPOINT": "ftp://x"})
	if _, err := f.Client(); cmdutil.ExitCode(err) != 2 {
		t.Errorf("a bad MKT_NEST_ENDPOINT: %v", err)
	}
}
