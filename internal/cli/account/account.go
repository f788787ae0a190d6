// Package account is the seller's account: `mkt shop`, `mkt settlement`, `mkt payment` and
// `mkt todo` (FAQ 二, 四 Q5, Q7).
package account

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/product/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/rules"
)

// --- shop --------------------------------------------------------------------------------

// NewCmdShop builds `mkt shop`.
func NewCmdShop(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "shop <command>",
		Short: "Your shop page (店铺装修) and the contacts buyers use after a purchase",
		Long: `The shop page buyers see (店铺装修, FAQ 二 Q1: name, logo, banner, introduction) and the
channels they use to reach you after a purchase (FAQ 四 Q5: 旺旺, a 400/800 hotline or a
landline, a ticket system).`,
		Args: cobra.ArbitraryArgs,
		RunE: cmdutil.GroupRunE,
	}
	cmd.AddCommand(newShopShow(f), newShopEdit(f), newShopContacts(f))
	return cmd
}

func printShop(f *cmdutil.Factory, s marketapi.Shop) error {
	return f.Print(s, func() error {
		rows := [][2]string{{"name", s.Name}, {"introduction", s.Introduction}, {"logo", s.LogoFileId}, {"banner", s.BannerFileId},
			{"decorated", fmt.Sprint(s.Decorated)}, {"wangwang", s.Contacts.Wangwang}, {"hotline", s.Contacts.Hotline}, {"ticket url", s.Contacts.TicketUrl}}
		for _, r := range rows {
			fmt.Fprintf(f.IOStreams.Out, "%s\t%s\n", r[0], r[1])
		}
		return nil
	})
}

func newShopShow(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:     "show",
		Short:   "Show the shop and its contacts",
		Example: "  mkt shop show\n  mkt shop show -o json",
		Args:    cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			client, err := f.Client()
			if err != nil {
				return err
			}
			s, err := client.Shop(cmd.Context())
			if err != nil {
				return err
			}
			return printShop(f, s)
		},
	}
}

// uploadImage checks an image's type and size, then uploads it.
func uploadImage(cmd *cobra.Command, client *market.Client, flag, path string) (string, error) {
	if !rules.IsImage(path) {
		return "", cmdutil.FlagError("shop.image.type", flag, path)
	}
	content, err := os.ReadFile(path)
	if err != nil {
		return "", cmdutil.FlagError("onboard.read", path, err.Error())
	}
	if len(content) == 0 || len(content) > marketapi.MaxUploadBytes {
		return "", cmdutil.FlagError("onboard.filesize", path, len(content))
	}
	up, err := client.UploadFile(cmd.Context(), filepath.Base(path), content, market.ContentToken("img", content))
	if err != nil {
		return "", err
	}
	return up.FileId, nil
}

func newShopEdit(f *cmdutil.Factory) *cobra.Command {
	var name, intro, logo, banner string
	cmd := &cobra.Command{
		Use:   "edit [--name …] [--intro …] [--logo logo.png] [--banner banner.png]",
		Short: "Decorate the shop: name, introduction, logo, banner",
		Long: `Set the shop's name (1–50 characters), introduction (up to 2000), logo and banner (png,
jpg, gif or webp, up to 10 MiB; checked before upload). The shop counts as decorated
once it has a name, a logo and an introduction (FAQ 二 Q1).`,
		Example: `  mkt shop edit --name 示例科技 --logo logo.png --intro "CRM 与发票工具"
  mkt shop edit --banner banner.jpg`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			form := url.Values{}
			fl := cmd.Flags()
			if fl.Changed("name") {
				if v := rules.CheckShopName(name); v != nil {
					return shared.RuleErr(v)
				}
				form.Set("Name", strings.TrimSpace(name))
			}
			if fl.Changed("intro") {
				if v := rules.CheckShopIntro(intro); v != nil {
					return shared.RuleErr(v)
				}
				form.Set("Introduction", intro)
			}
			if len(form) == 0 && logo == "" && banner == "" {
				return cmdutil.FlagError("shop.nothing").WithRemedy("remedy.help", cmd.CommandPath())
			}
			client, err := f.Client()
			if err != nil {
				return err
			}
			for _, img := range []struct{ flag, path, param string }{{"--logo", logo, "LogoFileId"}, {"--banner", banner, "BannerFileId"}} {
				if img.path == "" {
					continue
				}
				id, err := uploadImage(cmd, client, img.flag, img.path)
				if err != nil {
					return err
				}
				form.Set(img.param, id)
			}
			s, err := client.ModifyShop(cmd.Context(), form, market.ContentToken("shop", form.Encode()))
			if err != nil {
				return err
			}
			f.Success("shop.saved")
			return printShop(f, s)
		},
	}
	cmd.Flags().StringVar(&name, "name", "", "the shop's name")
	cmd.Flags().StringVar(&intro, "intro", "", "the introduction buyers read")
	cmd.Flags().StringVar(&logo, "logo", "", "logo image file")
	cmd.Flags().StringVar(&banner, "banner", "", "banner image file")
	return cmd
}

func newShopContacts(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "contacts <command>",
		Short: "The channels buyers use to reach you after a purchase (FAQ 四 Q5)",
		Args:  cobra.ArbitraryArgs,
		RunE:  cmdutil.GroupRunE,
	}
	var wangwang, hotline, ticket string
	set := &cobra.Command{
		Use:   "set [--wangwang …] [--hotline …] [--ticket-url …]",
		Short: "Set the 旺旺 account, the service hotline and the ticket system",
		Long: `Set how buyers reach you after a purchase (FAQ 四 Q5). The hotline is a 400/800 number
(400-123-4567), a landline with its area code (0571-85022088, optionally -extension) or a
mainland mobile; the ticket system is an http(s) URL. Each is checked before sending.`,
		Example: `  mkt shop contacts set --wangwang 示例科技 --hotline 400-123-4567 --ticket-url https://isv.example.com/ticket`,
		Args:    cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			form := url.Values{}
			fl := cmd.Flags()
			if fl.Changed("wangwang") {
				form.Set("Wangwang", strings.TrimSpace(wangwang))
			}
			if fl.Changed("hotline") {
				h, _, v := rules.CheckPhone(hotline)
				if v != nil {
					return shared.RuleErr(v)
				}
				form.Set("Hotline", h)
			}
			if fl.Changed("ticket-url") {
				if v := rules.CheckURL("ticket URL", ticket); v != nil {
					return shared.RuleErr(v)
				}
				form.Set("TicketUrl", ticket)
			}
			if len(form) == 0 {
				return cmdutil.FlagError("shop.contacts.nothing").WithRemedy("remedy.help", cmd.CommandPath())
			}
			client, err := f.Client()
			if err != nil {
				return err
			}
			s, err := client.ModifyShopContacts(cmd.Context(), form, market.ContentToken("contacts", form.Encode()))
			if err != nil {
				return err
			}
			f.Success("shop.saved")
			return printShop(f, s)
		},
	}
	set.Flags().StringVar(&wangwang, "wangwang", "", "the 旺旺 (AliWangWang) account buyers chat with")
	set.Flags().StringVar(&hotline, "hotline", "", "service phone: 400/800, landline with area code, or mobile")
	set.Flags().StringVar(&ticket, "ticket-url", "", "the ticket system's URL")
	cmd.AddCommand(set)
	return cmd
}

// --- settlement --------------------------------------------------------------------------

// NewCmdSettlement builds `mkt settlement`.
func NewCmdSettlement(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "settlement <command>",
		Short: "The settlement account (enterprise Alipay) and settlements per order",
		Args:  cobra.ArbitraryArgs,
		RunE:  cmdutil.GroupRunE,
	}
	acct := &cobra.Command{
		Use:   "account <command>",
		Short: "Bind and show the enterprise Alipay account the marketplace pays into (FAQ 二 Q2)",
		Args:  cobra.ArbitraryArgs,
		RunE:  cmdutil.GroupRunE,
	}
	acct.AddCommand(newAccountSet(f), newAccountShow(f))
	cmd.AddCommand(acct, newSettlementList(f))
	return cmd
}

func printAccount(f *cmdutil.Factory, a marketapi.SettlementAccount) error {
	return f.Print(a, func() error {
		rows := [][2]string{{"account", a.Account}, {"type", a.AccountType}, {"company", a.CompanyName}, {"status", a.Status}}
		if a.FailReason != "" {
			rows = append(rows, [2]string{"reason", a.FailReason})
		}
		for _, r := range rows {
			fmt.Fprintf(f.IOStreams.Out, "%s\t%s\n", r[0], r[1])
		}
		return nil
	})
}

func newAccountSet(f *cmdutil.Factory) *cobra.Command {
	var company string
	cmd := &cobra.Command{
		Use:   "set <alipay-account> --name <company>",
		Short: "Bind the enterprise Alipay account (a mobile number or an e-mail address)",
		Long: `Bind the enterprise Alipay account settlements are paid into. Its login is a mainland
mobile number or an e-mail address (FAQ 二 Q2: "请检查填写的手机号或邮箱，空格需删除"): spaces —
ASCII, tabs and full-width (U+3000) — are removed and you are told what was removed; anything
else invalid is refused, saying which of the two forms was expected. The marketplace then
verifies the account: 'mkt settlement account show'.`,
		Example: `  mkt settlement account set finance@example.com --name 杭州示例科技有限公司
  mkt settlement account set "138 0013 8000" --name 杭州示例科技有限公司`,
		Args: cmdutil.ExactArgs(1, "<alipay-account>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if strings.TrimSpace(company) == "" {
				return cmdutil.FlagError("settlement.name")
			}
			acct, _, removed, v := rules.NormalizeAlipayAccount(args[0])
			if v != nil {
				return shared.RuleErr(v)
			}
			if removed.Any() {
				fmt.Fprintln(f.IOStreams.ErrOut, removed.Message().In(f.Lang())+": "+acct)
			}
			client, err := f.Client()
			if err != nil {
				return err
			}
			cur, err := client.SettlementAccount(cmd.Context())
			if err != nil {
				return err
			}
			a, err := client.ModifySettlementAccount(cmd.Context(), acct, strings.TrimSpace(company),
				market.ContentToken("acct", acct, company, cur.Account, cur.Status, cur.ModifyTime))
			if err != nil {
				return err
			}
			f.Success("settlement.saved", a.Account, a.Status)
			return printAccount(f, a)
		},
	}
	cmd.Flags().StringVar(&company, "name", "", "the company the account belongs to (as registered)")
	return cmd
}

func newAccountShow(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:     "show",
		Short:   "Show the settlement account and its verification: VERIFYING, BOUND, FAILED (with the reason)",
		Example: "  mkt settlement account show\n  mkt settlement account show -o json",
		Args:    cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			client, err := f.Client()
			if err != nil {
				return err
			}
			a, err := client.SettlementAccount(cmd.Context())
			if err != nil {
				return err
			}
			return printAccount(f, a)
		},
	}
}

func newSettlementList(f *cmdutil.Factory) *cobra.Command {
	var status string
	cmd := &cobra.Command{
		Use:   "list [--status settled|held_credit]",
		Short: "Settlements per order; orders paid on credit are HELD_CREDIT until the buyer repays",
		Long: `List what the marketplace settles to you, one line per paid order. Orders the buyer paid
with credit (信控支付) settle only after the buyer repays (FAQ 四 Q7): until then they are
HELD_CREDIT.`,
		Example: "  mkt settlement list\n  mkt settlement list --status held_credit -o json",
		Args:    cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st := strings.ToUpper(status)
			if st != "" && st != marketapi.SettlementSettled && st != marketapi.SettlementHeldCredit {
				return cmdutil.FlagError("settlement.status", status)
			}
			client, err := f.Client()
			if err != nil {
				return err
			}
			all := []marketapi.Settlement{}
			for page := 1; ; page++ {
				res, err := client.Settlements(cmd.Context(), st, page, 100)
				if err != nil {
					return err
				}
				all = append(all, res.Settlements...)
				if len(res.Settlements) == 0 || len(all) >= res.TotalCount {
					break
				}
			}
			return f.Print(all, func() error {
				for _, s := range all {
					fmt.Fprintf(f.IOStreams.Out, "%d\t%s\t%s\t%s\t%s\t%s\n", s.OrderId, s.ProductCode, s.Amount, s.PayMethod, s.Status, f.FormatTime(s.SettleTime))
				}
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&status, "status", "", "only settled or held_credit")
	return cmd
}

// --- payment credit ----------------------------------------------------------------------

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
	var product string
	show := &cobra.Command{
		Use:     "show",
		Short:   "Show which listed products take credit payment",
		Example: "  mkt payment credit show",
		Args:    cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			client, err := f.Client()
			if err != nil {
				return err
			}
			cp, err := client.CreditPayment(cmd.Context())
			if err != nil {
				return err
			}
			return printCredit(f, cp)
		},
	}
	toggle := func(use string, enabled bool) *cobra.Command {
		c := &cobra.Command{
			Use:     use + " [--product <code>]",
			Short:   map[bool]string{true: "Take credit payment (all listed products, or one)", false: "Stop taking credit payment (all listed products, or one)"}[enabled],
			Example: "  mkt payment credit " + use + "\n  mkt payment credit " + use + " --product cmgj10000001",
			Args:    cmdutil.NoArgs,
			RunE: func(cmd *cobra.Command, args []string) error {
				if product != "" {
					if err := shared.CheckCode(product); err != nil {
						return err
					}
				}
				client, err := f.Client()
				if err != nil {
					return err
				}
				cp, err := client.ModifyCreditPayment(cmd.Context(), product, enabled, "")
				if err != nil {
					return err
				}
				return printCredit(f, cp)
			},
		}
		c.Flags().StringVar(&product, "product", "", "only this listed product")
		return c
	}
	credit.AddCommand(show, toggle("enable", true), toggle("disable", false))
	cmd.AddCommand(credit)
	return cmd
}

func printCredit(f *cmdutil.Factory, cp marketapi.CreditPayment) error {
	return f.Print(cp, func() error {
		for _, p := range cp.Products {
			state := "enabled"
			if !p.Enabled {
				state = "disabled"
			}
			fmt.Fprintf(f.IOStreams.Out, "%s\t%s\t%s\n", p.Code, p.Name, state)
		}
		return nil
	})
}
