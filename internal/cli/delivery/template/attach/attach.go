// Package attach is `mkt delivery template attach`.
package attach

import (
	"context"

	"github.com/spf13/cobra"

	productshared "github.com/mkt-cli/mkt/internal/cli/product/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/rules"
)

// Options are the inputs of `mkt delivery template attach`.
type Options struct {
	Factory    *cmdutil.Factory
	Code       string
	TemplateID string
}

// NewCmdAttach builds `mkt delivery template attach`; runF replaces the run in tests.
func NewCmdAttach(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:     "attach <product-code> <template-id>",
		Short:   "Attach a delivery template to a service product",
		Example: "  mkt delivery template attach cmfw10000003 401",
		Args:    cmdutil.ExactArgs(2, "<product-code> <template-id>"),
		ValidArgsFunction: func(c *cobra.Command, args []string, to string) ([]cobra.Completion, cobra.ShellCompDirective) {
			if len(args) == 1 {
				return cmdutil.CompleteArgs(1, cmdutil.DeliveryTemplateIDs, f)(c, args, to)
			}
			return cmdutil.CompleteArgs(0, cmdutil.ProductCodes, f)(c, args, to)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Code, opts.TemplateID = args[0], args[1]
			if err := cmdutil.CheckProductCode(opts.Code); err != nil {
				return err
			}
			if err := cmdutil.RuleViolation(rules.DeliveryTemplateApplies(opts.Code, productshared.TypeOf(opts.Code))); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return attachRun(cmd.Context(), opts)
		},
	}
}

func attachRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	client, err := f.Client()
	if err != nil {
		return err
	}
	p, err := client.AttachDeliveryTemplate(ctx, opts.Code, opts.TemplateID)
	if err != nil {
		return err
	}
	f.Success("template.attached", opts.TemplateID, opts.Code)
	return productshared.PrintCode(f, p)
}
