// Package create is `mkt bundle create`.
package create

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/bundle/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/rules"
)

// Options are the inputs of `mkt bundle create`.
type Options struct {
	Factory *cmdutil.Factory
	Bundle  market.BundleInput
}

// NewCmdCreate builds `mkt bundle create`; runF replaces the run in tests.
func NewCmdCreate(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	in := &opts.Bundle
	cmd := &cobra.Command{
		Use:   "create --name <name> --product <code> --product <code> [--discount 10% | --price 199]",
		Short: "Create a bundle of two or more products",
		Example: `  mkt bundle create --name "Finance suite" --product cmgj10000001 --product cmapi10000002 --discount 10%
  mkt bundle create --name "Starter pack" --product cmgj10000001 --product cmfw10000003 --price 1999`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			var probs []error
			if strings.TrimSpace(in.Name) == "" {
				probs = append(probs, cmdutil.FlagError("bundle.name.missing").WithRemedy("remedy.help", cmd.CommandPath()))
			}
			if err := cmdutil.Join(append(probs, checkBundle(*in)...), "bundle.problems"); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return createRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&in.Name, "name", "", "bundle name")
	cmd.Flags().StringArrayVar(&in.Products, "product", nil, "a product code; at least two, repeatable")
	cmd.Flags().StringVar(&in.Discount, "discount", "", "percent off, e.g. 10%")
	cmd.Flags().StringVar(&in.Price, "price", "", "a price of the bundle's own, in yuan")
	return cmd
}

// checkBundle lists, before any request, what the marketplace would refuse: codes that are
// not product codes, fewer than two products, a discount and a price together, either
// malformed.
func checkBundle(in market.BundleInput) []error {
	var probs []error
	add := func(err error) {
		if err != nil {
			probs = append(probs, err)
		}
	}
	for _, c := range in.Products {
		add(cmdutil.CheckProductCode(c))
	}
	add(cmdutil.RuleViolation(rules.CheckBundle(in.Products, nil)))
	if in.Discount != "" && in.Price != "" {
		add(cmdutil.RuleViolation(&rules.Violation{Code: rules.CodeBundle, Msg: i18n.M("rule.bundle.pricing"), Remedy: i18n.M("remedy.bundle.price")}))
	}
	if in.Discount != "" {
		_, v := rules.ParseDiscount(in.Discount)
		add(cmdutil.RuleViolation(v))
	}
	if in.Price != "" {
		_, v := rules.ParsePrice(in.Price)
		add(cmdutil.RuleViolation(v))
	}
	return probs
}

func createRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	client, err := f.Client()
	if err != nil {
		return err
	}
	b, err := client.CreateBundle(ctx, opts.Bundle, "")
	if err != nil {
		return err
	}
	f.Success("bundle.created", b.BundleId)
	ios := f.IOStreams
	if f.OutputFormat() == "table" && !ios.IsStdoutTTY() {
		_, err := fmt.Fprintln(ios.Out, b.BundleId)
		return err
	}
	return shared.PrintBundles(f, []marketapi.Bundle{b}, b)
}
