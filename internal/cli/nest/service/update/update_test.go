package update

import (
	"context"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdUpdate(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdUpdate, "service-0e6fca6a51a54420", "--endpoint", "https://isv.example.com/spi")
	if err != nil || !opts.set["endpoint"] {
		t.Fatalf("%+v %v", opts, err)
	}
	for _, bad := range [][]string{{"service-0e6fca6a51a54420"}, {"service-0e6fca6a51a54420", "--version", "1"},
		{"service-0e6fca6a51a54420", "--endpoint", "ftp://x"}, {"x", "--trial-days", "1"}} {
		if _, err := clitest.Parse(t, NewCmdUpdate, bad...); clitest.ExitCode(err) != 2 {
			t.Errorf("%v: %v", bad, err)
		}
	}
}

func Test_updateRun(t *testing.T) {
	e := clitest.New(t)
	id := e.NestService(t, "接口")
	run := func(endpoint string) error {
		e.Reset()
		return updateRun(context.Background(), &Options{Factory: e.F, ID: id, Endpoint: endpoint, set: map[string]bool{"endpoint": true}})
	}
	if err := run("https://isv.example.com/v2"); err != nil || !strings.Contains(e.Out.String(), "https://isv.example.com/v2") {
		t.Fatalf("%v %s", err, e.Out)
	}
	// Online, the version is locked: refused before anything is sent, exit 3.
	e.NestStep(t, id, "submit", "approve", "launch")
	err := run("https://isv.example.com/v3")
	if clitest.ExitCode(err) != 3 || !strings.Contains(err.Error(), "locked") {
		t.Errorf("online: %v", err)
	}
	s, _ := e.Client(t).GetService(context.Background(), id, "1")
	if !strings.Contains(s.DeployMetadata, "/v2") {
		t.Errorf("changed: %s", s.DeployMetadata)
	}
}
