// Package auth is `mkt auth`: store, show and remove credentials.
package auth

import (
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/auth/login"
	"github.com/mkt-cli/mkt/internal/cli/auth/logout"
	"github.com/mkt-cli/mkt/internal/cli/auth/resetpassword"
	"github.com/mkt-cli/mkt/internal/cli/auth/status"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// NewCmdAuth builds `mkt auth`.
func NewCmdAuth(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "auth <command>",
		Short: "Log in, show where credentials come from, log out",
		Long: `Credentials are looked for in this order, the first found wins:

  1. --profile NAME (a profile of mkt's, else of the aliyun CLI)
  2. MKT_ACCESS_KEY_ID / MKT_ACCESS_KEY_SECRET (MKT_SECURITY_TOKEN), or MKT_PROFILE
  3. ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET (ALIBABA_CLOUD_SECURITY_TOKEN)
  4. mkt's current profile in $XDG_CONFIG_HOME/mkt/config.yaml (MKT_CONFIG_DIR overrides)
  5. the aliyun CLI's profile in ~/.aliyun/config.json (AK and StsToken modes;
     ALIBABA_CLOUD_PROFILE or the file's current profile)
  6. none: mkt works against the local sandbox marketplace`,
		Args: cobra.ArbitraryArgs,
		RunE: cmdutil.GroupRunE,
	}
	cmd.AddCommand(
		login.NewCmdLogin(f, nil),
		status.NewCmdStatus(f, nil),
		logout.NewCmdLogout(f, nil),
		resetpassword.NewCmdResetPassword(f, nil),
	)
	return cmd
}
