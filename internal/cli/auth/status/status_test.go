package status

import (
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdStatus(t *testing.T) {
	if _, err := clitest.Parse(t, NewCmdStatus, "x"); clitest.ExitCode(err) != 2 {
		t.Errorf("an argument: %v", err)
	}
}

func Test_statusRun(t *testing.T) {
	e := clitest.New(t, "MKT_ACCESS_KEY_ID", "LTAI5tExampleKeyId", "MKT_ACCESS_KEY_SECRET", "notarealsecret")
	if err := statusRun(&Options{Factory: e.F, IO: e.IO}); err != nil {
		t.Fatal(err)
	}
	out := e.Out.String() + e.ErrOut.String()
	if strings.Contains(out, "notarealsecret") || strings.Contains(out, "LTAI5tExampleKeyId") {
		t.Errorf("the secret or the whole key ID shown:\n%s", out)
	}
	if !strings.Contains(out, "MKT_ACCESS_KEY_ID") {
		t.Errorf("the source not named:\n%s", out)
	}
}

// Live, status names where each product's requests go: Compute Nest's, and STS's (asked whose
// the credentials are) unless the endpoint has the seller extension; MKT_STS_ENDPOINT wins.
func TestStatusEndpoints(t *testing.T) {
	env := []string{"MKT_ACCESS_KEY_ID", "LTAI5tExampleKeyId", "MKT_ACCESS_KEY_SECRET", "notarealsecret"}
	e := clitest.New(t, env...)
	if err := statusRun(&Options{Factory: e.F, IO: e.IO}); err != nil {
		t.Fatal(err)
	}
	if out := e.Out.String(); !strings.Contains(out, "Compute Nest endpoint\tcomputenestsupplier.cn-hangzhou.aliyuncs.com") ||
		!strings.Contains(out, "STS endpoint (whose credentials)\tsts.aliyuncs.com") {
		t.Errorf("default:\n%s", out)
	}
	e = clitest.New(t, append(env, "MKT_STS_ENDPOINT", "http://127.0.0.1:9")...)
	if err := statusRun(&Options{Factory: e.F, IO: e.IO}); err != nil || !strings.Contains(e.Out.String(), "\thttp://127.0.0.1:9") {
		t.Errorf("MKT_STS_ENDPOINT: %v\n%s", err, e.Out)
	}
	e = clitest.New(t, append(env, "MKT_EXTENSION", "1")...)
	if err := statusRun(&Options{Factory: e.F, IO: e.IO}); err != nil || strings.Contains(e.Out.String(), "STS") {
		t.Errorf("with the extension: %v\n%s", err, e.Out)
	}
}
