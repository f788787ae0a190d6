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

// --exit-code makes a scheduled job fail while anything is outstanding: exit 9, the list
// still printed, a count on stderr.
func TestTodoExitCode(t *testing.T) {
	e := clitest.New(t)
	opts, err := clitest.Parse(t, NewCmdTodo, "--exit-code")
	if err != nil || !opts.ExitCode {
		t.Fatalf("%+v %v", opts, err)
	}
	opts.Factory = e.F
	err = todoRun(context.Background(), opts)
	if clitest.ExitCode(err) != 9 || !strings.Contains(e.Out.String(), "onboarding\t") || !strings.Contains(e.ErrOut.String(), "outstanding") {
		t.Fatalf("exit %d (%v)\nout %s\nerr %s", clitest.ExitCode(err), err, e.Out, e.ErrOut)
	}
}

// A Compute Nest version rejected in review is to do until it is sent again: the reviewer's
// reason, and the commands that fix it. A service rejected twice is one item.
func TestTodoRejectedNestService(t *testing.T) {
	e := clitest.New(t)
	id := e.NestService(t, "Rejected service")
	other := e.NestService(t, "Approved service")
	e.NestStep(t, id, "submit", "reject", "submit", "reject")
	e.NestStep(t, other, "submit", "approve")
	if err := todoRun(context.Background(), &Options{Factory: e.F}); err != nil {
		t.Fatal(err)
	}
	out := e.Out.String()
	if strings.Count(out, "nest\t") != 1 || !strings.Contains(out, "Rejected service ("+id+") version 1 was rejected in review: not yet") ||
		!strings.Contains(out, "mkt nest service submit "+id) || strings.Contains(out, other) {
		t.Fatalf("out:\n%s", out)
	}

	// Sent again: in review, nothing to do about it.
	e.NestStep(t, id, "submit")
	e.Out.Reset()
	if err := todoRun(context.Background(), &Options{Factory: e.F}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(e.Out.String(), "nest\t") {
		t.Errorf("in review again, still listed:\n%s", e.Out)
	}
}
