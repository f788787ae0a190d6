package serve

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdServe(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdServe, "--addr", "127.0.0.1:0", "-q")
	if err != nil || opts.Addr != "127.0.0.1:0" || !opts.Quiet {
		t.Fatalf("%+v %v", opts, err)
	}
}

// serve prints its URL and the sandbox's own pair, then stops when the context ends.
func Test_serveRun(t *testing.T) {
	e := clitest.New(t)
	e.F.Global.Output = "json"
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := serveRun(ctx, &Options{Factory: e.F, Addr: "127.0.0.1:0", Quiet: true}); err != nil {
		t.Fatal(err)
	}
	var info Info
	if err := json.Unmarshal([]byte(strings.SplitN(e.Out.String(), "\n}", 2)[0]+"\n}"), &info); err != nil {
		t.Fatalf("%v: %q", err, e.Out)
	}
	if !strings.HasPrefix(info.URL, "http://127.0.0.1:") || !strings.HasPrefix(info.AccessKeyID, "LTAIsandbox") {
		t.Errorf("%+v", info)
	}
}
