// Package payment is `mkt payment`: payment settings, credit payment (信控支付) first.
package payment

import (
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/payment/credit/disable"
	"github.com/mkt-cli/mkt/internal/cli/payment/credit/enable"
	"github.com/mkt-cli/mkt/internal/cli/payment/credit/show"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// NewCmdPayment builds `mkt payment`.
func NewCmdPayment(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "payment <command>",
		Short: "Payment settings: credit payment (信控支付)",
		Args:  cobra.ArbitraryArgs,
		RunE:  cmdutil.GroupRunE,
	}
	credit := &cobra.Command{
		Use:   "credit <command>",
		Short: "Credit payment (信控支付): listed products take it by default (FAQ 四 Q7)",
		Long: `Buyers with a credit line can pay with it (信控支付). Listed products take credit payment by
default (FAQ 四 Q7); orders paid so settle only after the buyer repays (mkt settlement list).`,
		Args: cobra.ArbitraryArgs,
		RunE: cmdutil.GroupRunE,
	}
	credit.AddCommand(show.NewCmdShow(f, nil), enable.NewCmdEnable(f, nil), disable.NewCmdDisable(f, nil))
	cmd.AddCommand(credit)
	return cmd
}
