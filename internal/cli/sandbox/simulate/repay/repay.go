// Package repay is `mkt sandbox simulate repay`.
package repay

import (
	"strconv"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/i18n"
)

// NewCmdRepay builds `mkt sandbox simulate repay`.
func NewCmdRepay(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "repay <order-id>",
		Short: "The buyer repays an order paid on credit: its settlement is released",
		Long: `Orders paid with credit (信控支付, 'purchase --pay credit') settle only after the buyer
repays (FAQ 四 Q7); until then 'mkt settlement list' shows them HELD_CREDIT. This plays the
repayment.`,
		Example: "  mkt sandbox simulate repay 4072040001",
		Args:    cmdutil.ExactArgs(1, "<order-id>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := strconv.ParseInt(args[0], 10, 64)
			if err != nil || id <= 0 {
				return cmdutil.FlagError("simulate.order", args[0])
			}
			client, err := f.SandboxClient()
			if err != nil {
				return err
			}
			s, err := client.RepayCredit(cmd.Context(), id)
			if err != nil {
				return err
			}
			f.Success("simulate.repaid", s.OrderId, i18n.E(i18n.EnumSettlement, s.Status))
			return f.Print(s, func() error {
				t := f.IOStreams.NewTable(f.T("col.order"), f.T("col.status"))
				t.AddField(strconv.FormatInt(s.OrderId, 10))
				t.AddField(f.Enum(i18n.EnumSettlement, s.Status))
				return t.Render()
			})
		},
	}
}
