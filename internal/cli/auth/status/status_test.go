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
