// Package messages is `mkt delivery project messages`.
package messages

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/delivery/project/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/project"
)

// Options are the inputs of `mkt delivery project messages`.
type Options struct {
	Factory  *cmdutil.Factory
	Instance string
	Limit    int
}

// NewCmdMessages builds `mkt delivery project messages`; runF replaces the run in tests.
func NewCmdMessages(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "messages <instance-id>",
		Short: "List the messages between you and the buyer of a delivery project, newest first",
		Example: `  mkt delivery project messages 10000001
  mkt delivery project messages 10000001 -L 5 -o json`,
		Args: cmdutil.ExactArgs(1, shared.Arg),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Instance = args[0]
			if err := shared.CheckInstance(opts.Instance); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return messagesRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().IntVarP(&opts.Limit, "limit", "L", 0, "at most this many (0: all)")
	return cmd
}

func messagesRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	client, err := f.Client()
	if err != nil {
		return err
	}
	p := shared.NewEntryPrinter(f)
	return p.Finish(client.ProjectMessages(ctx, opts.Instance, func(ms []marketapi.ProjectMessage) bool {
		rows := make([]project.Entry, len(ms))
		for i, m := range ms {
			rows[i] = project.Entry{At: project.Time(m.GmtCreate, shared.Loc()), Role: m.OperatorRole, Operator: m.OperatorName, Text: m.Content}
		}
		return p.AddPage(rows, opts.Limit)
	}))
}
