// Package edit is `mkt product edit`.
package edit

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/product/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// Options are the inputs of `mkt product edit`.
type Options struct {
	Factory *cmdutil.Factory
	Code    string
	Input   market.ProductInput
}

// NewCmdEdit builds `mkt product edit`.
func NewCmdEdit(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	var fields shared.Fields
	cmd := &cobra.Command{
		Use:   "edit <product-code>",
		Short: "Change a product's fields (only those given)",
		Long: `Change the fields given as flags (or in a product file); the others stay. A product can be
edited in DRAFT, TESTING, REJECTED and DELISTED; in review or on sale it cannot.

The production URL has its own command, 'mkt product endpoint set', because of FAQ 三 Q1;
--production-url here is only for switching a product to SPI (--delivery spi), which needs
one.
Renaming an API product whose gateway prefix is bound is refused (FAQ 三 Q4).`,
		Example: `  mkt product edit cmgj10000001 --summary "Invoices in one click"
  mkt product edit cmgj10000001 --sku basic:99 --sku pro:399
  mkt product edit cmgj10000001 --delivery spi --production-url https://isv.example.com/spi
  mkt product edit cmgj10000001 --delivery spi -f product.yaml`,
		Args:              cmdutil.ExactArgs(1, "<product-code>"),
		ValidArgsFunction: cmdutil.CompleteArgs(0, cmdutil.ProductCodes, f),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Code = args[0]
			if err := cmdutil.CheckProductCode(opts.Code); err != nil {
				return err
			}
			in, _, probs, err := fields.Input(cmd, f.IOStreams.In, shared.TypeOf(opts.Code))
			if err == nil {
				err = cmdutil.Join(probs, "product.problems")
			}
			if err != nil {
				return err
			}
			if in.Type != "" && in.Type != string(shared.TypeOf(opts.Code)) {
				return cmdutil.FlagError("product.type.change")
			}
			in.Type = ""
			if cmd.Flags().Changed("production-url") && (in.DeliveryMode == nil || *in.DeliveryMode != "spi") {
				return cmdutil.FlagError("product.edit.url").WithRemedy("remedy.endpoint.set", opts.Code)
			}
			if len(in.Form()) == 0 {
				return cmdutil.FlagError("product.edit.nothing").WithRemedy("remedy.help", cmd.CommandPath())
			}
			opts.Input = in
			if runF != nil {
				return runF(opts)
			}
			return editRun(cmd.Context(), opts)
		},
	}
	fields.Register(cmd, false, true)
	return cmd
}

func editRun(ctx context.Context, opts *Options) error {
	return shared.Mutate(opts.Factory, func(c *market.Client) (marketapi.Product, error) {
		return c.ModifyProduct(ctx, opts.Code, opts.Input, "")
	},
		"product.edited", func(p marketapi.Product) []any { return []any{p.Code} })
}
