// Package simulate is `mkt sandbox simulate`: buyers, played by the sandbox.
package simulate

import (
	"github.com/mkt-cli/mkt/internal/cli/sandbox/simulate/deploy"
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/sandbox/simulate/apicalls"
	"github.com/mkt-cli/mkt/internal/cli/sandbox/simulate/authorize"
	"github.com/mkt-cli/mkt/internal/cli/sandbox/simulate/delivery"
	"github.com/mkt-cli/mkt/internal/cli/sandbox/simulate/expire"
	"github.com/mkt-cli/mkt/internal/cli/sandbox/simulate/invoicerequest"
	"github.com/mkt-cli/mkt/internal/cli/sandbox/simulate/purchase"
	"github.com/mkt-cli/mkt/internal/cli/sandbox/simulate/refund"
	"github.com/mkt-cli/mkt/internal/cli/sandbox/simulate/release"
	"github.com/mkt-cli/mkt/internal/cli/sandbox/simulate/renew"
	"github.com/mkt-cli/mkt/internal/cli/sandbox/simulate/repay"
	"github.com/mkt-cli/mkt/internal/cli/sandbox/simulate/settlementfailure"
	"github.com/mkt-cli/mkt/internal/cli/sandbox/simulate/upgrade"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// NewCmdSimulate builds `mkt sandbox simulate`.
func NewCmdSimulate(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "simulate <command>",
		Short: "Play a buyer: purchase, renew, upgrade, expire, release, refund, delivery",
		Long: `Play a buyer in the sandbox. A purchase creates an order and an instance; for an
SPI-mode SaaS product the sandbox then calls the product's production URL with a signed
createInstance — as the marketplace would — retrying while the answer is instanceId=0, and
stores the returned appInfo/hostInfo. Renew, upgrade, expire, release and refund call the
matching SPI action; each paid order is announced by the orderPay message, and a message the
URL does not take becomes a failed notification (mkt notification list).
License-mode products get a license code. A service product bought with a delivery template
starts a delivery project, in which 'simulate delivery' plays the buyer.`,
		Args: cobra.ArbitraryArgs,
		RunE: cmdutil.GroupRunE,
	}
	cmd.AddCommand(deploy.NewCmdDeploy(f), invoicerequest.NewCmdInvoiceRequest(f), repay.NewCmdRepay(f), settlementfailure.NewCmdSettlementFailure(f),
		purchase.NewCmdPurchase(f), renew.NewCmdRenew(f), upgrade.NewCmdUpgrade(f), expire.NewCmdExpire(f),
		release.NewCmdRelease(f), refund.NewCmdRefund(f), delivery.NewCmdDelivery(f),
		apicalls.NewCmdAPICalls(f), authorize.NewCmdAuthorize(f))
	return cmd
}
