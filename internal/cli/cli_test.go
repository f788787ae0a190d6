package cli

import (
	"context"
	"encoding/json"
	"flag"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/build"
	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/cli/root"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/exitcode"
	"github.com/mkt-cli/mkt/internal/iostreams"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

var update = flag.Bool("update", false, "rewrite golden files")

type result struct {
	code           int
	stdout, stderr string
}

// run executes mkt in process with a private HOME and the given extra environment.
func run(t *testing.T, env map[string]string, stdin string, tty bool, args ...string) result {
	t.Helper()
	ios, in, out, errOut := iostreams.Test()
	in.WriteString(stdin)
	if tty {
		ios.SetStdoutTTY(true)
		ios.SetStderrTTY(true)
	}
	full := map[string]string{"HOME": t.TempDir()}
	for k, v := range env {
		full[k] = v
	}
	code := Run(context.Background(), args, ios, func(k string) string { return full[k] })
	return result{code, out.String(), errOut.String()}
}

func TestHelpGolden(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	f := cmdutil.NewFactory(ios, func(string) string { return "" })
	rootCmd := root.NewCmdRoot(f, build.Info{Version: "0.0.0-test"})
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Hidden || c.Name() == "help" {
			return
		}
		path := c.CommandPath()
		t.Run(path, func(t *testing.T) {
			args := append(strings.Fields(path)[1:], "--help")
			r := run(t, nil, "", false, args...)
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			golden := filepath.Join("testdata", "help", strings.ReplaceAll(path, " ", "_")+".golden")
			if *update {
				os.MkdirAll(filepath.Dir(golden), 0o755)
				if err := os.WriteFile(golden, []byte(r.stdout), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/cli -update)", err)
			}
			if string(want) != r.stdout {
				t.Errorf("help of %q changed (go test ./internal/cli -update to accept):\n%s", path, r.stdout)
			}
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(rootCmd)
}

func TestUsageErrorsExit2WithSuggestion(t *testing.T) {
	cases := []struct {
		args       []string
		wantStderr string
	}{
		{[]string{"bogus"}, `unknown command "bogus" for "mkt"`},
		{[]string{"--bogus"}, "unknown flag: --bogus"},
		{[]string{"auht"}, "Try: mkt auth"},
		{[]string{"--profil", "x", "auth", "status"}, "Try: --profile"},
		{[]string{"auth", "stauts"}, "Try: mkt auth status"},
		{[]string{"config", "get"}, "takes <key>"},
		{[]string{"version", "extra"}, "takes no arguments"},
		{[]string{"-o", "xml", "auth", "status"}, `unknown output format "xml"`},
		{[]string{"--lang", "fr", "version"}, `unknown language "fr"`},
		{[]string{"--timeout", "soon", "version"}, "invalid argument"},
	}
	for _, c := range cases {
		r := run(t, nil, "", false, c.args...)
		if r.code != exitcode.Usage.Code() {
			t.Errorf("%v: exit %d, want 2 (stderr %q)", c.args, r.code, r.stderr)
		}
		if !strings.Contains(r.stderr, c.wantStderr) {
			t.Errorf("%v: stderr %q lacks %q", c.args, r.stderr, c.wantStderr)
		}
		if r.stdout != "" {
			t.Errorf("%v: stdout %q on error", c.args, r.stdout)
		}
	}
}

func TestErrorsInChinese(t *testing.T) {
	r := run(t, map[string]string{"LANG": "zh_CN.UTF-8"}, "", false, "auth", "stauts")
	if !strings.Contains(r.stderr, "错误：") || !strings.Contains(r.stderr, "试试：") {
		t.Errorf("stderr %q", r.stderr)
	}
	r = run(t, map[string]string{"LANG": "zh_CN.UTF-8"}, "", false, "--lang", "en", "auth", "stauts")
	if !strings.Contains(r.stderr, "Error:") {
		t.Errorf("--lang en ignored: %q", r.stderr)
	}
}

func TestLoginStatusLogout(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"MKT_CONFIG_DIR": dir}
	const secret = "Sup3r-S3cret-Value"
	r := run(t, env, secret+"\n", false, "auth", "login", "--access-key-id", "LTAI5tTestKey0042", "--access-key-secret-stdin", "--region", "cn-shanghai")
	if r.code != 0 {
		t.Fatalf("login: %d %s", r.code, r.stderr)
	}
	st, err := os.Stat(filepath.Join(dir, "config.yaml"))
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("config file: %v %v", st, err)
	}
	r2 := run(t, env, "", false, "auth", "status")
	r3 := run(t, env, "", false, "auth", "status", "-o", "json")
	for _, r := range []result{r, r2, r3} {
		if strings.Contains(r.stdout+r.stderr, secret) || strings.Contains(r.stdout+r.stderr, "5tTestKey") {
			t.Fatalf("secret or unmasked ID in output: %q %q", r.stdout, r.stderr)
		}
	}
	if !strings.Contains(r2.stdout, "LTAI*********0042") || !strings.Contains(r2.stdout, "mkt profile") || !strings.Contains(r2.stdout, "cn-shanghai") {
		t.Errorf("status: %q", r2.stdout)
	}
	if !strings.Contains(r3.stdout, `"kind": "profile"`) {
		t.Errorf("status json: %q", r3.stdout)
	}
	if r := run(t, env, "", false, "auth", "logout"); r.code != 0 {
		t.Fatalf("logout: %d %s", r.code, r.stderr)
	}
	if r := run(t, env, "", false, "auth", "status", "-o", "json"); !strings.Contains(r.stdout, `"sandbox": true`) {
		t.Errorf("after logout: %q", r.stdout)
	}
	if r := run(t, env, "", false, "auth", "logout"); r.code != exitcode.Auth.Code() {
		t.Errorf("second logout: exit %d", r.code)
	}
}

func TestLoginWithoutTerminalNeedsFlags(t *testing.T) {
	env := map[string]string{"MKT_CONFIG_DIR": t.TempDir()}
	if r := run(t, env, "", false, "auth", "login"); r.code != exitcode.Usage.Code() || !strings.Contains(r.stderr, "--access-key-id") {
		t.Errorf("no id: %d %q", r.code, r.stderr)
	}
	if r := run(t, env, "", false, "auth", "login", "--access-key-id", "LTAIx"); r.code != exitcode.Usage.Code() || !strings.Contains(r.stderr, "--access-key-secret-stdin") {
		t.Errorf("no secret: %d %q", r.code, r.stderr)
	}
	if r := run(t, env, "\n", false, "auth", "login", "--access-key-id", "LTAIx", "--access-key-secret-stdin"); r.code != exitcode.Usage.Code() {
		t.Errorf("empty secret: %d %q", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(env["MKT_CONFIG_DIR"], "config.yaml")); err == nil {
		t.Error("a refused login wrote the config file")
	}
}

func TestAuthErrorsExit4(t *testing.T) {
	r := run(t, map[string]string{"MKT_ACCESS_KEY_ID": "LTAIx"}, "", false, "auth", "status")
	if r.code != exitcode.Auth.Code() || !strings.Contains(r.stderr, "MKT_ACCESS_KEY_SECRET") {
		t.Errorf("half credential: %d %q", r.code, r.stderr)
	}
	r = run(t, map[string]string{"MKT_CONFIG_DIR": t.TempDir()}, "", false, "--profile", "nope", "auth", "status")
	if r.code != exitcode.Auth.Code() || !strings.Contains(r.stderr, "mkt auth login --profile nope") {
		t.Errorf("missing profile: %d %q", r.code, r.stderr)
	}
}

func TestBrokenConfigIsUsageError(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "config.yaml"), []byte("profiles: [\n"), 0o600)
	r := run(t, map[string]string{"MKT_CONFIG_DIR": dir}, "", false, "config", "list")
	if r.code != exitcode.Usage.Code() || !strings.Contains(r.stderr, "config.yaml") {
		t.Errorf("%d %q", r.code, r.stderr)
	}
}

func TestConfigSetGet(t *testing.T) {
	env := map[string]string{"MKT_CONFIG_DIR": t.TempDir()}
	if r := run(t, env, "", false, "config", "set", "output", "json"); r.code != 0 {
		t.Fatalf("set: %d %s", r.code, r.stderr)
	}
	// The configured output format is the default for every command, config get included.
	if r := run(t, env, "", false, "config", "get", "output"); !strings.Contains(r.stdout, `"value": "json"`) {
		t.Errorf("get: %q", r.stdout)
	}
	if r := run(t, env, "", false, "config", "list"); !strings.HasPrefix(r.stdout, "{") {
		t.Errorf("output=json not applied: %q", r.stdout)
	}
	if r := run(t, env, "", false, "config", "set", "output", ""); r.code != 0 {
		t.Fatalf("clear: %d %s", r.code, r.stderr)
	}
	if r := run(t, env, "", false, "config", "get", "output"); r.stdout != "" {
		t.Errorf("cleared output: %q", r.stdout)
	}
	if r := run(t, env, "", false, "config", "set", "region", "Mars"); r.code != exitcode.Usage.Code() {
		t.Errorf("bad region: %d", r.code)
	}
	if r := run(t, env, "", false, "--profile", "intl", "config", "set", "region", "ap-southeast-1"); r.code != 0 {
		t.Errorf("profile set: %d %s", r.code, r.stderr)
	}
	if r := run(t, env, "", false, "--profile", "intl", "config", "get", "region"); r.stdout != "ap-southeast-1\n" {
		t.Errorf("profile get: %q", r.stdout)
	}
	if r := run(t, env, "", false, "config", "get", "region"); r.stdout != "" {
		t.Errorf("default profile leaked intl's region: %q", r.stdout)
	}
}

func TestTTYAndPipe(t *testing.T) {
	env := map[string]string{"MKT_CONFIG_DIR": t.TempDir()}
	pipe := run(t, env, "", false, "config", "list")
	if strings.Contains(pipe.stdout, "\x1b[") || strings.HasPrefix(pipe.stdout, "KEY") || !strings.Contains(pipe.stdout, "region\t") {
		t.Errorf("pipe: %q", pipe.stdout)
	}
	tty := run(t, env, "", true, "config", "list")
	if !strings.Contains(tty.stdout, "\x1b[") || !strings.Contains(tty.stdout, "KEY") {
		t.Errorf("tty: %q", tty.stdout)
	}
	noColor := run(t, env, "", true, "--no-color", "config", "list")
	if strings.Contains(noColor.stdout, "\x1b[") {
		t.Errorf("--no-color: %q", noColor.stdout)
	}
}

func TestResetPassword(t *testing.T) {
	r := run(t, nil, "", false, "auth", "reset-password")
	if r.code != 0 || r.stdout != "https://account.aliyun.com/login/login.htm\n" || !strings.Contains(r.stderr, "Forgot password") {
		t.Errorf("%d %q %q", r.code, r.stdout, r.stderr)
	}
	r = run(t, nil, "", false, "--region", "ap-southeast-1", "auth", "reset-password", "-o", "json")
	if !strings.Contains(r.stdout, "account.alibabacloud.com") {
		t.Errorf("intl: %q", r.stdout)
	}
	r = run(t, nil, "", false, "auth", "reset-password", "--web")
	if r.code != 0 || !strings.Contains(r.stderr, "not a terminal") {
		t.Errorf("--web in a pipe must not open a browser: %d %q", r.code, r.stderr)
	}
	// On a terminal, --web runs $BROWSER with the URL.
	out := filepath.Join(t.TempDir(), "opened")
	script := filepath.Join(t.TempDir(), "browser.sh")
	os.WriteFile(script, []byte("#!/bin/sh\necho \"$1\" > "+out+"\n"), 0o755)
	r = run(t, map[string]string{"BROWSER": script}, "", true, "auth", "reset-password", "--web")
	got, _ := os.ReadFile(out)
	if r.code != 0 || strings.TrimSpace(string(got)) != "https://account.aliyun.com/login/login.htm" {
		t.Errorf("browser got %q (exit %d, %q)", got, r.code, r.stderr)
	}
}

// Every sandbox run says so on stderr: the badge on a terminal, one plain line in a pipe;
// stdout stays the data alone.
func TestSandboxIsAlwaysAnnounced(t *testing.T) {
	env := map[string]string{"MKT_SANDBOX_DIR": t.TempDir(), "MKT_CONFIG_DIR": t.TempDir()}
	tty := run(t, env, "", true, "api", "DescribeProducts")
	if tty.code != 0 || !strings.Contains(tty.stderr, "sandbox: the embedded local marketplace in") || !strings.Contains(tty.stderr, "\x1b[") {
		t.Errorf("terminal: %d %q", tty.code, tty.stderr)
	}
	pipe := run(t, env, "", false, "api", "DescribeProducts")
	if pipe.code != 0 || strings.Count(pipe.stderr, "\n") != 1 || !strings.Contains(pipe.stderr, "nothing is sent to Alibaba Cloud") ||
		!strings.Contains(pipe.stderr, "no credentials configured") || strings.Contains(pipe.stderr, "\x1b[") {
		t.Errorf("pipe: %d %q", pipe.code, pipe.stderr)
	}
	if !strings.HasPrefix(pipe.stdout, "{") {
		t.Errorf("stdout is the answer alone: %q", pipe.stdout)
	}
}

// In CI, no credentials is a mistake unless the run asks for the sandbox.
func TestCIWithoutCredentials(t *testing.T) {
	env := map[string]string{"MKT_SANDBOX_DIR": t.TempDir(), "MKT_CONFIG_DIR": t.TempDir(), "CI": "true"}
	r := run(t, env, "", false, "product", "list")
	if r.code != exitcode.Auth.Code() || !strings.Contains(r.stderr, "Try: --sandbox") || r.stdout != "" {
		t.Errorf("CI, no credentials: %d %q %q", r.code, r.stdout, r.stderr)
	}
	r = run(t, env, "", false, "--sandbox", "product", "list")
	if r.code != 0 || !strings.Contains(r.stderr, "(the embedded local marketplace in") || !strings.Contains(r.stderr, "--sandbox)") {
		t.Errorf("CI --sandbox: %d %q", r.code, r.stderr)
	}
	env["MKT_SANDBOX"] = "1"
	if r = run(t, env, "", false, "product", "list"); r.code != 0 || !strings.Contains(r.stderr, "MKT_SANDBOX") {
		t.Errorf("CI MKT_SANDBOX=1: %d %q", r.code, r.stderr)
	}
	for _, v := range []string{"false", "0"} {
		env := map[string]string{"MKT_SANDBOX_DIR": t.TempDir(), "MKT_CONFIG_DIR": t.TempDir(), "CI": v}
		if r := run(t, env, "", false, "product", "list"); r.code != 0 {
			t.Errorf("CI=%s is not CI: %d %q", v, r.code, r.stderr)
		}
	}
}

// --sandbox wins over credentials: a logged-in merchant rehearses without logging out.
func TestSandboxFlagIgnoresCredentials(t *testing.T) {
	env := map[string]string{"MKT_SANDBOX_DIR": t.TempDir(), "MKT_CONFIG_DIR": t.TempDir(),
		"MKT_ACCESS_KEY_ID": "LTAI5tNotUsedHere", "MKT_ACCESS_KEY_SECRET": "notarealsecret"}
	r := run(t, env, "", false, "--sandbox", "sandbox", "clock", "show", "-o", "json")
	if r.code != 0 || !strings.Contains(r.stdout, "offsetSeconds") {
		t.Errorf("%d %q %q", r.code, r.stdout, r.stderr)
	}
	r = run(t, env, "", false, "sandbox", "clock", "show")
	if r.code != exitcode.Usage.Code() || !strings.Contains(r.stderr, "--sandbox") {
		t.Errorf("sandbox commands with credentials and no --sandbox: %d %q", r.code, r.stderr)
	}
}

func TestHungServerExits7(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	env := map[string]string{"MKT_ACCESS_KEY_ID": "LTAIhungserver01", "MKT_ACCESS_KEY_SECRET": "s", "MKT_CONFIG_DIR": t.TempDir()}
	start := time.Now()
	r := run(t, env, "", false, "--endpoint", srv.URL, "--timeout", "100ms", "api", "DescribeProducts")
	if r.code != exitcode.Unavailable.Code() || !strings.Contains(r.stderr, "unreachable after 4 attempt(s)") || !strings.Contains(r.stderr, "--timeout") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	if time.Since(start) > 20*time.Second {
		t.Errorf("took %s", time.Since(start))
	}
}

func TestDebugRedacts(t *testing.T) {
	const secret = "Debug-Secret-Value-42"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(503)
		io.WriteString(w, `{"RequestId":"R","Code":"ServiceUnavailable","Message":"down"}`)
	}))
	defer srv.Close()
	env := map[string]string{"MKT_ACCESS_KEY_ID": "LTAIdebugkey0001", "MKT_ACCESS_KEY_SECRET": secret, "MKT_SECURITY_TOKEN": "sts-debug-token", "MKT_CONFIG_DIR": t.TempDir()}
	r := run(t, env, "", false, "--debug", "--endpoint", srv.URL, "api", "DescribeProducts", "PageSize=1")
	if r.code != exitcode.Unavailable.Code() {
		t.Errorf("exit %d", r.code)
	}
	for _, leak := range []string{secret, "sts-debug-token", "debugkey"} {
		if strings.Contains(r.stderr+r.stdout, leak) {
			t.Errorf("--debug leaks %q:\n%s", leak, r.stderr)
		}
	}
	if !strings.Contains(r.stderr, "Signature=REDACTED") || !strings.Contains(r.stderr, "< HTTP 503") || !strings.Contains(r.stderr, "retrying in") {
		t.Errorf("debug output:\n%s", r.stderr)
	}
}

// -o json of product get and bundle list is the typed model: it decodes into the market
// types with no unknown field, and the values are the ones set.
func TestProductAndBundleJSONIsTheModel(t *testing.T) {
	env := map[string]string{"MKT_SANDBOX_DIR": t.TempDir(), "MKT_CONFIG_DIR": t.TempDir()}
	mk := func(name string) string {
		r := run(t, env, "", false, "product", "create", "--type", "saas", "--name", name, "--sku", "basic:99",
			"--validity", "1m", "--delivery", "license", "--activation-url", "https://isv.example.com/activate")
		if r.code != 0 {
			t.Fatalf("create: %d %s", r.code, r.stderr)
		}
		code := strings.TrimSpace(r.stdout)
		for _, args := range [][]string{{"product", "submit", code}, {"sandbox", "review", "product", code, "--approve"}} {
			if r := run(t, env, "", false, args...); r.code != 0 {
				t.Fatalf("%v: %s", args, r.stderr)
			}
		}
		return code
	}
	a, b := mk("Alpha"), mk("Beta")

	r := run(t, env, "", false, "product", "get", a, "-o", "json")
	dec := json.NewDecoder(strings.NewReader(r.stdout))
	dec.DisallowUnknownFields()
	var p marketapi.Product
	if err := dec.Decode(&p); err != nil {
		t.Fatalf("product get -o json: %v\n%s", err, r.stdout)
	}
	if p.Code != a || p.Name != "Alpha" || p.Status != "LISTED" || p.DeliveryMode != "license" || len(p.Skus) != 1 || p.Skus[0].Price != "99.00" || p.ValidityPeriods[0] != "1m" {
		t.Errorf("model: %+v", p)
	}

	if r := run(t, env, "", false, "bundle", "create", "--name", "Pair", "--product", a, "--product", b, "--price", "150"); r.code != 0 {
		t.Fatalf("bundle create: %s", r.stderr)
	}
	r = run(t, env, "", false, "bundle", "list", "-o", "json")
	dec = json.NewDecoder(strings.NewReader(r.stdout))
	dec.DisallowUnknownFields()
	var bs []marketapi.Bundle
	if err := dec.Decode(&bs); err != nil {
		t.Fatalf("bundle list -o json: %v\n%s", err, r.stdout)
	}
	if len(bs) != 1 || bs[0].Price != "150.00" || !bs[0].Sellable || len(bs[0].Products) != 2 || bs[0].Products[1].Code != b {
		t.Errorf("bundles: %+v", bs)
	}
	// YAML is the same model.
	r = run(t, env, "", false, "product", "get", a, "-o", "yaml")
	if !strings.Contains(r.stdout, "code: "+a) || !strings.Contains(r.stdout, "deliveryMode: license") {
		t.Errorf("yaml: %s", r.stdout)
	}
}

// A product list on a terminal: aligned, coloured by state, relative times.
func TestProductListTTY(t *testing.T) {
	env := map[string]string{"MKT_SANDBOX_DIR": t.TempDir(), "MKT_CONFIG_DIR": t.TempDir()}
	run(t, env, "", false, "product", "create", "--type", "service", "--name", "咨询服务")
	r := run(t, env, "", true, "product", "list")
	if !strings.Contains(r.stdout, "\x1b[") || !strings.Contains(r.stdout, "咨询服务") || !strings.Contains(r.stdout, "just now") {
		t.Errorf("tty: %q", r.stdout)
	}
	empty := run(t, map[string]string{"MKT_SANDBOX_DIR": t.TempDir()}, "", true, "product", "list")
	if empty.code != 0 || !strings.Contains(empty.stderr, "No products yet") {
		t.Errorf("empty: %d %q", empty.code, empty.stderr)
	}
}

// mkt help: an unknown topic is a usage error with the closest command, not the root help
// with exit 0; the root help is grouped by a merchant's day, in the chosen language.
func TestHelpTopics(t *testing.T) {
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"help", "prodcut"}, 2, "Try: mkt product"},
		{[]string{"help", "product", "sbmit"}, 2, "Try: mkt product submit"},
		{[]string{"help", "product", "submit"}, 0, "Send a product to testing"},
		{[]string{"help", "exit-codes"}, 0, "11   apply --wait"},
		{[]string{"help"}, 0, "After the sale (invoices, orders, instances):\n  cross-account"},
		{[]string{"--lang", "zh", "help"}, 0, "售后（发票、订单、实例）：\n  cross-account"},
	} {
		r := run(t, nil, "", false, c.args...)
		if r.code != c.code || !strings.Contains(r.stdout+r.stderr, c.want) {
			t.Errorf("mkt %s: exit %d\n%s%s", strings.Join(c.args, " "), r.code, r.stdout, r.stderr)
		}
	}
}

// TAB completes the IDs a merchant would otherwise copy from a list, from the configured
// target — quietly (no target line), and with nothing (not an error) when it cannot ask.
func TestDynamicCompletion(t *testing.T) {
	e := clitest.New(t)
	listed := e.Listed(t, "Invoice Helper").Code
	env := map[string]string{"MKT_SANDBOX_DIR": e.Getenv("MKT_SANDBOX_DIR"), "MKT_CONFIG_DIR": e.Getenv("MKT_CONFIG_DIR")}
	r := run(t, env, "", false, "__complete", "product", "submit", "")
	if r.code != 0 || !strings.HasPrefix(r.stdout, listed+"\tInvoice Helper (LISTED)\n") || strings.Contains(r.stderr, "sandbox") {
		t.Errorf("product codes: %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	env["MKT_LANG"] = "zh"
	if r := run(t, env, "", false, "__complete", "product", "submit", ""); !strings.HasPrefix(r.stdout, listed+"\tInvoice Helper (已上架)\n") {
		t.Errorf("product codes in Chinese: %s", r.stdout)
	}
	delete(env, "MKT_LANG")
	id := e.InvoiceRequest(t, listed)
	if r := run(t, env, "", false, "__complete", "invoice", "issue", ""); !strings.HasPrefix(r.stdout, id+"\t") {
		t.Errorf("invoice IDs: %s", r.stdout)
	}
	// Only the first argument is a product code; a second one completes nothing.
	if r := run(t, env, "", false, "__complete", "product", "get", listed, ""); strings.Contains(r.stdout, "cmgj") {
		t.Errorf("second argument: %s", r.stdout)
	}
	// Enum flags complete their values.
	for _, c := range []struct{ args, want string }{
		{"product list --status", "listed"}, {"product list --type", "service"}, {"instance list --type", "API_SERVICE"},
		{"invoice list --type", "3"}, {"apply --wait-pending", "ok"}, {"sandbox simulate purchase --pay", "credit"},
		{"delivery project list --status", "Pause"}, {"settlement list --status", "held_credit"},
	} {
		args := append(append([]string{"__complete"}, strings.Fields(c.args)...), "")
		if r := run(t, env, "", false, args...); !strings.Contains(r.stdout, c.want+"\n") {
			t.Errorf("mkt %s <TAB>: %q, want %s among them", c.args, r.stdout, c.want)
		}
	}
	// CI without credentials: no target to ask, no candidates, no error.
	env["CI"] = "true"
	if r := run(t, env, "", false, "__complete", "product", "submit", ""); r.code != 0 || strings.Contains(r.stdout, "cmgj") {
		t.Errorf("no target: %d %s %s", r.code, r.stdout, r.stderr)
	}
}

// The descriptions a shell shows beside each candidate are in the merchant's language:
// MKT_LANG, or the --lang on the line being completed.
func TestCompletionDescriptionsInChinese(t *testing.T) {
	for _, c := range []struct {
		env  map[string]string
		args []string
		want string
	}{
		{map[string]string{"MKT_LANG": "zh"}, []string{"product", ""}, "create\t创建商品草稿"},
		{nil, []string{"--lang", "zh", "product", ""}, "create\t创建商品草稿"},
		{nil, []string{"product", "list", "--lang=zh", "--st"}, "--status\t只看这些状态"},
		{nil, []string{"product", ""}, "create\tCreate a product"},
		{map[string]string{"MKT_LANG": "zh"}, []string{"--lang", "en", "product", ""}, "create\tCreate a product"},
	} {
		r := run(t, c.env, "", false, append([]string{"__complete"}, c.args...)...)
		if r.code != 0 || !strings.Contains(r.stdout, c.want) {
			t.Errorf("%v %v: %d %q", c.env, c.args, r.code, r.stdout)
		}
	}
}

// Answering "n" to a confirmation is a clean exit: 0, one line saying nothing changed.
func TestDeclinedIsACleanExit(t *testing.T) {
	dir := t.TempDir()
	ios, in, _, errOut := iostreams.Test()
	ios.SetStdinTTY(true)
	ios.SetStderrTTY(true)
	in.WriteString("n\n")
	env := map[string]string{"MKT_SANDBOX_DIR": dir, "MKT_CONFIG_DIR": t.TempDir(), "HOME": t.TempDir()}
	code := Run(context.Background(), []string{"--sandbox", "sandbox", "reset"}, ios, func(k string) string { return env[k] })
	if code != 0 || !strings.HasSuffix(errOut.String(), "Cancelled: nothing changed.\n") || strings.Contains(errOut.String(), "Error") {
		t.Errorf("exit %d: %q", code, errOut)
	}
}

// The README's first command — the main job on the embedded sandbox — works on the example
// listing as shipped, and a second run has nothing to do.
func TestReadmeMainJob(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), "go run ./cmd/mkt --sandbox apply -f docs/examples/listing.yaml") {
		t.Fatal("README's first command changed: update this test")
	}
	env := map[string]string{"MKT_SANDBOX_DIR": t.TempDir(), "MKT_CONFIG_DIR": t.TempDir()}
	file := filepath.Join("..", "..", "docs", "examples", "listing.yaml")
	if r := run(t, env, "", false, "--sandbox", "apply", "-f", file); r.code != 0 {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := run(t, env, "", false, "--sandbox", "plan", "-f", file, "--detailed-exitcode"); r.code != 0 {
		t.Errorf("a second run plans changes: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}
