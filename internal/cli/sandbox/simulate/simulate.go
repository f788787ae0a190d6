// Package simulate is `mkt sandbox simulate`: buyers, played by the sandbox.
package simulate

import (
	"context"
	"fmt"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// NewCmdSimulate builds `mkt sandbox simulate`.
func NewCmdSimulate(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "simulate <command>",
		Short: "Play a buyer: purchase, renew, upgrade, expire, release, refund",
		Long: `Play a buyer in the sandbox. A purchase creates an order and an instance; for an
SPI-mode SaaS product the sandbox then calls the product's production URL with a signed
createInstance — as the marketplace would — retrying while the answer is instanceId=0, and
stores the returned appInfo/hostInfo. Renew, upgrade, expire, release and refund call the
matching SPI action. Calls that fail become failed notifications (mkt notification list).
License-mode products get a license code.`,
		Args: cobra.ArbitraryArgs,
		RunE: cmdutil.GroupRunE,
	}
	var sku, period, pay, uid string
	var trial bool
	var retries, months int
	purchase := &cobra.Command{
		Use:   "purchase <product-code>",
		Short: "A buyer buys a product",
		Example: `  mkt sandbox simulate purchase cmgj10000001
  mkt sandbox simulate purchase cmgj10000001 --sku pro --period 1y --pay credit
  mkt sandbox simulate purchase cmgj10000001 --months 3 --trial`,
		Args: cmdutil.ExactArgs(1, "<product-code>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := cmdutil.CheckProductCode(args[0]); err != nil {
				return err
			}
			if months > 0 {
				if period != "" {
					return cmdutil.FlagError("simulate.period.both")
				}
				period = strconv.Itoa(months) + "m"
			}
			return run(cmd, f, "SandboxPurchase", market.BuyerEvent{Code: args[0], SkuCode: sku, Period: period,
				PayMethod: pay, AliUid: uid, Trial: trial, SpiRetries: retries})
		},
	}
	purchase.Flags().StringVar(&sku, "sku", "", "SKU code or name (default: the first)")
	purchase.Flags().StringVar(&period, "period", "", "a validity period of the product, e.g. 1m, 1y (default: its first)")
	purchase.Flags().IntVar(&months, "months", 0, "buy N months (the same as --period Nm)")
	purchase.Flags().BoolVar(&trial, "trial", false, "a free trial order")
	purchase.Flags().StringVar(&pay, "pay", "", "balance (default) or credit (信控支付)")
	purchase.Flags().StringVar(&uid, "buyer", "", "the buyer's account ID (default: made up)")
	purchase.Flags().IntVar(&retries, "spi-retries", 0, "createInstance calls while it answers instanceId=0 (default 5)")

	var renewPeriod, upSku string
	var refund bool
	renew := instanceVerb(f, "renew", "The buyer renews an instance (renewInstance)", "SandboxRenew", func(e *market.BuyerEvent) {
		e.Period = renewPeriod
	})
	renew.Flags().StringVar(&renewPeriod, "period", "", "a validity period of the product (default: its first)")
	upgrade := instanceVerb(f, "upgrade", "The buyer upgrades an instance to another SKU (upgradeInstance)", "SandboxUpgrade", func(e *market.BuyerEvent) {
		e.SkuCode = upSku
	})
	upgrade.Flags().StringVar(&upSku, "sku", "", "the SKU to upgrade to (required)")
	release := instanceVerb(f, "release", "The instance is released (releaseInstance)", "SandboxRelease", func(e *market.BuyerEvent) {
		e.IsRefund = &refund
	})
	release.Flags().BoolVar(&refund, "refund", false, "the buyer is refunded")
	var orders []string
	var itype, title, tax, spread string
	var count int
	request := &cobra.Command{
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
	request.Flags().StringArrayVar(&orders, "order", nil, "an order of the buyer (repeatable)")
	request.Flags().StringVar(&itype, "type", "", "2 (digital ordinary, default) or 3 (digital special VAT: needs --tax-number)")
	request.Flags().StringVar(&title, "title", "", "the invoice title (company or person)")
	request.Flags().StringVar(&tax, "tax-number", "", "the buyer's tax number")
	request.Flags().IntVar(&count, "count", 0, "seed this many requests instead")
	request.Flags().StringVar(&spread, "spread", "", "with --count: spread the requests over this long before now (default 10d)")
	cmd.AddCommand(request, newRepay(f), newSettlementFailure(f))
	cmd.AddCommand(purchase, renew, upgrade,
		instanceVerb(f, "expire", "The instance expires (expiredInstance)", "SandboxExpire", nil),
		release,
		instanceVerb(f, "refund", "The buyer refunds the latest renewal (refundRenewInstance)", "SandboxRefund", nil),
	)
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

func instanceVerb(f *cmdutil.Factory, name, short, action string, fill func(*market.BuyerEvent)) *cobra.Command {
	return &cobra.Command{
		Use:     name + " <instance-id>",
		Short:   short,
		Example: fmt.Sprintf("  mkt sandbox simulate %s 10000001", name),
		Args:    cmdutil.ExactArgs(1, "<instance-id>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, err := strconv.ParseInt(args[0], 10, 64); err != nil {
				return cmdutil.FlagError("instance.id.invalid", args[0])
			}
			e := market.BuyerEvent{InstanceId: args[0]}
			if fill != nil {
				fill(&e)
			}
			return run(cmd, f, action, e)
		},
	}
}

func run(cmd *cobra.Command, f *cmdutil.Factory, action string, e market.BuyerEvent) error {
	client, err := f.SandboxClient()
	if err != nil {
		return err
	}
	res, err := client.Simulate(cmd.Context(), action, e)
	if err != nil {
		return err
	}
	ios := f.IOStreams
	if res.Spi != nil {
		if res.Spi.Error != "" {
			fmt.Fprintf(ios.ErrOut, "%s %s\n", ios.StylesErr().Warning.Render("!"), f.T("simulate.spi.failed", res.Spi.Action, res.Spi.Calls, res.Spi.Error))
		} else {
			f.Success("simulate.spi.ok", res.Spi.Action, res.Spi.Calls)
		}
	}
	f.Success("simulate.done", res.InstanceId, res.Status, res.OrderId)
	return f.Print(res, func() error { return printPurchase(f, res) })
}

func printPurchase(f *cmdutil.Factory, res marketapi.Purchase) error {
	ios := f.IOStreams
	if !ios.IsStdoutTTY() {
		// In a pipe, the instance ID alone, for scripts.
		_, err := fmt.Fprintln(ios.Out, res.InstanceId)
		return err
	}
	kv := ios.NewKeyValue()
	row := func(key, v string) {
		if v != "" && v != "0" {
			kv.Add(f.T(key), v)
		}
	}
	row("field.instance.id", strconv.FormatInt(res.InstanceId, 10))
	row("field.instance.order", strconv.FormatInt(res.OrderId, 10))
	row("field.instance.status", res.Status)
	row("field.instance.ends", res.EndOn)
	row("field.instance.license", res.LicenseCode)
	if res.Spi != nil {
		row("field.instance.isv", res.Spi.IsvInstanceId)
	}
	return kv.Render()
}

func newRepay(f *cmdutil.Factory) *cobra.Command {
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
			f.Success("simulate.repaid", s.OrderId, s.Status)
			return f.Print(s, func() error {
				t := f.IOStreams.NewTable(f.T("col.order"), f.T("col.status"))
				t.AddField(strconv.FormatInt(s.OrderId, 10))
				t.AddField(s.Status)
				return t.Render()
			})
		},
	}
}

func newSettlementFailure(f *cmdutil.Factory) *cobra.Command {
	var reason string
	cmd := &cobra.Command{
		Use:   "settlement-failure <alipay-account> [--reason …]",
		Short: "Make verification of a settlement account fail, to rehearse the failure path",
		Long: `Tell the sandbox that an Alipay account is wrong: binding it with 'mkt settlement account
set' then fails verification with the reason (FAQ 二 Q2), and 'mkt todo' lists it.`,
		Example: `  mkt sandbox simulate settlement-failure finance@example.com --reason "账号与企业名称不一致"`,
		Args:    cmdutil.ExactArgs(1, "<alipay-account>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			client, err := f.SandboxClient()
			if err != nil {
				return err
			}
			if err := client.FailSettlementAccount(cmd.Context(), args[0], reason); err != nil {
				return err
			}
			f.Success("simulate.acctfail", args[0], reason)
			return nil
		},
	}
	cmd.Flags().StringVar(&reason, "reason", "", "the reason verification gives")
	return cmd
}
