// Package apicalls is `mkt sandbox simulate api-calls`.
package apicalls

import (
	"context"
	"fmt"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// NewCmdAPICalls builds `mkt sandbox simulate api-calls`.
func NewCmdAPICalls(f *cmdutil.Factory) *cobra.Command {
	var count int64
	cmd := &cobra.Command{
		Use:   "api-calls <instance-id> --count N",
		Short: "A buyer calls an API product (usage for 'mkt metering api')",
		Long: `A buyer of an API product calls it N times through the gateway: the calls count against the
quota the purchase bought (--api-quota of 'simulate purchase', 10000 by default); calls past
it are refused, as the gateway refuses them.`,
		Example: `  mkt sandbox simulate api-calls 10000001 --count 250`,
		Args:    cmdutil.ExactArgs(1, "<instance-id>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, err := strconv.ParseInt(args[0], 10, 64); err != nil {
				return cmdutil.FlagError("instance.id.invalid", args[0])
			}
			if count < 1 {
				return cmdutil.FlagError("simulate.apicalls.count")
			}
			return run(cmd.Context(), f, args[0], count)
		},
	}
	cmd.Flags().Int64Var(&count, "count", 0, "how many calls (required)")
	return cmd
}

func run(ctx context.Context, f *cmdutil.Factory, inst string, count int64) error {
	client, err := f.SandboxClient()
	if err != nil {
		return err
	}
	out, err := client.APICalls(ctx, inst, count)
	if err != nil {
		return err
	}
	f.Success("simulate.apicalls.done", out.Accepted, inst, out.Used, out.Quota)
	if out.Refused > 0 {
		// The gateway refused the calls past the quota: the buyer's outcome, not a failure of
		// this command.
		fmt.Fprintln(f.IOStreams.ErrOut, f.T("simulate.apicalls.refused", out.Refused))
	}
	return f.Print(out, func() error { return nil })
}
