// Package get is `mkt nest instance get`.
package get

import (
	"context"
	"regexp"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/nest/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// Options are the inputs of `mkt nest instance get`.
type Options struct {
	Factory *cmdutil.Factory
	ID      string
}

var instanceID = regexp.MustCompile(`^si-[0-9a-z]{6,40}$`)

// NewCmdGet builds `mkt nest instance get`.
func NewCmdGet(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:     "get <service-instance-id>",
		Short:   "Show one service instance",
		Example: `  mkt nest instance get si-5f8e9d0c1b2a3f4e`,
		Args:    cmdutil.ExactArgs(1, "<service-instance-id>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = args[0]
			if !instanceID.MatchString(opts.ID) {
				return cmdutil.FlagError("nest.instance.id.invalid", opts.ID)
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
	in, err := client.ServiceInstance(ctx, opts.ID)
	if err != nil {
		return err
	}
	return shared.PrintInstances(opts.Factory, []marketapi.NestInstance{in})
}
