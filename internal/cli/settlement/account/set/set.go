// Package set is `mkt settlement account set`.
package set

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/settlement/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/rules"
)

// Options are the inputs of `mkt settlement account set`.
type Options struct {
	Factory *cmdutil.Factory
	Account string
	Company string
}

// NewCmdSet builds `mkt settlement account set`; runF replaces the run in tests.
func NewCmdSet(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "set <alipay-account> --name <company>",
		Short: "Bind the enterprise Alipay account (a mobile number or an e-mail address)",
		Long: `Bind the enterprise Alipay account settlements are paid into. Its login is a mainland
mobile number or an e-mail address (FAQ 二 Q2: "请检查填写的手机号或邮箱，空格需删除"): spaces —
ASCII, tabs and full-width (U+3000) — are removed and you are told what was removed; anything
else invalid is refused, saying which of the two forms was expected. The marketplace then
verifies the account: 'mkt settlement account show'. Replacing a bound account is asked first
(the next settlements go to the new one, which must be verified again); --yes answers in
scripts.`,
		Example: `  mkt settlement account set finance@example.com --name 杭州示例科技有限公司
  mkt settlement account set "138 0013 8000" --name 杭州示例科技有限公司`,
		Args: cmdutil.ExactArgs(1, "<alipay-account>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Account = args[0]
			opts.Company = strings.TrimSpace(opts.Company)
			if opts.Company == "" {
				return cmdutil.FlagError("settlement.name")
			}
			if runF != nil {
				return runF(opts)
			}
			return setRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Company, "name", "", "the company the account belongs to (as registered)")
	return cmd
}

func setRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	acct, _, removed, v := rules.NormalizeAlipayAccount(opts.Account)
	if v != nil {
		return cmdutil.RuleViolation(v)
	}
	if removed.Any() {
		fmt.Fprintln(f.IOStreams.ErrOut, removed.Message().In(f.Lang())+": "+acct)
	}
	client, err := f.Client()
	if err != nil {
		return err
	}
	cur, err := client.SettlementAccount(ctx)
	if err != nil {
		return err
	}
	// Replacing a bound payout account sends the next settlements to the new one, which has to
	// be verified again: ask first.
	if cur.Status == "BOUND" && cur.Account != acct {
		if err := f.Confirm(f.T("settlement.replace.ask", cur.Account, acct)); err != nil {
			return err
		}
	}
	// The token names the account being replaced: the same change made again is one change,
	// a later change back is another.
	a, err := client.ModifySettlementAccount(ctx, acct, opts.Company,
		market.ContentToken("acct", acct, opts.Company, cur.Account, cur.Status, cur.ModifyTime))
	if err != nil {
		return err
	}
	f.Success("settlement.saved", a.Account, i18n.E(i18n.EnumAccountState, a.Status))
	return shared.PrintAccount(f, a)
}
