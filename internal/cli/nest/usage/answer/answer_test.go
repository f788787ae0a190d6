package answer

import (
	"context"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

func TestNewCmd(t *testing.T) {
	if opts, err := clitest.Parse(t, NewCmdApprove, "service-0e6fca6a51a54420", "1001"); err != nil || opts.User != 1001 || !opts.Approve {
		t.Fatalf("%+v %v", opts, err)
	}
	// Every problem at once: a bad service, a bad user, no comment to reject.
	_, err := clitest.Parse(t, NewCmdReject, "x", "y")
	if clitest.ExitCode(err) != 2 || !strings.Contains(err.Error(), "--comment") || !strings.Contains(err.Error(), "user ID") {
		t.Errorf("%v", err)
	}
}

func Test_answerRun(t *testing.T) {
	e := clitest.New(t)
	c := e.Client(t)
	s, err := c.CreateService(context.Background(), "", market.NestSpec{DeployType: "spi", ShareType: "Restricted",
		ServiceInfos: []marketapi.NestServiceInfo{{Locale: "zh-CN", Name: "受限"}}}, "")
	if err != nil {
		t.Fatal(err)
	}
	e.NestStep(t, s.ServiceId, "submit", "approve", "launch")
	c.NestPurchase(context.Background(), s.ServiceId, 1001, "Subscription")
	c.NestPurchase(context.Background(), s.ServiceId, 1002, "Subscription")
	if err := answerRun(context.Background(), &Options{Factory: e.F, Approve: true, Service: s.ServiceId, User: 1001}); err != nil || !strings.Contains(e.Out.String(), "\t1001\tApproved") {
		t.Fatalf("%v %s", err, e.Out)
	}
	e.Reset()
	if err := answerRun(context.Background(), &Options{Factory: e.F, Service: s.ServiceId, User: 1002, Comment: "以后再说"}); err != nil || !strings.Contains(e.Out.String(), "\t1002\tRejected\t以后再说") {
		t.Fatalf("%v %s", err, e.Out)
	}
	// Answered already: the API refuses (exit 3); an approved buyer deploys.
	if err := answerRun(context.Background(), &Options{Factory: e.F, Approve: true, Service: s.ServiceId, User: 1002}); clitest.ExitCode(err) != 3 {
		t.Errorf("again: %v", err)
	}
	out, _ := c.NestPurchase(context.Background(), s.ServiceId, 1001, "Subscription")
	if out["ServiceInstanceId"] == nil {
		t.Errorf("approved buyer: %v", out)
	}
}
