package get

import (
	"context"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdGet(t *testing.T) {
	if opts, err := clitest.Parse(t, NewCmdGet, "service-0e6fca6a51a54420", "--version", "2"); err != nil || opts.Version != "2" {
		t.Fatalf("%+v %v", opts, err)
	}
	for _, bad := range [][]string{{}, {"cmgj10000001"}} {
		if _, err := clitest.Parse(t, NewCmdGet, bad...); clitest.ExitCode(err) != 2 {
			t.Errorf("%v: %v", bad, err)
		}
	}
}

func Test_getRun(t *testing.T) {
	e := clitest.New(t)
	if err := getRun(context.Background(), &Options{Factory: e.F, ID: "service-ffffffffffffffff"}); clitest.ExitCode(err) != 5 {
		t.Errorf("an unknown service: %v", err)
	}
	id := e.NestService(t, "示例")
	if err := getRun(context.Background(), &Options{Factory: e.F, ID: id}); err != nil || !strings.Contains(e.Out.String(), "Status\tDraft\n") {
		t.Errorf("%v\n%s", err, e.Out)
	}
}
