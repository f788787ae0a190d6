package show

import (
	"context"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdShow(t *testing.T) {
	if opts, err := clitest.Parse(t, NewCmdShow); err != nil || opts == nil {
		t.Fatalf("no arguments: %v", err)
	}
	if _, err := clitest.Parse(t, NewCmdShow, "extra"); clitest.ExitCode(err) != 2 {
		t.Errorf("an argument: %v", err)
	}
}

func Test_showRun(t *testing.T) {
	e := clitest.New(t)
	if err := showRun(context.Background(), &Options{Factory: e.F}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(e.Out.String(), "Decorated\tno\n") {
		t.Errorf("a new shop is not decorated:\n%s", e.Out)
	}
	z := clitest.New(t, "MKT_LANG", "zh")
	if err := showRun(context.Background(), &Options{Factory: z.F}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(z.Out.String(), "已装修\t否\n") {
		t.Errorf("zh labels:\n%s", z.Out)
	}
}
