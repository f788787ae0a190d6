// Package refuse is `mkt invoice refuse`.
package refuse

import (
	"context"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/invoice/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/invoicing"
)

// Options are the inputs of `mkt invoice refuse`.
type Options struct {
	Factory *cmdutil.Factory
	ID      string
	Reason  string
}

// NewCmdRefuse builds `mkt invoice refuse`; runF replaces the run in tests.
func NewCmdRefuse(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:               "refuse <invoice-id> --reason <text>",
		Short:             "Refuse an invoice request, with the reason the buyer sees",
		Example:           `  mkt invoice refuse 4072040002 --reason "The tax number does not match the company name"`,
		Args:              cmdutil.ExactArgs(1, "<invoice-id>"),
		ValidArgsFunction: cmdutil.CompleteArgs(0, cmdutil.OpenInvoiceIDs, f),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = args[0]
			if err := shared.CheckID(opts.ID); err != nil {
				return err
			}
			if strings.TrimSpace(opts.Reason) == "" {
				return cmdutil.FlagError("invoice.reason")
			}
			if runF != nil {
				return runF(opts)
			}
			return refuseRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Reason, "reason", "", "why (required; the buyer sees it)")
	return cmd
}

func refuseRun(ctx context.Context, opts *Options) error {
	client, err := opts.Factory.Client()
	if err != nil {
		return err
	}
	if _, err := invoicing.Refuse(ctx, client, opts.ID, opts.Reason); err != nil {
		return shared.Handled(err)
	}
	opts.Factory.Success("invoice.refused", opts.ID)
	return nil
}
