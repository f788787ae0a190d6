package get

import (
	"context"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdGet(t *testing.T) {
	if opts, err := clitest.Parse(t, NewCmdGet, "CODE"); err != nil || opts.Code != "CODE" {
		t.Fatalf("%+v %v", opts, err)
	}
	if _, err := clitest.Parse(t, NewCmdGet); clitest.ExitCode(err) != 2 {
		t.Errorf("no code: %v", err)
	}
}

func Test_getRun(t *testing.T) {
	e := clitest.New(t)
	p := e.Purchase(t, e.Listed(t, "Invoice Helper").Code)
	if err := getRun(context.Background(), &Options{Factory: e.F, Code: p.LicenseCode}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(e.Out.String(), "Status\tINACTIVATED\n") {
		t.Errorf("out:\n%s", e.Out)
	}
}
