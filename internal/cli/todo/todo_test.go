package todo

import (
	"context"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdTodo(t *testing.T) {
	if _, err := clitest.Parse(t, NewCmdTodo, "x"); clitest.ExitCode(err) != 2 {
		t.Errorf("an argument: %v", err)
	}
}

func Test_todoRun(t *testing.T) {
	e := clitest.New(t)
	if err := todoRun(context.Background(), &Options{Factory: e.F}); err != nil {
		t.Fatal(err)
	}
	out := e.Out.String()
	for _, want := range []string{"onboarding\t", "shop\t", "settlement\t"} {
		if !strings.Contains(out, want) {
			t.Errorf("a new seller's list lacks %q:\n%s", want, out)
		}
	}
}
