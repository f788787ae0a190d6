// Package delete is `mkt product delete`.
package delete

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/product/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/i18n"
)

// Options are the inputs of `mkt product delete`.
type Options struct {
	Factory *cmdutil.Factory
	Code    string
}

// NewCmdDelete builds `mkt product delete`.
func NewCmdDelete(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:   "delete <product-code>",
		Short: "Delete a product (asks first; --yes in scripts)",
		Long: `Delete a product. Allowed in DRAFT, TESTING, REJECTED and DELISTED; a listed product must
be delisted first — except an image product, which cannot be delisted and is deleted
directly, even while listed (FAQ 三 Q7). Bundles that hold the product stop being sellable.`,
		Example: `  mkt product delete cmgj10000001
  mkt product delete cmjj10000002 --yes`,
		Args:              cmdutil.ExactArgs(1, "<product-code>"),
		ValidArgsFunction: cmdutil.CompleteArgs(0, cmdutil.ProductCodes, f),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Code = args[0]
			if err := cmdutil.CheckProductCode(opts.Code); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return deleteRun(cmd.Context(), opts)
		},
	}
}

func deleteRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	client, err := f.Client()
	if err != nil {
		return err
	}
	// Look first: the question names what is deleted, and a missing product fails before it.
	p, err := client.GetProduct(ctx, opts.Code)
	if err != nil {
		return err
	}
	if err := f.Confirm(f.T("product.delete.ask", p.Code, p.Name, i18n.E(i18n.EnumProductState, p.Status))); err != nil {
		return err
	}
	p, err = client.DeleteProduct(ctx, opts.Code)
	if err != nil {
		return err
	}
	f.Success("product.deleted", p.Code)
	return shared.PrintCode(f, p)
}
