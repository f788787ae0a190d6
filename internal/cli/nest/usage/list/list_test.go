package list

import (
	"context"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// restricted makes an online restricted service with one usage request (user 1001).
func restricted(t *testing.T, e *clitest.Env) string {
	t.Helper()
	c := e.Client(t)
	s, err := c.CreateService(context.Background(), "", market.NestSpec{DeployType: "spi", ShareType: "Restricted", ApprovalType: "Manual",
		ServiceInfos: []marketapi.NestServiceInfo{{Locale: "zh-CN", Name: "受限"}}}, "")
	if err != nil {
		t.Fatal(err)
	}
	e.NestStep(t, s.ServiceId, "submit", "approve", "launch")
	if _, err := c.NestPurchase(context.Background(), s.ServiceId, 1001, "Subscription"); err != nil {
		t.Fatal(err)
	}
	return s.ServiceId
}

func TestNewCmdList(t *testing.T) {
	if opts, err := clitest.Parse(t, NewCmdList, "--status", "Submitted"); err != nil || opts.Status != "Submitted" {
		t.Fatalf("%+v %v", opts, err)
	}
}

func Test_listRun(t *testing.T) {
	e := clitest.New(t)
	id := restricted(t, e)
	if err := listRun(context.Background(), &Options{Factory: e.F, Status: "Submitted"}); err != nil || !strings.HasPrefix(e.Out.String(), id+"\t受限\t1001\tSubmitted\t") {
		t.Errorf("%v %s", err, e.Out)
	}
}
