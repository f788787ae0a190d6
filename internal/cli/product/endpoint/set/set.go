// Package set is `mkt product endpoint set`.
package set

import (
	"context"
	"time"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/product/shared"
	spishared "github.com/mkt-cli/mkt/internal/cli/spi/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/rules"
)

// Options are the inputs of the endpoint verbs.
type Options struct {
	Factory  *cmdutil.Factory
	Code     string
	URL      string
	Check    bool
	KeyStdin bool
}

// NewCmdSet builds `mkt product endpoint set`.
func NewCmdSet(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "set <product-code> <url>",
		Short: "Change the production URL (refused in testing, in review or listed)",
		Long: `Change the production URL. The URL must be absolute http(s), with no credentials in it
and no #fragment. Refused with Forbidden.ProductionUrlLocked (exit 3) while the product
is in testing, in review or listed: ask marketplace operations to reject it, then set it.

With --check, the SPI conformance suite (mkt spi check) runs against the new URL first, and
the URL is set only if every check passes.`,
		Example: `  mkt product endpoint set cmgj10000001 https://isv.example.com/marketplace/spi
  mkt product endpoint set cmgj10000001 https://isv.example.com/marketplace/spi --check`,
		Args:              cmdutil.ExactArgs(2, "<product-code> <url>"),
		ValidArgsFunction: cmdutil.CompleteArgs(0, cmdutil.ProductCodes, f),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Code, opts.URL = args[0], args[1]
			if err := cmdutil.CheckProductCode(opts.Code); err != nil {
				return err
			}
			if err := cmdutil.RuleViolation(rules.CheckURL("production URL", opts.URL)); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return setRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Check, "check", false, "run the SPI conformance suite against the URL first")
	cmd.Flags().BoolVar(&opts.KeyStdin, "key-stdin", false, "with --check: read the ISV key from standard input")
	return cmd
}

func setRun(ctx context.Context, opts *Options) error {
	if opts.Check {
		key, _, err := opts.Factory.SPIKey(opts.KeyStdin)
		if err != nil {
			return err
		}
		if err := spishared.RunCheck(ctx, opts.Factory, opts.URL, key, 3*time.Second, 5); err != nil {
			return err
		}
	}
	return shared.Mutate(opts.Factory, func(c *market.Client) (marketapi.Product, error) {
		return c.ModifyProductionURL(ctx, opts.Code, opts.URL, "")
	},
		"product.endpoint.set", func(p marketapi.Product) []any { return []any{p.Code, p.ProductionUrl} })
}
