// Package resetpassword is `mkt auth reset-password`.
package resetpassword

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/iostreams"
)

// Login pages where the main account's "forgot password" flow starts (FAQ 一 Q1).
const (
	LoginPageChina = "https://account.aliyun.com/login/login.htm"
	LoginPageIntl  = "https://account.alibabacloud.com/login/login.htm"
)

// Options are the inputs of `mkt auth reset-password`.
type Options struct {
	Factory *cmdutil.Factory
	IO      *iostreams.IOStreams
	Site    string
	Web     bool
}

// Page is what `-o json` prints.
type Page struct {
	Site string `json:"site"`
	URL  string `json:"url"`
	Step string `json:"step"`
}

// NewCmdResetPassword builds `mkt auth reset-password`.
func NewCmdResetPassword(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f, IO: f.IOStreams}
	cmd := &cobra.Command{
		Use:   "reset-password",
		Short: "Show (or open) the page where the main account's password is reset",
		Long: `The main account's password cannot be reset through any API: it is reset on the
Alibaba Cloud login page, through its "forgot password" (忘记密码) link (marketplace FAQ
一 Q1). This prints that page's address, and with --web opens it in a browser.

RAM users do not reset their own password here: the main account resets it for them
in the RAM console.`,
		Example: `  mkt auth reset-password
  mkt auth reset-password --web
  mkt auth reset-password --site intl`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Site = strings.ToLower(opts.Site)
			if opts.Site == "" {
				opts.Site = "cn"
				if r := f.Global.Region; r != "" && !strings.HasPrefix(r, "cn-") {
					opts.Site = "intl"
				}
			}
			if opts.Site != "cn" && opts.Site != "intl" {
				return cmdutil.FlagError("error.site.invalid", opts.Site)
			}
			if runF != nil {
				return runF(opts)
			}
			return resetRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Site, "site", "", "cn (aliyun.com) or intl (alibabacloud.com); default from --region, else cn")
	cmd.Flags().BoolVar(&opts.Web, "web", false, "open the page in a browser (terminal only)")
	_ = cmd.RegisterFlagCompletionFunc("site", cobra.FixedCompletions([]string{"cn", "intl"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func resetRun(opts *Options) error {
	f, ios := opts.Factory, opts.IO
	p := Page{Site: opts.Site, URL: LoginPageChina, Step: f.T("reset.step")}
	if opts.Site == "intl" {
		p.URL = LoginPageIntl
	}
	err := f.Print(p, func() error {
		_, err := fmt.Fprintln(ios.Out, p.URL)
		return err
	})
	if err != nil {
		return err
	}
	st := ios.StylesErr()
	fmt.Fprintf(ios.ErrOut, "%s\n", st.Muted.Render(p.Step))
	if opts.Web {
		if !ios.IsStdoutTTY() {
			fmt.Fprintf(ios.ErrOut, "%s %s\n", st.Warning.Render("!"), f.T("reset.notty"))
			return nil
		}
		if err := f.OpenBrowser(p.URL); err != nil {
			return cmdutil.Failure(err, "error.browser", p.URL)
		}
		fmt.Fprintf(ios.ErrOut, "%s %s\n", st.Success.Render("✓"), f.T("reset.opened"))
	}
	return nil
}
