package sign

import (
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/spi"
)

func TestNewCmdSign(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdSign, "--url", "https://isv.example.com/spi", "action=createInstance", "a=1", "a=2")
	if err != nil || opts.URL == "" || len(opts.Params["a"]) != 2 {
		t.Fatalf("%+v %v", opts, err)
	}
	for _, bad := range [][]string{{}, {"novalue"}, {"--url", "ftp://x", "a=1"}} {
		if _, err := clitest.Parse(t, NewCmdSign, bad...); clitest.ExitCode(err) != 2 {
			t.Errorf("%v: %v", bad, err)
		}
	}
}

func Test_signRun(t *testing.T) {
	e := clitest.New(t, "MKT_SPI_KEY", "k3y")
	opts, _ := clitest.Parse(t, NewCmdSign, "action=expiredInstance", "instanceId=1")
	opts.Factory = e.F
	if err := signRun(opts); err != nil {
		t.Fatal(err)
	}
	want := spi.Token(opts.Params, "k3y")
	if strings.TrimSpace(e.Out.String()) != want {
		t.Errorf("token %q, want %q", e.Out, want)
	}
}
