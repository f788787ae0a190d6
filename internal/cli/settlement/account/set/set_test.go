package set

import (
	"context"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdSet(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdSet, "finance@example.com", "--name", " 示例科技 ")
	if err != nil || opts.Account != "finance@example.com" || opts.Company != "示例科技" {
		t.Fatalf("%+v %v", opts, err)
	}
	for _, args := range [][]string{{"finance@example.com"}, {}, {"a", "b", "--name", "x"}} {
		if _, err := clitest.Parse(t, NewCmdSet, args...); clitest.ExitCode(err) != 2 {
			t.Errorf("%v: %v", args, err)
		}
	}
}

func Test_setRun(t *testing.T) {
	e := clitest.New(t)
	if err := setRun(context.Background(), &Options{Factory: e.F, Account: "138 0013 8000", Company: "示例科技"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(e.Out.String(), "Account\t13800138000\n") || !strings.Contains(e.ErrOut.String(), "spaces removed") {
		t.Errorf("out:\n%s\nerr:\n%s", e.Out, e.ErrOut)
	}
	if err := setRun(context.Background(), &Options{Factory: e.F, Account: "0571-85022088", Company: "示例科技"}); clitest.ExitCode(err) != 3 {
		t.Errorf("a landline: %v", err)
	}
}
