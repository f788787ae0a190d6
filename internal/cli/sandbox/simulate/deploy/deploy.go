// Package deploy is `mkt sandbox simulate deploy`.
package deploy

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	nestshared "github.com/mkt-cli/mkt/internal/cli/nest/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/marketapi"
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
			return deployRun(cmd.Context(), f, args[0], uid, payg)
		},
	}
	cmd.Flags().Int64Var(&uid, "uid", 0, "the buyer's account ID (default: the sandbox's buyer)")
	cmd.Flags().BoolVar(&payg, "pay-as-you-go", false, "pay-as-you-go instead of subscription")
	return cmd
}

func deployRun(ctx context.Context, f *cmdutil.Factory, id string, uid int64, payg bool) error {
	client, err := f.SandboxClient()
	if err != nil {
		return err
	}
	pay := "Subscription"
	if payg {
		pay = "PayAsYouGo"
	}
	out, err := client.NestPurchase(ctx, id, uid, pay)
	if err != nil {
		return err
	}
	if si, ok := out["ServiceInstanceId"].(string); ok {
		f.Success("simulate.deployed", si, id)
		in, err := client.ServiceInstance(ctx, si)
		if err != nil {
			return err
		}
		return nestshared.PrintInstances(f, []marketapi.NestInstance{in})
	}
	f.Success("simulate.usage", fmt.Sprint(out["UserAliUid"]), id)
	usages, err := client.ServiceUsages(ctx, map[string][]string{"ServiceId": {id}})
	if err != nil {
		return err
	}
	return nestshared.PrintUsages(f, usages)
}
