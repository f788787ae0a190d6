// Package metering is `mkt metering`.
package metering

import (
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/metering/api"
	"github.com/mkt-cli/mkt/internal/cli/metering/push"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// NewCmdMetering builds `mkt metering`.
func NewCmdMetering(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "metering <command>",
		Short: "Push usage records (PushMeteringData); see API products' usage",
		Args:  cobra.ArbitraryArgs,
		RunE:  cmdutil.GroupRunE,
	}
	cmd.AddCommand(push.NewCmdPush(f, nil), api.NewCmdAPI(f, nil))
	return cmd
}
