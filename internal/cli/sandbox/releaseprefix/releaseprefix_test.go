package releaseprefix

import (
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdReleasePrefix(t *testing.T) {
	e := clitest.New(t)
	if err := e.Exec(NewCmdReleasePrefix(e.F), "nope"); clitest.ExitCode(err) != 2 {
		t.Errorf("not a code: %v", err)
	}
	if err := e.Exec(NewCmdReleasePrefix(e.F), "cmapi10009999"); clitest.ExitCode(err) != 5 {
		t.Errorf("an unknown product: %v", err)
	}
}
