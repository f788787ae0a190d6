package get

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdGet(t *testing.T) {
	if opts, err := clitest.Parse(t, NewCmdGet, "10000001"); err != nil || opts.Instance != "10000001" {
		t.Fatalf("%+v %v", opts, err)
	}
	if _, err := clitest.Parse(t, NewCmdGet, "x"); clitest.ExitCode(err) != 2 {
		t.Errorf("not a number: %v", err)
	}
}

func Test_getRun(t *testing.T) {
	e := clitest.New(t)
	inst := e.Delivering(t)
	if err := getRun(context.Background(), &Options{Factory: e.F, Instance: inst}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Project status\tStarting\n", "Step\t2 of 4\n", "Current node\t部署 ("} {
		if !strings.Contains(e.Out.String(), want) {
			t.Errorf("out lacks %q:\n%s", want, e.Out)
		}
	}
	e.Reset()
	e.F.Global.Output = "json"
	if err := getRun(context.Background(), &Options{Factory: e.F, Instance: inst}); err != nil {
		t.Fatal(err)
	}
	var v struct {
		Instance, Status string
		Step, FinalStep  int
		Current          struct{ Name, Role string }
		CreatedAt        string
	}
	if err := json.Unmarshal(e.Out.Bytes(), &v); err != nil || v.Instance != inst || v.Step != 2 || v.Current.Name != "部署" ||
		v.Current.Role != "Provider" || !strings.Contains(v.CreatedAt, "T") {
		t.Fatalf("json %+v %v:\n%s", v, err, e.Out)
	}
	// A licence instance has no project: the marketplace's refusal, exit 2.
	p := e.Purchase(t, e.Listed(t, "No project").Code)
	if err := getRun(context.Background(), &Options{Factory: e.F, Instance: itoa(p.InstanceId)}); clitest.ExitCode(err) != 2 {
		t.Errorf("no project: %v", err)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
