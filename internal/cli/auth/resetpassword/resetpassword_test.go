package resetpassword

import (
	"testing"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/exitcode"
	"github.com/mkt-cli/mkt/internal/iostreams"
)

func TestNewCmdResetPassword(t *testing.T) {
	cases := []struct {
		region   string
		args     []string
		wantSite string
		wantWeb  bool
		wantCode int
	}{
		{args: nil, wantSite: "cn"},
		{region: "cn-beijing", wantSite: "cn"},
		{region: "ap-southeast-1", wantSite: "intl"},
		{region: "ap-southeast-1", args: []string{"--site", "CN", "--web"}, wantSite: "cn", wantWeb: true},
		{args: []string{"--site", "mars"}, wantCode: exitcode.Usage.Code()},
	}
	for _, c := range cases {
		ios, _, _, _ := iostreams.Test()
		f := cmdutil.NewFactory(ios, func(string) string { return "" })
		f.Global.Region = c.region
		var got *Options
		cmd := NewCmdResetPassword(f, func(o *Options) error { got = o; return nil })
		cmd.SetArgs(c.args)
		cmd.SilenceErrors, cmd.SilenceUsage = true, true
		err := cmd.Execute()
		if code := cmdutil.ExitCode(err); code != c.wantCode {
			t.Errorf("%+v: exit %d (%v)", c, code, err)
			continue
		}
		if c.wantCode == 0 && (got.Site != c.wantSite || got.Web != c.wantWeb) {
			t.Errorf("%+v: options %+v", c, got)
		}
	}
}
