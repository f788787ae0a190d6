package purchase

import (
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdPurchase(t *testing.T) {
	e := clitest.New(t)
	code := e.Listed(t, "Invoice Helper").Code
	if err := e.Exec(NewCmdPurchase(e.F), code, "--months", "1", "--pay", "credit"); err != nil {
		t.Fatal(err)
	}
	if id := strings.TrimSpace(e.Out.String()); !strings.HasPrefix(id, "1000000") {
		t.Errorf("in a pipe, the instance ID alone: %q", id)
	}
	for _, bad := range [][]string{{"not-a-code"}, {code, "--months", "1", "--period", "1y"}, {}} {
		if err := e.Exec(NewCmdPurchase(e.F), bad...); clitest.ExitCode(err) != 2 {
			t.Errorf("%v: %v", bad, err)
		}
	}
}
