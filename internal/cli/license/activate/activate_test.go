package activate

import (
	"context"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdActivate(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdActivate, "CODE", "--identification", "1234")
	if err != nil || opts.Code != "CODE" || opts.Identification != "1234" {
		t.Fatalf("%+v %v", opts, err)
	}
}

func Test_activateRun(t *testing.T) {
	e := clitest.New(t)
	p := e.Purchase(t, e.Listed(t, "Invoice Helper").Code)
	if err := activateRun(context.Background(), &Options{Factory: e.F, Code: p.LicenseCode}); err != nil {
		t.Fatal(err)
	}
	l, err := e.Client(t).GetLicense(context.Background(), p.LicenseCode)
	if err != nil || l.LicenseStatus != "ACTIVATED" {
		t.Errorf("license %+v %v", l, err)
	}
}
