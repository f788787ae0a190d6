// Package get is `mkt order get`.
package get

import (
	"context"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/order/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// Options are the inputs of `mkt order get`.
type Options struct {
	Factory *cmdutil.Factory
	ID      string
}

// NewCmdGet builds `mkt order get`; runF replaces the run in tests.
func NewCmdGet(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:     "get <order-id>",
		Short:   "Show an order",
		Example: "  mkt order get 200000000000001 -o json",
		Args:    cmdutil.ExactArgs(1, "<order-id>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = args[0]
			if _, err := strconv.ParseInt(opts.ID, 10, 64); err != nil {
				return cmdutil.FlagError("order.id.invalid", opts.ID)
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
	o, err := client.GetOrder(ctx, opts.ID)
	if err != nil {
		return err
	}
	return shared.PrintOrders(opts.Factory, []marketapi.OrderForIsv{o}, o)
}
