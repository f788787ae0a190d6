// Package get is `mkt product get`.
package get

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/catalog"
	"github.com/mkt-cli/mkt/internal/cli/product/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// Options are the inputs of `mkt product get`.
type Options struct {
	Factory *cmdutil.Factory
	Code    string
}

// NewCmdGet builds `mkt product get`.
func NewCmdGet(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:   "get <product-code>",
		Short: "Show one product",
		Example: `  mkt product get cmgj10000001
  mkt product get cmgj10000001 --jq .status`,
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
			return getRun(cmd.Context(), opts)
		},
	}
}

func getRun(ctx context.Context, opts *Options) error {
	client, err := opts.Factory.Client()
	if err != nil {
		return err
	}
	if opts.Factory.PublicOnly() {
		pub, err := client.PublicProduct(ctx, opts.Code)
		if err != nil {
			return err
		}
		return shared.PrintProduct(opts.Factory, catalog.FromPublic(pub))
	}
	p, err := client.GetProduct(ctx, opts.Code)
	if err != nil {
		return err
	}
	return shared.PrintProduct(opts.Factory, p)
}
