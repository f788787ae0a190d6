package apicalls

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/market"
)

func TestAPICalls(t *testing.T) {
	e := clitest.New(t)
	p := e.ListedAPI(t, "Weather API")
	buy, err := e.Client(t).Simulate(context.Background(), "SandboxPurchase", market.BuyerEvent{Code: p.Code, ApiQuota: 10})
	if err != nil {
		t.Fatal(err)
	}
	inst := strconv.FormatInt(buy.InstanceId, 10)
	for _, bad := range [][]string{{inst}, {"x", "--count", "1"}, {inst, "--count", "0"}} {
		if err := e.Exec(NewCmdAPICalls(e.F), bad...); clitest.ExitCode(err) != 2 {
			t.Errorf("%v: %v", bad, err)
		}
	}
	e.Reset()
	if err := e.Exec(NewCmdAPICalls(e.F), inst, "--count", "12"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(e.ErrOut.String(), "10 call(s)") || !strings.Contains(e.ErrOut.String(), "2 more call(s) refused") {
		t.Errorf("stderr: %s", e.ErrOut)
	}
}
