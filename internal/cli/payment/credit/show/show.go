// Package show is `mkt payment credit show`.
package show

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/payment/credit/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// Options are the inputs of `mkt payment credit show`.
type Options struct {
	Factory *cmdutil.Factory
}

// NewCmdShow builds `mkt payment credit show`; runF replaces the run in tests.
func NewCmdShow(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:     "show",
		Short:   "Show which listed products take credit payment",
		Example: "  mkt payment credit show",
		Args:    cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return showRun(cmd.Context(), opts)
		},
	}
}

func showRun(ctx context.Context, opts *Options) error {
	client, err := opts.Factory.Client()
	if err != nil {
		return err
	}
	cp, err := client.CreditPayment(ctx)
	if err != nil {
		return err
	}
	return shared.PrintCredit(opts.Factory, cp)
}
