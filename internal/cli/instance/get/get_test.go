package get

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdGet(t *testing.T) {
	if opts, err := clitest.Parse(t, NewCmdGet, "10000001"); err != nil || opts.ID != "10000001" {
		t.Fatalf("%+v %v", opts, err)
	}
	if _, err := clitest.Parse(t, NewCmdGet, "abc"); clitest.ExitCode(err) != 2 {
		t.Errorf("not a number: %v", err)
	}
}

func Test_getRun(t *testing.T) {
	e := clitest.New(t)
	p := e.Purchase(t, e.Listed(t, "Invoice Helper").Code)
	if err := getRun(context.Background(), &Options{Factory: e.F, ID: strconv.FormatInt(p.InstanceId, 10)}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(e.Out.String(), "Status\tOPENED\n") || !strings.Contains(e.Out.String(), "License code\t"+p.LicenseCode+"\n") {
		t.Errorf("out:\n%s", e.Out)
	}
	if err := getRun(context.Background(), &Options{Factory: e.F, ID: "99999999"}); err == nil {
		t.Error("an unknown instance")
	}
}

// Auto-renewal in words; a string of another shape as it is.
func TestAutoRenewal(t *testing.T) {
	e := clitest.New(t)
	for in, want := range map[string]string{
		`{"autoRenewCycle":"Year","autoRenewDuration":1}`:  "renewed for 1 year(s) at each end",
		`{"autoRenewCycle":"Month","autoRenewDuration":3}`: "renewed for 3 month(s) at each end",
		`{"autoRenewCycle":"Week","autoRenewDuration":1}`:  `{"autoRenewCycle":"Week","autoRenewDuration":1}`,
		"": "",
	} {
		if got := autoRenewal(e.F, in); got != want {
			t.Errorf("autoRenewal(%s) = %q, want %q", in, got, want)
		}
	}
}
