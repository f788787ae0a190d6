package refuse

import (
	"context"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdRefuse(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdRefuse, "4072040002", "--reason", "tax number")
	if err != nil || opts.ID != "4072040002" || opts.Reason != "tax number" {
		t.Fatalf("%+v %v", opts, err)
	}
	for _, bad := range [][]string{{"4072040002"}, {"x", "--reason", "r"}} {
		if _, err := clitest.Parse(t, NewCmdRefuse, bad...); clitest.ExitCode(err) != 2 {
			t.Errorf("%v: %v", bad, err)
		}
	}
}

func Test_refuseRun(t *testing.T) {
	e := clitest.New(t)
	id := e.InvoiceRequest(t, e.Listed(t, "Invoice Helper").Code)
	opts := &Options{Factory: e.F, ID: id, Reason: "The tax number does not match"}
	for i := range 2 { // the second run finds it refused with this reason: done once
		if err := refuseRun(context.Background(), opts); err != nil {
			t.Fatalf("run %d: %v", i+1, err)
		}
	}
	if err := refuseRun(context.Background(), &Options{Factory: e.F, ID: id, Reason: "other"}); clitest.ExitCode(err) != 6 {
		t.Errorf("refused for another reason: %v", err)
	}
}
