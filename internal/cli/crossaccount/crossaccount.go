// Package crossaccount is `mkt cross-account`: buyers' cross-account role grants (跨账号角色授权).
package crossaccount

import (
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/crossaccount/verify"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// NewCmdCrossAccount builds `mkt cross-account`.
func NewCmdCrossAccount(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "cross-account <command>",
		Short: "Check a buyer's cross-account role grant (跨账号角色授权)",
		Long: `When a buyer grants you roles in their Alibaba Cloud account, the marketplace hands you a
token; 'verify' asks the marketplace who granted which roles, and when, before you use them.`,
		Args: cobra.ArbitraryArgs,
		RunE: cmdutil.GroupRunE,
	}
	cmd.AddCommand(verify.NewCmdVerify(f, nil))
	return cmd
}
