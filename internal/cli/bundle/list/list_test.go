package list

import (
	"context"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/market"
)

func TestNewCmdList(t *testing.T) {
	if _, err := clitest.Parse(t, NewCmdList, "x"); clitest.ExitCode(err) != 2 {
		t.Errorf("an argument: %v", err)
	}
}

func Test_listRun(t *testing.T) {
	e := clitest.New(t)
	a, b := e.Listed(t, "A"), e.Listed(t, "B")
	if _, err := e.Client(t).CreateBundle(context.Background(), market.BundleInput{Name: "Suite", Products: []string{a.Code, b.Code}, Price: "199"}, ""); err != nil {
		t.Fatal(err)
	}
	if err := listRun(context.Background(), &Options{Factory: e.F}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(e.Out.String(), "\tSuite\t") || !strings.Contains(e.Out.String(), "¥199") {
		t.Errorf("out: %q", e.Out)
	}
}
