// Package submit is `mkt product submit`.
package submit

import (
	"context"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/product/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// Options are the inputs of `mkt product submit`.
type Options struct {
	Factory *cmdutil.Factory
	Code    string
	For     string
}

// NewCmdSubmit builds `mkt product submit`.
func NewCmdSubmit(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "submit <product-code>",
		Short: "Send a product to testing or to review",
		Long: `Send a product to testing (--for test: the marketplace tests your integration) or to
review (--for review, the default: marketplace operations decide whether it is listed).

The product must be complete: SKUs, validity periods, and what its type needs (SaaS
delivery and URL, API group and prefix, image ID and region). Submitting an API product
binds its name to its gateway prefix (FAQ 三 Q4). In testing and in review the production
URL cannot change (FAQ 三 Q1).`,
		Example: `  mkt product submit cmgj10000001 --for test
  mkt product submit cmgj10000001`,
		Args:              cmdutil.ExactArgs(1, "<product-code>"),
		ValidArgsFunction: cmdutil.CompleteArgs(0, cmdutil.ProductCodes, f),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Code = args[0]
			if err := cmdutil.CheckProductCode(opts.Code); err != nil {
				return err
			}
			opts.For = strings.ToLower(opts.For)
			if opts.For != "test" && opts.For != "review" {
				return cmdutil.FlagError("product.submit.for", opts.For)
			}
			if runF != nil {
				return runF(opts)
			}
			return submitRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.For, "for", "review", "test or review")
	_ = cmd.RegisterFlagCompletionFunc("for", cobra.FixedCompletions([]string{"test", "review"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func submitRun(ctx context.Context, opts *Options) error {
	return shared.Mutate(opts.Factory, func(c *market.Client) (marketapi.Product, error) {
		return c.SubmitProduct(ctx, opts.Code, opts.For, "")
	},
		"product.submitted", func(p marketapi.Product) []any { return []any{p.Code, i18n.E(i18n.EnumProductState, p.Status)} })
}
