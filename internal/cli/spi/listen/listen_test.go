package listen

import (
	"context"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdListen(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdListen, "--app-info", `{"frontEndUrl":"https://x"}`)
	if err != nil || opts.AppInfo["frontEndUrl"] != "https://x" || opts.Addr != "127.0.0.1:0" {
		t.Fatalf("%+v %v", opts, err)
	}
	for _, bad := range [][]string{{"--app-info", "{"}, {"--forward-to", "ftp://x"}} {
		if _, err := clitest.Parse(t, NewCmdListen, bad...); clitest.ExitCode(err) != 2 {
			t.Errorf("%v: %v", bad, err)
		}
	}
}

// The listener prints its URL first and stops cleanly when the context ends.
func Test_listenRun(t *testing.T) {
	e := clitest.New(t, "MKT_SPI_KEY", "k3y")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := listenRun(ctx, &Options{Factory: e.F, Addr: "127.0.0.1:0"}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(e.Out.String(), "http://127.0.0.1:") {
		t.Errorf("out: %q", e.Out)
	}
}
