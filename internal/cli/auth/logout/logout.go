// Package logout is `mkt auth logout`.
package logout

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/config"
	"github.com/mkt-cli/mkt/internal/iostreams"
)

// Options are the inputs of `mkt auth logout`.
type Options struct {
	Factory *cmdutil.Factory
	IO      *iostreams.IOStreams
	Profile string
}

// NewCmdLogout builds `mkt auth logout`.
func NewCmdLogout(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f, IO: f.IOStreams}
	return &cobra.Command{
		Use:   "logout",
		Short: "Remove the stored AccessKey pair of a profile",
		Long: `Remove the AccessKey pair stored in a profile (the current one, or --profile). The
profile's other settings (endpoint, region, output, lang) are kept. Credentials from
environment variables or the aliyun CLI are not touched: unset or remove them there.`,
		Example: `  mkt auth logout
  mkt auth logout --profile intl`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Profile = f.Global.Profile
			if runF != nil {
				return runF(opts)
			}
			return logoutRun(opts)
		},
	}
}

func logoutRun(opts *Options) error {
	f, ios := opts.Factory, opts.IO
	file, err := f.Config()
	if err != nil {
		return err
	}
	name := file.ActiveProfileName(strings.ToLower(opts.Profile), f.Getenv)
	p := file.Profile(name)
	if p == nil || (p.AccessKeyID == "" && p.AccessKeySecret == "") {
		return cmdutil.AuthError("logout.none", name).WithRemedy("remedy.status")
	}
	if err := file.Update(func(cur *config.File) error {
		if p := cur.Profile(name); p != nil {
			p.AccessKeyID, p.AccessKeySecret, p.SecurityToken = "", "", ""
		}
		return nil
	}); err != nil {
		return cmdutil.Failure(err, "error.config.write", file.FilePath())
	}
	st := ios.StylesErr()
	fmt.Fprintf(ios.ErrOut, "%s %s\n", st.Success.Render("✓"), f.T("logout.done", name))
	for _, k := range []string{"MKT_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_ID"} {
		if f.Getenv(k) != "" {
			fmt.Fprintf(ios.ErrOut, "%s %s\n", st.Warning.Render("!"), f.T("logout.envremains", k))
		}
	}
	return nil
}
