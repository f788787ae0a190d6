// Package deploy is `mkt sandbox simulate deploy`.
package deploy

import (
	"strconv"

	"github.com/spf13/cobra"

	nestshared "github.com/mkt-cli/mkt/internal/cli/nest/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// NewCmdDeploy builds `mkt sandbox simulate deploy`.
func NewCmdDeploy(f *cmdutil.Factory) *cobra.Command {
	var uid int64
	var payg bool
	cmd := &cobra.Command{
		Use:   "deploy <service-id>",
		Short: "A buyer deploys a Compute Nest service (a service instance)",
		Long: `A buyer deploys the online version of a service: a service instance, by subscription or
pay-as-you-go (--pay-as-you-go, then metered). A restricted service first gets the buyer's
usage request; approve it (mkt nest usage approve) and deploy again. Buying the Marketplace
product a service is bound to (mkt sandbox simulate purchase) deploys it too.`,
		Example: `  mkt sandbox simulate deploy service-0e6fca6a51a54420
  mkt sandbox simulate deploy service-0e6fca6a51a54420 --pay-as-you-go --uid 1001`,
		Args: cmdutil.ExactArgs(1, "<service-id>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := nestshared.CheckServiceID(args[0]); err != nil {
				return err
			}
			client, err := f.SandboxClient()
			if err != nil {
				return err
			}
			pay := "Subscription"
			if payg {
				pay = "PayAsYouGo"
			}
			out, err := client.NestPurchase(cmd.Context(), args[0], uid, pay)
			if err != nil {
				return err
			}
			if id, ok := out["ServiceInstanceId"].(string); ok {
				f.Success("simulate.deployed", id, args[0])
			} else {
				f.Success("simulate.usage", strconv.FormatInt(uid, 10), args[0])
			}
			return f.Print(out, nil)
		},
	}
	cmd.Flags().Int64Var(&uid, "uid", 0, "the buyer's account ID (default: the sandbox's buyer)")
	cmd.Flags().BoolVar(&payg, "pay-as-you-go", false, "pay-as-you-go instead of subscription")
	return cmd
}
