package verify

import (
	"net/url"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/spi"
)

func TestNewCmdVerify(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdVerify, "action=renewInstance&instanceId=1&token=abc")
	if err != nil || opts.Params.Get("instanceId") != "1" {
		t.Fatalf("%+v %v", opts, err)
	}
	if _, err := clitest.Parse(t, NewCmdVerify); clitest.ExitCode(err) != 2 {
		t.Errorf("no call: %v", err)
	}
}

func Test_verifyRun(t *testing.T) {
	e := clitest.New(t, "MKT_SPI_KEY", "k3y")
	good := spi.Sign(url.Values{"action": {"renewInstance"}, "instanceId": {"1"}}, "k3y")
	if err := verifyRun(&Options{Factory: e.F, Params: good}); err != nil {
		t.Fatal(err)
	}
	bad := spi.Sign(url.Values{"action": {"renewInstance"}, "instanceId": {"1"}}, "wrong")
	e.Reset()
	if err := verifyRun(&Options{Factory: e.F, Params: bad}); clitest.ExitCode(err) != 8 || !strings.Contains(e.Out.String(), "instanceId=1") {
		t.Errorf("wrong token: %v\n%s", err, e.Out)
	}
}
