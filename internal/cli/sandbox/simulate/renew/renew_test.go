package renew

import (
	"strconv"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdRenew(t *testing.T) {
	e := clitest.New(t)
	p := e.Purchase(t, e.Listed(t, "Invoice Helper").Code)
	id := strconv.FormatInt(p.InstanceId, 10)
	if err := e.Exec(NewCmdRenew(e.F), id, "--period", "1y"); err != nil {
		t.Fatal(err)
	}
	inst, _ := e.Client(t).GetInstance(t.Context(), id)
	if inst.EndOn <= p.InstanceId { // EndOn is epoch millis, far above an instance ID
		t.Errorf("end %d", inst.EndOn)
	}
	if err := e.Exec(NewCmdRenew(e.F), "abc"); clitest.ExitCode(err) != 2 {
		t.Errorf("not an instance ID: %v", err)
	}
}
