package distribute

import (
	"context"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

func TestDistribute(t *testing.T) {
	e := clitest.New(t)
	a := e.Listed(t, "Invoice Helper")
	for _, bad := range [][]string{{a.Code}, {a.Code, "--commission", "95"}, {a.Code, "--commission", "x"}, {"hello", "--commission", "1"}} {
		if err := e.Exec(NewCmdDistribute(e.F), bad...); clitest.ExitCode(err) != 2 {
			t.Errorf("%v: %v", bad, err)
		}
	}
	count := func() (n int) {
		e.Client(t).DistributionProducts(context.Background(), market.DistributionFilter{}, func(ds []marketapi.DistributionProduct) bool { n += len(ds); return true })
		return n
	}
	if err := e.Exec(NewCmdDistribute(e.F), a.Code, "--commission", "30%"); err != nil || count() != 1 {
		t.Fatalf("enrol: %v, %d promoted", err, count())
	}
	if err := e.Exec(NewCmdDistribute(e.F), a.Code, "--commission", "0"); err != nil || count() != 0 {
		t.Fatalf("leave: %v, %d promoted", err, count())
	}
}
