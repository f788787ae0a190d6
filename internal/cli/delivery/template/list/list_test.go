package list

import (
	"context"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

func TestNewCmdList(t *testing.T) {
	if _, err := clitest.Parse(t, NewCmdList, "x"); clitest.ExitCode(err) != 2 {
		t.Errorf("an argument: %v", err)
	}
}

func Test_listRun(t *testing.T) {
	e := clitest.New(t)
	steps := []marketapi.TemplateStep{{Name: "Collect", OperatorRole: "Custom"}, {Name: "Deliver", OperatorRole: "Provider"}}
	if _, err := e.Client(t).CreateDeliveryTemplate(context.Background(), "Onboarding", steps, ""); err != nil {
		t.Fatal(err)
	}
	if err := listRun(context.Background(), &Options{Factory: e.F}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(e.Out.String(), "\tOnboarding\tCollect → Deliver\n") {
		t.Errorf("out: %q", e.Out)
	}
}
