// Package instance is `mkt instance`: instances as the ISV sees them.
package instance

import (
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/instance/autorenew"
	"github.com/mkt-cli/mkt/internal/cli/instance/get"
	"github.com/mkt-cli/mkt/internal/cli/instance/list"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// NewCmdInstance builds `mkt instance`.
func NewCmdInstance(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "instance <command>",
		Short: "Instances buyers bought: list, show, auto-renewal",
		Args:  cobra.ArbitraryArgs,
		RunE:  cmdutil.GroupRunE,
	}
	cmd.AddCommand(get.NewCmdGet(f, nil), list.NewCmdList(f, nil), autorenew.NewCmdAutoRenew(f, nil))
	return cmd
}
