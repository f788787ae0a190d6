package attach

import (
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdAttach(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdAttach, "cmfw10000003", "tpl-1")
	if err != nil || opts.Code != "cmfw10000003" || opts.TemplateID != "tpl-1" {
		t.Fatalf("%+v %v", opts, err)
	}
	// Delivery templates apply to service products only: refused before sending (exit 3).
	if _, err := clitest.Parse(t, NewCmdAttach, "cmgj10000001", "tpl-1"); clitest.ExitCode(err) != 3 {
		t.Errorf("a SaaS product: %v", err)
	}
	if _, err := clitest.Parse(t, NewCmdAttach, "cmfw10000003"); clitest.ExitCode(err) != 2 {
		t.Errorf("one argument: %v", err)
	}
}
