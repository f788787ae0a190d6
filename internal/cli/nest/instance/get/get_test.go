package get

import (
	"context"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdGet(t *testing.T) {
	if _, err := clitest.Parse(t, NewCmdGet, "i-123"); clitest.ExitCode(err) != 2 {
		t.Errorf("not a service instance: %v", err)
	}
}

func Test_getRun(t *testing.T) {
	e := clitest.New(t)
	id := e.NestService(t, "示例")
	e.NestStep(t, id, "submit", "approve", "launch")
	out, err := e.Client(t).NestPurchase(context.Background(), id, 0, "Subscription")
	if err != nil {
		t.Fatal(err)
	}
	si := out["ServiceInstanceId"].(string)
	if err := getRun(context.Background(), &Options{Factory: e.F, ID: si}); err != nil || !strings.HasPrefix(e.Out.String(), si+"\t"+id) {
		t.Errorf("%v %s", err, e.Out)
	}
	if err := getRun(context.Background(), &Options{Factory: e.F, ID: "si-ffffffffffffffff"}); clitest.ExitCode(err) != 5 {
		t.Errorf("unknown: %v", err)
	}
}
