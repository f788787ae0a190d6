// Package simulate is `mkt sandbox simulate`: buyers, played by the sandbox.
package simulate

import (
	"fmt"
	"net/url"
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
			p := url.Values{"Code": {args[0]}}
			set := func(k, v string) {
				if v != "" {
					p.Set(k, v)
				}
			}
			if months > 0 {
				if period != "" {
					return cmdutil.FlagError("simulate.period.both")
				}
				period = strconv.Itoa(months) + "m"
			}
			set("SkuCode", sku)
			set("Period", period)
			set("PayMethod", pay)
			set("AliUid", uid)
			if trial {
				p.Set("Trial", "true")
			}
			if retries > 0 {
				p.Set("SpiRetries", strconv.Itoa(retries))
			}
			return run(cmd, f, "SandboxPurchase", p)
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
	renew := instanceVerb(f, "renew", "The buyer renews an instance (renewInstance)", "SandboxRenew", func(p url.Values) {
		if renewPeriod != "" {
			p.Set("Period", renewPeriod)
		}
	})
	renew.Flags().StringVar(&renewPeriod, "period", "", "a validity period of the product (default: its first)")
	upgrade := instanceVerb(f, "upgrade", "The buyer upgrades an instance to another SKU (upgradeInstance)", "SandboxUpgrade", func(p url.Values) {
		p.Set("SkuCode", upSku)
	})
	upgrade.Flags().StringVar(&upSku, "sku", "", "the SKU to upgrade to (required)")
	release := instanceVerb(f, "release", "The instance is released (releaseInstance)", "SandboxRelease", func(p url.Values) {
		p.Set("IsRefund", strconv.FormatBool(refund))
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
			p := url.Values{}
			if count > 0 {
				if len(orders) > 0 {
					return cmdutil.FlagError("simulate.invoice.both")
				}
				p.Set("Count", strconv.Itoa(count))
				if spread != "" {
					p.Set("Spread", spread)
				}
			} else if len(orders) == 0 {
				return cmdutil.FlagError("simulate.invoice.order").WithRemedy("remedy.help", cmd.CommandPath())
			}
			for i, o := range orders {
				p.Set("OrderIds."+strconv.Itoa(i+1), o)
			}
			for k, v := range map[string]string{"Type": itype, "Title": title, "TaxNumber": tax} {
				if v != "" {
					p.Set(k, v)
				}
			}
			client, err := f.SandboxClient()
			if err != nil {
				return err
			}
			var out struct {
				Invoice        *struct{ Id, Price, CreateTimeStr string }
				Seeded         int
				FirstInvoiceId int64
			}
			if err := client.Call(cmd.Context(), market.Request{Action: "SandboxRequestInvoice", Form: p}, &out); err != nil {
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

func instanceVerb(f *cmdutil.Factory, name, short, action string, fill func(url.Values)) *cobra.Command {
	return &cobra.Command{
		Use:     name + " <instance-id>",
		Short:   short,
		Example: fmt.Sprintf("  mkt sandbox simulate %s 10000001", name),
		Args:    cmdutil.ExactArgs(1, "<instance-id>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, err := strconv.ParseInt(args[0], 10, 64); err != nil {
				return cmdutil.FlagError("instance.id.invalid", args[0])
			}
			p := url.Values{"InstanceId": {args[0]}}
			if fill != nil {
				fill(p)
			}
			return run(cmd, f, action, p)
		},
	}
}

func run(cmd *cobra.Command, f *cmdutil.Factory, action string, p url.Values) error {
	client, err := f.SandboxClient()
	if err != nil {
		return err
	}
	res, err := client.Simulate(cmd.Context(), action, p)
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
	st := ios.Styles()
	t := ios.NewTable()
	row := func(k, v string) {
		if v != "" && v != "0" {
			t.AddStyledField(k, st.Bold)
			t.AddField(v)
			t.EndRow()
		}
	}
	row("Instance", strconv.FormatInt(res.InstanceId, 10))
	row("Order", strconv.FormatInt(res.OrderId, 10))
	row("Status", res.Status)
	row("Ends", res.EndOn)
	row("License code", res.LicenseCode)
	if res.Spi != nil {
		row("ISV instance", res.Spi.IsvInstanceId)
	}
	return t.Render()
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
				_, err := fmt.Fprintf(f.IOStreams.Out, "%d\t%s\n", s.OrderId, s.Status)
				return err
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
			var out struct{ Account, Reason string }
			if err := client.Call(cmd.Context(), market.Request{Action: "SandboxFailSettlementAccount",
				Form: url.Values{"Account": {args[0]}, "Reason": {reason}}}, &out); err != nil {
				return err
			}
			f.Success("simulate.acctfail", out.Account, out.Reason)
			return nil
		},
	}
	cmd.Flags().StringVar(&reason, "reason", "", "the reason verification gives")
	return cmd
}
