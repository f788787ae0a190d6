package account

import (
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/invoicecmd"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/invoice"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// Todo is one thing between the merchant and selling, with the command that resolves it.
type Todo struct {
	Kind    string `json:"kind"` // onboarding, shop, settlement, product, invoice
	Subject string `json:"subject,omitempty"`
	Message string `json:"message"`
	Fix     string `json:"fix"`
	Due     string `json:"due,omitempty"`
}

// NewCmdTodo builds `mkt todo`.
func NewCmdTodo(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "todo",
		Short: "What stands between you and selling, each with the command that resolves it",
		Long: `The to-do list of the seller console (待办事项, FAQ 二): the onboarding application not
submitted or rejected, the shop not decorated, the settlement account missing or failed,
rejected products, and invoice requests due within the 7-day window. Each line has the
command that resolves it. Nothing to do: exit 0 (and a friendly line on a terminal).`,
		Example: "  mkt todo\n  mkt todo -o json",
		Args:    cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			client, err := f.Client()
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			todos := []Todo{}
			add := func(kind, subject, due, msgKey string, msgArgs []any, fixKey string, fixArgs ...any) {
				todos = append(todos, Todo{Kind: kind, Subject: subject, Due: due,
					Message: f.T(msgKey, msgArgs...), Fix: f.T(fixKey, fixArgs...)})
			}

			// Against an endpoint without the seller-console extension, its parts are skipped
			// (and said so); the public parts — products, invoices — still count.
			unsupported := func(err error) bool {
				var ae *market.APIError
				if errors.As(err, &ae) && ae.Code == "InvalidAction.NotFound" {
					fmt.Fprintln(f.IOStreams.ErrOut, f.T("todo.unsupported", ae.Message))
					return true
				}
				return false
			}
			app, err := client.Onboarding(ctx)
			if unsupported(err) {
				app.Status = marketapi.OnboardingApproved
			} else if err != nil {
				return err
			}
			switch app.Status {
			case marketapi.OnboardingNone:
				add("onboarding", "", "", "todo.onboarding.none", nil, "todo.fix.onboarding")
			case marketapi.OnboardingRejected:
				add("onboarding", app.ApplicationId, "", "todo.onboarding.rejected", []any{app.AuditMessage}, "todo.fix.onboarding")
			}
			shop, err := client.Shop(ctx)
			if unsupported(err) {
				shop.Decorated = true
			} else if err != nil {
				return err
			}
			if !shop.Decorated {
				add("shop", "", "", "todo.shop", nil, "todo.fix.shop")
			}
			acct, err := client.SettlementAccount(ctx)
			if unsupported(err) {
				acct.Status = marketapi.AccountBound
			} else if err != nil {
				return err
			}
			switch acct.Status {
			case marketapi.AccountNone:
				add("settlement", "", "", "todo.settlement.none", nil, "todo.fix.settlement")
			case marketapi.AccountFailed:
				add("settlement", acct.Account, "", "todo.settlement.failed", []any{acct.Account, acct.FailReason}, "todo.fix.settlement")
			}
			err = client.ListProducts(ctx, market.ProductFilter{Status: []string{"REJECTED"}}, func(p marketapi.ProductPage) bool {
				for _, pr := range p.Products {
					add("product", pr.Code, "", "todo.product.rejected", []any{pr.Code, pr.Name, pr.AuditFailMsg}, "todo.fix.product", pr.Code, pr.Code)
				}
				return true
			})
			if err != nil {
				return err
			}
			now, err := invoicecmd.MarketNow(ctx, f)
			if err != nil {
				return err
			}
			err = client.ListInvoices(ctx, market.InvoiceFilter{Status: "0"}, func(page []marketapi.Invoice) bool {
				for _, inv := range page {
					req, err := invoice.ParseTime(inv.CreateTimeStr)
					if err != nil {
						continue
					}
					st := invoice.At(req, now)
					if st.Remaining > invoice.Window {
						continue
					}
					left := invoice.Left(st.Remaining)
					add("invoice", inv.Id, invoice.Deadline(req).Format(time.RFC3339), "todo.invoice", []any{inv.Id, inv.Price, left}, "todo.fix.invoice", inv.Id)
				}
				return true
			})
			if err != nil {
				return err
			}
			return f.Print(todos, func() error {
				if len(todos) == 0 {
					if f.IOStreams.IsStdoutTTY() {
						fmt.Fprintln(f.IOStreams.Out, f.T("todo.empty"))
					}
					return nil
				}
				for _, t := range todos {
					fmt.Fprintf(f.IOStreams.Out, "%s\t%s\t%s\n", t.Kind, t.Message, t.Fix)
				}
				return nil
			})
		},
	}
}
