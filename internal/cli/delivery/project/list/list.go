// Package list is `mkt delivery project list`.
package list

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/delivery/project/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/project"
)

// Options are the inputs of `mkt delivery project list`.
type Options struct {
	Factory *cmdutil.Factory
	Product string
	Status  string
	Limit   int
}

// Statuses are the project statuses --status takes.
var Statuses = []string{marketapi.ProjectStarting, marketapi.ProjectPause, marketapi.ProjectFinish}

// NewCmdList builds `mkt delivery project list`; runF replaces the run in tests.
func NewCmdList(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:     "list",
		Aliases: []string{"ls"},
		Short:   "List the delivery projects of your service instances",
		Long: `List the projects of your service products' instances, newest first: one per instance bought
with a delivery template attached. The marketplace has no list of projects; this reads each
service instance's project (one call per instance), so narrow it with --product on a large
account.`,
		Example: `  mkt delivery project list
  mkt delivery project list --status Starting -o json`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Status != "" {
				ok := false
				for _, s := range Statuses {
					if strings.EqualFold(s, opts.Status) {
						opts.Status, ok = s, true
					}
				}
				if !ok {
					return cmdutil.FlagError("project.status.invalid", opts.Status, strings.Join(Statuses, ", "))
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return listRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Product, "product", "", "only projects of these products (comma-separated codes)")
	cmd.Flags().StringVar(&opts.Status, "status", "", "only projects in this status: "+strings.Join(Statuses, ", "))
	_ = cmd.RegisterFlagCompletionFunc("status", cobra.FixedCompletions(Statuses, cobra.ShellCompDirectiveNoFileComp))
	cmd.Flags().IntVarP(&opts.Limit, "limit", "L", 0, "at most this many (0: all)")
	return cmd
}

func listRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	client, err := f.Client()
	if err != nil {
		return err
	}
	col := func(h string, text func(project.Info) string) cmdutil.Column[project.Info] {
		return cmdutil.Column[project.Info]{Header: h, Text: text}
	}
	p := cmdutil.NewListPrinter(f,
		col(f.T("col.instance"), func(i project.Info) string { return i.Instance }),
		col(f.T("col.code"), func(i project.Info) string { return i.Product }),
		col(f.T("col.status"), func(i project.Info) string { return f.Enum(i18n.EnumProjectState, i.Status) }),
		col(f.T("col.step"), func(i project.Info) string { return strconv.Itoa(i.Step) + "/" + strconv.Itoa(i.FinalStep) }),
		col(f.T("col.created"), func(i project.Info) string { return f.FormatTime(i.CreatedAt) }))
	var inner error
	err = client.ListInstances(ctx, opts.Product, "SERVICE", func(items []marketapi.InstanceItem, _ int) bool {
		for _, it := range items {
			info, err := client.ProjectInfo(ctx, strconv.FormatInt(it.InstanceId, 10))
			var ae *market.APIError
			if errors.As(err, &ae) && ae.Code == "IllegalRequest" {
				continue // bought without a template: no project
			}
			if err != nil {
				inner = err
				return false
			}
			if opts.Status != "" && info.ProjectStatus != opts.Status {
				continue
			}
			if !p.AddPage([]project.Info{project.InfoOf(info, shared.Loc())}, opts.Limit) {
				return false
			}
		}
		return true
	})
	if err == nil {
		err = inner
	}
	return p.Finish(err)
}
