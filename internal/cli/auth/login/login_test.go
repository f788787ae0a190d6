package login

import (
	"testing"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/exitcode"
	"github.com/mkt-cli/mkt/internal/iostreams"
)

func TestNewCmdLogin(t *testing.T) {
	cases := []struct {
		args     []string
		profile  string
		wantID   string
		wantSTD  bool
		wantCode int
	}{
		{args: []string{"--access-key-id", "LTAIx", "--access-key-secret-stdin"}, wantID: "LTAIx", wantSTD: true},
		{args: []string{}, profile: "Intl", wantID: ""},
		{args: []string{}, profile: "bad name!", wantCode: exitcode.Usage.Code()},
		{args: []string{"extra"}, wantCode: exitcode.Usage.Code()},
	}
	for _, c := range cases {
		ios, _, _, _ := iostreams.Test()
		f := cmdutil.NewFactory(ios, func(string) string { return "" })
		f.Global.Profile = c.profile
		var got *Options
		cmd := NewCmdLogin(f, func(o *Options) error { got = o; return nil })
		cmd.SetArgs(c.args)
		cmd.SilenceErrors, cmd.SilenceUsage = true, true
		err := cmd.Execute()
		if code := cmdutil.ExitCode(err); code != c.wantCode {
			t.Errorf("%v: exit %d (%v), want %d", c.args, code, err, c.wantCode)
			continue
		}
		if c.wantCode != 0 {
			continue
		}
		if got.AccessKeyID != c.wantID || got.SecretStdin != c.wantSTD || got.Profile != c.profile {
			t.Errorf("%v: options %+v", c.args, got)
		}
	}
}
