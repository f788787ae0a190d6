// Package attachments is `mkt delivery project attachments`.
package attachments

import (
	"context"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/delivery/project/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/project"
)

// Options are the inputs of `mkt delivery project attachments`.
type Options struct {
	Factory  *cmdutil.Factory
	Instance string
}

// NewCmdAttachments builds `mkt delivery project attachments`; runF replaces the run in tests.
func NewCmdAttachments(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:   "attachments <instance-id>",
		Short: "List the files attached to a delivery project's steps, with their download links",
		Long: `List the files you and the buyer attached to the project's steps. Each link is valid for a
limited time (linkExpiresAt in -o json); run the command again for fresh ones.`,
		Example: `  mkt delivery project attachments 10000001
  mkt delivery project attachments 10000001 -o json`,
		Args: cmdutil.ExactArgs(1, shared.Arg),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Instance = args[0]
			if err := shared.CheckInstance(opts.Instance); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return attachmentsRun(cmd.Context(), opts)
		},
	}
}

func attachmentsRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	client, err := f.Client()
	if err != nil {
		return err
	}
	as, err := client.ProjectAttachments(ctx, opts.Instance)
	if err != nil {
		return err
	}
	col := func(h string, text func(project.Attachment) string) cmdutil.Column[project.Attachment] {
		return cmdutil.Column[project.Attachment]{Header: h, Text: text}
	}
	p := cmdutil.NewListPrinter(f,
		col(f.T("col.time"), func(a project.Attachment) string { return f.FormatTime(a.At) }),
		col(f.T("col.node"), func(a project.Attachment) string { return a.NodeName }),
		col(f.T("col.role"), func(a project.Attachment) string { return shared.Role(f, a.Role) }),
		col(f.T("col.file"), func(a project.Attachment) string { return a.File }),
		col(f.T("col.size"), func(a project.Attachment) string { return strconv.FormatInt(a.Size, 10) }),
		col(f.T("col.link"), func(a project.Attachment) string { return a.Link }))
	rows := make([]project.Attachment, len(as))
	for i, a := range as {
		rows[i] = project.AttachmentOf(a, shared.Loc())
	}
	p.AddPage(rows, 0)
	return p.Finish(nil)
}
