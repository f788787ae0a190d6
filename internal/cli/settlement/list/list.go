// Package list is `mkt settlement list`.
package list

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// Options are the inputs of `mkt settlement list`.
type Options struct {
	Factory *cmdutil.Factory
	Status  string // "", SETTLED or HELD_CREDIT
}

// NewCmdList builds `mkt settlement list`; runF replaces the run in tests.
func NewCmdList(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "list [--status settled|held_credit]",
		Short: "Settlements per order; orders paid on credit are HELD_CREDIT until the buyer repays",
		Long: `List what the marketplace settles to you, one line per paid order. Orders the buyer paid
with credit (信控支付) settle only after the buyer repays (FAQ 四 Q7): until then they are
HELD_CREDIT.`,
		Example: "  mkt settlement list\n  mkt settlement list --status held_credit -o json",
		Args:    cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st := strings.ToUpper(opts.Status)
			if st != "" && st != marketapi.SettlementSettled && st != marketapi.SettlementHeldCredit {
				return cmdutil.FlagError("settlement.status", opts.Status)
			}
			opts.Status = st
			if runF != nil {
				return runF(opts)
			}
			return listRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Status, "status", "", "only settled or held_credit")
	_ = cmd.RegisterFlagCompletionFunc("status", cobra.FixedCompletions([]string{"settled", "held_credit"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func listRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	client, err := f.Client()
	if err != nil {
		return err
	}
	all := []marketapi.Settlement{}
	if err := client.ListSettlements(ctx, opts.Status, func(page []marketapi.Settlement) bool {
		all = append(all, page...)
		return true
	}); err != nil {
		return err
	}
	return f.Print(all, func() error {
		t := f.IOStreams.NewTable(f.T("col.order"), f.T("col.product"), f.T("col.amount"), f.T("col.paymethod"), f.T("col.status"), f.T("col.settled"))
		for _, s := range all {
			t.AddField(strconv.FormatInt(s.OrderId, 10))
			t.AddField(s.ProductCode)
			t.AddField(s.Amount)
			t.AddField(f.Enum(i18n.EnumPayMethod, s.PayMethod))
			t.AddField(f.Enum(i18n.EnumSettlement, s.Status))
			settled, _ := time.Parse(time.RFC3339, s.SettleTime)
			t.AddTimeField(settled)
			t.EndRow()
		}
		return t.Render()
	})
}
