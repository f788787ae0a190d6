// Package set is `mkt shop contacts set`.
package set

import (
	"context"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/shop/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/rules"
)

// Options are the inputs of `mkt shop contacts set`; nil fields are not changed.
type Options struct {
	Factory                      *cmdutil.Factory
	Wangwang, Hotline, TicketURL *string
}

// NewCmdSet builds `mkt shop contacts set`; runF replaces the run in tests.
func NewCmdSet(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	var wangwang, hotline, ticket string
	cmd := &cobra.Command{
		Use:   "set [--wangwang …] [--hotline …] [--ticket-url …]",
		Short: "Set the 旺旺 account, the service hotline and the ticket system",
		Long: `Set how buyers reach you after a purchase (FAQ 四 Q5). The hotline is a 400/800 number
(400-123-4567), a landline with its area code (0571-85022088, optionally -extension) or a
mainland mobile; the ticket system is an http(s) URL. Each is checked before sending.`,
		Example: `  mkt shop contacts set --wangwang 示例科技 --hotline 400-123-4567 --ticket-url https://isv.example.com/ticket`,
		Args:    cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			fl := cmd.Flags()
			for name, p := range map[string]struct {
				v   *string
				dst **string
			}{"wangwang": {&wangwang, &opts.Wangwang}, "hotline": {&hotline, &opts.Hotline}, "ticket-url": {&ticket, &opts.TicketURL}} {
				if fl.Changed(name) {
					*p.dst = p.v
				}
			}
			if opts.Wangwang == nil && opts.Hotline == nil && opts.TicketURL == nil {
				return cmdutil.FlagError("shop.contacts.nothing").WithRemedy("remedy.help", cmd.CommandPath())
			}
			if runF != nil {
				return runF(opts)
			}
			return setRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&wangwang, "wangwang", "", "the 旺旺 (AliWangWang) account buyers chat with")
	cmd.Flags().StringVar(&hotline, "hotline", "", "service phone: 400/800, landline with area code, or mobile")
	cmd.Flags().StringVar(&ticket, "ticket-url", "", "the ticket system's URL")
	return cmd
}

func setRun(ctx context.Context, opts *Options) error {
	var ch marketapi.ContactsChange
	var probs []error
	if opts.Wangwang != nil {
		w := strings.TrimSpace(*opts.Wangwang)
		ch.Wangwang = &w
	}
	if opts.Hotline != nil {
		h, _, v := rules.CheckPhone(*opts.Hotline)
		if v != nil {
			probs = append(probs, cmdutil.RuleViolation(v))
		}
		ch.Hotline = &h
	}
	if opts.TicketURL != nil {
		if v := rules.CheckURL("ticket URL", *opts.TicketURL); v != nil {
			probs = append(probs, cmdutil.RuleViolation(v))
		}
		ch.TicketUrl = opts.TicketURL
	}
	if err := cmdutil.Join(probs, "flags.problems"); err != nil {
		return err
	}
	client, err := opts.Factory.Client()
	if err != nil {
		return err
	}
	s, err := client.ModifyShopContacts(ctx, ch, "")
	if err != nil {
		return err
	}
	opts.Factory.Success("shop.saved")
	return shared.PrintShop(opts.Factory, s)
}
