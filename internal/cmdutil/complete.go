package cmdutil

import (
	"context"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// Dynamic completion: IDs a merchant would otherwise copy from a list — product codes, bundle
// IDs, invoice request IDs, template IDs — asked of the configured target when TAB is pressed.
// It must be fast and silent: a 2-second budget, nothing on stderr (the target line
// included), and no candidates (never an error) when anything fails. Live targets without the
// seller extension are asked only what the public API answers (open invoice requests).

// completeBudget bounds one completion's calls.
const completeBudget = 2 * time.Second

// candidates runs list against the configured target, quietly; public says the list uses
// only public actions (else a live target without the seller extension is not asked).
func (f *Factory) candidates(public bool, list func(context.Context, *market.Client) ([]string, error)) []string {
	errOut := f.IOStreams.ErrOut
	f.IOStreams.ErrOut = io.Discard
	defer func() { f.IOStreams.ErrOut = errOut }()
	c, err := f.Client()
	if err != nil || (!public && f.PublicOnly()) {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), completeBudget)
	defer cancel()
	out, err := list(ctx, c)
	if err != nil {
		return nil
	}
	return out
}

// CompleteArgs completes the positional argument at index pos with fn's candidates (those
// starting with what is typed); other positions complete nothing.
func CompleteArgs(pos int, fn func(f *Factory) []string, f *Factory) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) != pos {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return matching(fn(f), toComplete), cobra.ShellCompDirectiveNoFileComp
	}
}

// CompleteEach completes every positional argument (or a flag's value) with fn's candidates,
// minus the arguments given.
func CompleteEach(fn func(f *Factory) []string, f *Factory) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		given := map[string]bool{}
		for _, a := range args {
			given[a] = true
		}
		var out []string
		for _, c := range fn(f) {
			if id, _, _ := strings.Cut(c, "\t"); !given[id] {
				out = append(out, c)
			}
		}
		return matching(out, toComplete), cobra.ShellCompDirectiveNoFileComp
	}
}

func matching(cands []string, prefix string) []cobra.Completion {
	var out []cobra.Completion
	for _, c := range cands {
		if strings.HasPrefix(c, prefix) {
			out = append(out, c)
		}
	}
	return out
}

// describe is a candidate with its description, as shells show it (code<TAB>description).
func describe(id, desc string) string {
	desc = strings.NewReplacer("\t", " ", "\n", " ").Replace(desc)
	if desc == "" {
		return id
	}
	return id + "\t" + desc
}

// ProductCodes are the seller's product codes, each with its name and state.
func ProductCodes(f *Factory) []string {
	return f.candidates(false, func(ctx context.Context, c *market.Client) ([]string, error) {
		var out []string
		err := c.ListProducts(ctx, market.ProductFilter{}, func(p marketapi.ProductPage) bool {
			for _, pr := range p.Products {
				out = append(out, describe(pr.Code, pr.Name+" ("+f.Enum(i18n.EnumProductState, pr.Status)+")"))
			}
			return len(out) < 1000
		})
		return out, err
	})
}

// BundleIDs are the seller's bundle IDs, each with its name.
func BundleIDs(f *Factory) []string {
	return f.candidates(false, func(ctx context.Context, c *market.Client) ([]string, error) {
		var out []string
		err := c.ListBundles(ctx, "", func(p marketapi.BundlePage) bool {
			for _, b := range p.Bundles {
				out = append(out, describe(b.BundleId, b.Name))
			}
			return len(out) < 1000
		})
		return out, err
	})
}

// OpenInvoiceIDs are the invoice requests waiting for an answer, each with its title and amount.
func OpenInvoiceIDs(f *Factory) []string {
	return f.candidates(true, func(ctx context.Context, c *market.Client) ([]string, error) {
		var out []string
		err := c.ListInvoices(ctx, market.InvoiceFilter{Status: "0"}, func(page []marketapi.Invoice) bool {
			for _, inv := range page {
				out = append(out, describe(inv.Id, inv.Title+" ¥"+inv.Price))
			}
			return len(out) < 1000
		})
		return out, err
	})
}

// DeliveryTemplateIDs are the seller's delivery templates, each with its name.
func DeliveryTemplateIDs(f *Factory) []string {
	return f.candidates(false, func(ctx context.Context, c *market.Client) ([]string, error) {
		var out []string
		err := c.ListDeliveryTemplates(ctx, func(p marketapi.DeliveryTemplatePage) bool {
			for _, t := range p.Templates {
				out = append(out, describe(t.TemplateId, t.Name))
			}
			return len(out) < 1000
		})
		return out, err
	})
}

// AgreementTemplateIDs are the marketplace's agreement templates, each with its name.
func AgreementTemplateIDs(f *Factory) []string {
	return f.candidates(false, func(ctx context.Context, c *market.Client) ([]string, error) {
		ts, err := c.AgreementTemplates(ctx, "")
		var out []string
		for _, t := range ts {
			out = append(out, describe(t.TemplateId, t.Name))
		}
		return out, err
	})
}

// EnumFlag completes flag name with its fixed values.
func EnumFlag(cmd *cobra.Command, name string, values ...string) {
	_ = cmd.RegisterFlagCompletionFunc(name, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
}
