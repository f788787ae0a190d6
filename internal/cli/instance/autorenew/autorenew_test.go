package autorenew

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdAutoRenew(t *testing.T) {
	for args, want := range map[string]Options{
		"1 --every 1y":  {ID: "1", Every: "1y", Cycle: "Year", Duration: 1},
		"1 --every 3m":  {ID: "1", Every: "3m", Cycle: "Month", Duration: 3},
		"1 --every 36d": {ID: "1", Every: "36d", Cycle: "Day", Duration: 36},
		"1 --off":       {ID: "1", Off: true},
	} {
		opts, err := clitest.Parse(t, NewCmdAutoRenew, strings.Fields(args)...)
		if err != nil || opts.ID != want.ID || opts.Cycle != want.Cycle || opts.Duration != want.Duration || opts.Off != want.Off {
			t.Errorf("%s: %+v %v", args, opts, err)
		}
	}
	for _, bad := range []string{"1", "x --off", "1 --off --every 1y", "1 --every 1w", "1 --every 37m", "1 --every 0y", "1 --every 01y", "1 --every y"} {
		if _, err := clitest.Parse(t, NewCmdAutoRenew, strings.Fields(bad)...); clitest.ExitCode(err) != 2 {
			t.Errorf("%s: %v", bad, err)
		}
	}
}

func Test_autoRenewRun(t *testing.T) {
	e := clitest.New(t)
	p := e.Purchase(t, e.Listed(t, "Invoice Helper").Code)
	id := strconv.FormatInt(p.InstanceId, 10)
	ctx := context.Background()
	if err := autoRenewRun(ctx, &Options{Factory: e.F, ID: id, Every: "1y", Cycle: "Year", Duration: 1}); err != nil {
		t.Fatal(err)
	}
	c := e.Client(t)
	if i, _ := c.GetInstance(ctx, id); i.AutoRenewal != `{"autoRenewCycle":"Year","autoRenewDuration":1}` {
		t.Errorf("AutoRenewal %q", i.AutoRenewal)
	}
	if err := autoRenewRun(ctx, &Options{Factory: e.F, ID: id, Off: true}); err != nil {
		t.Fatal(err)
	}
	if i, _ := c.GetInstance(ctx, id); i.AutoRenewal != "" {
		t.Errorf("after --off: %q", i.AutoRenewal)
	}
	if err := autoRenewRun(ctx, &Options{Factory: e.F, ID: "99999999", Off: true}); clitest.ExitCode(err) != 5 {
		t.Errorf("an unknown instance: %v", err)
	}
}
