// Package logs is `mkt delivery project logs`.
package logs

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/delivery/project/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/project"
)

// Options are the inputs of `mkt delivery project logs`.
type Options struct {
	Factory  *cmdutil.Factory
	Instance string
}

// NewCmdLogs builds `mkt delivery project logs`; runF replaces the run in tests.
func NewCmdLogs(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:   "logs <instance-id>",
		Short: "Show a delivery project's operation log, oldest first",
		Example: `  mkt delivery project logs 10000001
  mkt delivery project logs 10000001 -o json`,
		Args: cmdutil.ExactArgs(1, shared.Arg),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Instance = args[0]
			if err := shared.CheckInstance(opts.Instance); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return logsRun(cmd.Context(), opts)
		},
	}
}

func logsRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	client, err := f.Client()
	if err != nil {
		return err
	}
	logs, err := client.ProjectLogs(ctx, opts.Instance)
	if err != nil {
		return err
	}
	p := shared.NewEntryPrinter(f)
	rows := make([]project.Entry, len(logs))
	for i, l := range logs {
		rows[i] = project.Entry{At: project.Time(l.GmtCreate, shared.Loc()), Role: l.OperatorRole, Operator: l.OperatorName, Text: l.Description}
	}
	p.AddPage(rows, 0)
	return p.Finish(nil)
}
