package purchase

import (
	"context"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/marketapi"
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

// An API product bought with --api-quota holds that many calls.
func TestPurchaseAPIQuota(t *testing.T) {
	e := clitest.New(t)
	p := e.ListedAPI(t, "Weather API")
	if err := e.Exec(NewCmdPurchase(e.F), p.Code, "--api-quota", "7"); err != nil {
		t.Fatal(err)
	}
	var quota int64
	e.Client(t).APIMetering(context.Background(), p.Code, func(us []marketapi.APIUsage) bool { quota = us[0].TotalQuota; return false })
	if quota != 7 {
		t.Errorf("quota %d, want 7", quota)
	}
}

// A draft cannot be bought: a rule (exit 3) with the steps that would make it buyable.
func TestPurchaseDraftRefused(t *testing.T) {
	e := clitest.New(t)
	p, err := e.Client(t).CreateProduct(context.Background(), clitest.LicenseInput("Draft"), "")
	if err != nil {
		t.Fatal(err)
	}
	err = e.Exec(NewCmdPurchase(e.F), p.Code)
	if clitest.ExitCode(err) != 3 || !strings.Contains(err.Error(), "buyers cannot buy it") || e.Out.Len() != 0 {
		t.Errorf("draft: exit %d %v %q", clitest.ExitCode(err), err, e.Out)
	}
}
