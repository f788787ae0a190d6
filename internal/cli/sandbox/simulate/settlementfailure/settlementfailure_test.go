package settlementfailure

import (
	"context"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdSettlementFailure(t *testing.T) {
	e := clitest.New(t)
	if err := e.Exec(NewCmdSettlementFailure(e.F), "finance@example.com", "--reason", "name mismatch"); err != nil {
		t.Fatal(err)
	}
	c := e.Client(t)
	a, err := c.ModifySettlementAccount(context.Background(), "finance@example.com", "示例科技", "")
	if err == nil {
		a, err = c.SettlementAccount(context.Background())
	}
	if err != nil || a.Status != "FAILED" || a.FailReason != "name mismatch" {
		t.Errorf("account %+v %v", a, err)
	}
	if err := e.Exec(NewCmdSettlementFailure(e.F)); clitest.ExitCode(err) != 2 {
		t.Errorf("no account: %v", err)
	}
}
