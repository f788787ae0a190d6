package list

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdList(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdList, "--product", "cmgj1,cmgj2", "-L", "3")
	if err != nil || opts.Product != "cmgj1,cmgj2" || opts.Limit != 3 {
		t.Fatalf("%+v %v", opts, err)
	}
}

func Test_listRun(t *testing.T) {
	e := clitest.New(t)
	code := e.Listed(t, "Invoice Helper").Code
	a, b := e.Purchase(t, code), e.Purchase(t, code)
	if err := listRun(context.Background(), &Options{Factory: e.F, Limit: 1}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(e.Out.String()), "\n")
	if len(lines) != 1 {
		t.Errorf("--limit 1 printed %d rows", len(lines))
	}
	e.Reset()
	if err := listRun(context.Background(), &Options{Factory: e.F}); err != nil {
		t.Fatal(err)
	}
	for _, id := range []int64{a.InstanceId, b.InstanceId} {
		if !strings.Contains(e.Out.String(), strconv.FormatInt(id, 10)+"\t"+code) {
			t.Errorf("instance %d missing:\n%s", id, e.Out)
		}
	}
}
