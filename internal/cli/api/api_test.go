package api

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/exitcode"
	"github.com/mkt-cli/mkt/internal/iostreams"
	"github.com/mkt-cli/mkt/internal/market"
)

func TestParseParams(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "v.txt")
	os.WriteFile(file, []byte("from file\n"), 0o644)
	v, err := ParseParams([]string{"A=1", "B=x=y", "C=", "D=@" + file, "E=@-", "F=@"}, strings.NewReader("from stdin\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"A": "1", "B": "x=y", "C": "", "D": "from file", "E": "from stdin", "F": "@"}
	for k, w := range want {
		if got := v.Get(k); got != w {
			t.Errorf("%s = %q, want %q", k, got, w)
		}
	}
	for _, bad := range []string{"NoEquals", "=v", "G=@/no/such/file"} {
		if _, err := ParseParams([]string{bad}, nil); cmdutil.ExitCode(err) != exitcode.Usage.Code() {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

func TestNewCmdAPI(t *testing.T) {
	cases := []struct {
		args     []string
		code     int
		action   string
		method   string
		nParams  int
		form     bool
		clientTk string
	}{
		{args: []string{"DescribeProducts", "PageSize=5"}, action: "DescribeProducts", nParams: 1},
		{args: []string{"DescribeApiMetering", "pageNum=1", "-X", "get"}, action: "DescribeApiMetering", method: "GET", nParams: 1},
		{args: []string{"UploadFile", "--form", "--client-token", "t1"}, action: "UploadFile", form: true, clientTk: "t1"},
		{args: []string{}, code: exitcode.Usage.Code()},
		{args: []string{"Bad-Action"}, code: exitcode.Usage.Code()},
		{args: []string{"DescribeProducts", "-X", "DELETE"}, code: exitcode.Usage.Code()},
	}
	for _, c := range cases {
		ios, _, _, _ := iostreams.Test()
		f := cmdutil.NewFactory(ios, func(string) string { return "" })
		var got *Options
		cmd := NewCmdAPI(f, func(o *Options) error { got = o; return nil })
		cmd.SetArgs(c.args)
		cmd.SilenceErrors, cmd.SilenceUsage = true, true
		err := cmd.Execute()
		if code := cmdutil.ExitCode(err); code != c.code {
			t.Errorf("%v: exit %d (%v)", c.args, code, err)
			continue
		}
		if c.code != 0 {
			continue
		}
		if got.Action != c.action || got.Method != c.method || len(got.Params) != c.nParams || got.Form != c.form || got.Token != c.clientTk {
			t.Errorf("%v: %+v", c.args, got)
		}
	}
}

// An answer that is not JSON is not a success: printed as it came, exit 7. XML asked for with
// Format=XML is what was asked.
func TestNonJSONAnswer(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, "<html>proxy login</html>")
	}))
	defer srv.Close()
	e := clitest.New(t)
	e.F.Client = func() (*market.Client, error) {
		return market.New(market.Options{Endpoint: srv.URL, Credential: market.Credential{AccessKeyID: "id", AccessKeySecret: "s"},
			Retry: market.RetryPolicy{MaxAttempts: 1}}), nil
	}
	err := apiRun(context.Background(), &Options{Factory: e.F, Action: "DescribeProducts"})
	if clitest.ExitCode(err) != 7 || !strings.Contains(e.Out.String(), "proxy login") {
		t.Fatalf("non-JSON: %v (exit %d), out %q", err, clitest.ExitCode(err), e.Out)
	}
	e2 := clitest.New(t)
	if err := apiRun(context.Background(), &Options{Factory: e2.F, Action: "DescribeProducts", Params: []string{"Format=XML"}}); err != nil ||
		!strings.Contains(e2.Out.String(), "<?xml") {
		t.Fatalf("Format=XML: %v, out %q", err, e2.Out)
	}
}
