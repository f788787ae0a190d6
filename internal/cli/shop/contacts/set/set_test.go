package set

import (
	"context"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdSet(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdSet, "--hotline", "400-123-4567")
	if err != nil || opts.Hotline == nil || opts.Wangwang != nil || opts.TicketURL != nil {
		t.Fatalf("%+v %v", opts, err)
	}
	if _, err := clitest.Parse(t, NewCmdSet); clitest.ExitCode(err) != 2 {
		t.Errorf("nothing to change: %v", err)
	}
}

func Test_setRun(t *testing.T) {
	e := clitest.New(t)
	h, bad := "400-123-4567", "12345"
	if err := setRun(context.Background(), &Options{Factory: e.F, Hotline: &h}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(e.Out.String(), "Hotline\t400-123-4567\n") {
		t.Errorf("out:\n%s", e.Out)
	}
	if err := setRun(context.Background(), &Options{Factory: e.F, Hotline: &bad}); err == nil {
		t.Error("a 5-digit hotline accepted")
	}
}
