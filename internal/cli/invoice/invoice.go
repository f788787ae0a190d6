// Package invoice is `mkt invoice`: invoice requests and the 7-day window (FAQ 四).
package invoice

import (
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/invoice/due"
	"github.com/mkt-cli/mkt/internal/cli/invoice/issue"
	"github.com/mkt-cli/mkt/internal/cli/invoice/list"
	"github.com/mkt-cli/mkt/internal/cli/invoice/refuse"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// NewCmdInvoice builds `mkt invoice`.
func NewCmdInvoice(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "invoice <command>",
		Short: "Invoice requests: list, what is due within the 7-day window, issue, refuse",
		Long: `Buyers of the products you sell yourself ask you for invoices, for the full amount.
You must issue each within 7 days of the request (FAQ 四 Q2); buyers may ask at any time
after buying (FAQ 四 Q4). 'mkt invoice due' is the list to work through, most urgent first.

These are the public DescribeInvoiceForIsv and ModifyInvoiceForIsv: they work against the
marketplace as well as the sandbox. The marketplace's times are China Standard Time; mkt
shows them in your time zone (--tz). See docs/invoices.md.`,
		Args: cobra.ArbitraryArgs,
		RunE: cmdutil.GroupRunE,
	}
	cmd.AddCommand(list.NewCmdList(f, nil), due.NewCmdDue(f, nil), issue.NewCmdIssue(f, nil), refuse.NewCmdRefuse(f, nil))
	return cmd
}
