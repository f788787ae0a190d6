package messages

import (
	"context"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/market"
)

func Test_messagesRun(t *testing.T) {
	if _, err := clitest.Parse(t, NewCmdMessages, "x"); clitest.ExitCode(err) != 2 {
		t.Errorf("not a number: %v", err)
	}
	e := clitest.New(t)
	inst := e.Delivering(t)
	c := e.Client(t)
	for _, m := range []string{"第一条", "第二条", "\x1b[2J第三条"} {
		if err := c.ProjectAct(context.Background(), inst, market.ProjectAct{Message: m}); err != nil {
			t.Fatal(err)
		}
	}
	if err := messagesRun(context.Background(), &Options{Factory: e.F, Instance: inst, Limit: 2}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(e.Out.String()), "\n")
	if len(lines) != 2 || !strings.HasSuffix(lines[0], "\ufffd[2J第三条") || !strings.Contains(lines[0], "\tbuyer\t") || !strings.HasSuffix(lines[1], "第二条") {
		t.Fatalf("newest first, at most 2, no escape sequence:\n%q", e.Out)
	}
}
