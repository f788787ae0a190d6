// Package invoicerequest is `mkt sandbox simulate invoice-request`.
package invoicerequest

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/market"
)

// NewCmdInvoiceRequest builds `mkt sandbox simulate invoice-request`.
func NewCmdInvoiceRequest(f *cmdutil.Factory) *cobra.Command {
	var orders []string
	var itype, title, tax, spread string
	var count int
	cmd := &cobra.Command{
		Use:   "invoice-request --order <order-id>... [--type 2|3] [--title …] [--tax-number …]",
		Short: "A buyer asks for an invoice (any time after buying: FAQ 四 Q4)",
		Long: `A buyer asks for an invoice for one or more of their orders, now (sandbox time). With
--count, seed that many requests spread over the last --spread instead (demos, benchmarks).`,
		Example: `  mkt sandbox simulate invoice-request --order 200000000000001 --title "Example Co., Ltd." --tax-number 91330100MA2B12345X --type 3
  mkt sandbox simulate invoice-request --count 100000 --spread 10d`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			req := market.InvoiceRequest{Orders: orders, Type: itype, Title: title, TaxNumber: tax, Count: count, Spread: spread}
			switch {
			case count > 0 && len(orders) > 0:
				return cmdutil.FlagError("simulate.invoice.both")
			case count == 0 && len(orders) == 0:
				return cmdutil.FlagError("simulate.invoice.order").WithRemedy("remedy.help", cmd.CommandPath())
			}
			return requestInvoiceRun(cmd.Context(), f, req)
		},
	}
	cmd.Flags().StringArrayVar(&orders, "order", nil, "an order of the buyer (repeatable)")
	cmd.Flags().StringVar(&itype, "type", "", "2 (digital ordinary, default) or 3 (digital special VAT: needs --tax-number)")
	cmdutil.EnumFlag(cmd, "type", "2", "3")
	cmd.Flags().StringVar(&title, "title", "", "the invoice title (company or person)")
	cmd.Flags().StringVar(&tax, "tax-number", "", "the buyer's tax number")
	cmd.Flags().IntVar(&count, "count", 0, "seed this many requests instead")
	cmd.Flags().StringVar(&spread, "spread", "", "with --count: spread the requests over this long before now (default 10d)")
	return cmd
}

func requestInvoiceRun(ctx context.Context, f *cmdutil.Factory, req market.InvoiceRequest) error {
	client, err := f.SandboxClient()
	if err != nil {
		return err
	}
	out, err := client.RequestInvoice(ctx, req)
	if err != nil {
		return err
	}
	if out.Invoice == nil {
		f.Success("simulate.invoice.seeded", out.Seeded)
		return f.Print(out, func() error { return nil })
	}
	f.Success("simulate.invoice.done", out.Invoice.Id, out.Invoice.Price)
	return f.Print(out.Invoice, func() error {
		_, err := fmt.Fprintln(f.IOStreams.Out, out.Invoice.Id)
		return err
	})
}
