package trigger

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/spi"
)

func TestNewCmdTrigger(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdTrigger, "renewInstance", "--url", "http://127.0.0.1:1/spi", "--param", "instanceId=7")
	if err != nil || opts.Action != "renewInstance" || opts.Params.Get("instanceId") != "7" {
		t.Fatalf("%+v %v", opts, err)
	}
	for _, bad := range [][]string{{"dance", "--url", "http://x"}, {"renewInstance"}, {"renewInstance", "--url", "http://x", "--param", "bad"}} {
		if _, err := clitest.Parse(t, NewCmdTrigger, bad...); clitest.ExitCode(err) != 2 {
			t.Errorf("%v: %v", bad, err)
		}
	}
}

func Test_triggerRun(t *testing.T) {
	e := clitest.New(t, "MKT_SPI_KEY", "k3y")
	good := httptest.NewServer(&spi.Listener{Key: "k3y"})
	defer good.Close()
	opts, _ := clitest.Parse(t, NewCmdTrigger, "createInstance", "--url", good.URL)
	opts.Factory = e.F
	if err := triggerRun(context.Background(), opts); err != nil || !strings.Contains(e.Out.String(), "✓") {
		t.Fatalf("%v\n%s", err, e.Out)
	}
	wrong := httptest.NewServer(&spi.Listener{Key: "other"})
	defer wrong.Close()
	opts.URL = wrong.URL
	if err := triggerRun(context.Background(), opts); clitest.ExitCode(err) != 8 {
		t.Errorf("an endpoint that refuses the token: %v", err)
	}
}
