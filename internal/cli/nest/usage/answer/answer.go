// Package answer is `mkt nest usage approve` and `mkt nest usage reject`.
package answer

import (
	"context"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/nest/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// Options are the inputs of an answer.
type Options struct {
	Factory *cmdutil.Factory
	Approve bool
	Service string
	User    int64
	Comment string
}

// NewCmdApprove builds `mkt nest usage approve`.
func NewCmdApprove(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	return newCmd(f, runF, true, "approve <service-id> <user-id>", "Let a buyer use a restricted service",
		`  mkt nest usage approve service-0e6fca6a51a54420 1234567890123456`)
}

// NewCmdReject builds `mkt nest usage reject`.
func NewCmdReject(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	return newCmd(f, runF, false, "reject <service-id> <user-id>", "Turn down a buyer's request (with --comment)",
		`  mkt nest usage reject service-0e6fca6a51a54420 1234567890123456 --comment "not available in this region"`)
}

func newCmd(f *cmdutil.Factory, runF func(*Options) error, approve bool, use, short, example string) *cobra.Command {
	opts := &Options{Factory: f, Approve: approve}
	cmd := &cobra.Command{
		Use:     use,
		Short:   short,
		Example: example,
		Args:    cmdutil.ExactArgs(2, "<service-id> <user-id>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := check(opts, args); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return answerRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Comment, "comment", "", "a note for the buyer (required to reject)")
	return cmd
}

func check(opts *Options, args []string) error {
	var probs []error
	opts.Service = args[0]
	if err := shared.CheckServiceID(opts.Service); err != nil {
		probs = append(probs, err)
	}
	n, err := strconv.ParseInt(args[1], 10, 64)
	if err != nil || n <= 0 {
		probs = append(probs, cmdutil.FlagError("nest.user.invalid", args[1]))
	}
	opts.User = n
	if !opts.Approve && opts.Comment == "" {
		probs = append(probs, cmdutil.FlagError("nest.flag.required", "--comment"))
	}
	return cmdutil.Join(probs, "flags.problems")
}

func answerRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	client, err := f.Client()
	if err != nil {
		return err
	}
	if err := client.AnswerServiceUsage(ctx, opts.Approve, opts.Service, opts.User, opts.Comment, ""); err != nil {
		return err
	}
	if opts.Approve {
		f.Success("nest.usage.approved", opts.User, opts.Service)
	} else {
		f.Success("nest.usage.rejected", opts.User, opts.Service)
	}
	list, err := client.ServiceUsages(ctx, map[string][]string{"ServiceId": {opts.Service}})
	if err != nil {
		return err
	}
	mine := list[:0:0]
	for _, u := range list {
		if u.UserAliUid == opts.User {
			mine = append(mine, u)
		}
	}
	return shared.PrintUsages(f, mine)
}
