// Package delivery is `mkt delivery`: the delivery centre for service products (交付中心,
// FAQ 三 Q5) — templates, and the projects bought services run through.
package delivery

import (
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/delivery/project/attachments"
	"github.com/mkt-cli/mkt/internal/cli/delivery/project/finish"
	projectget "github.com/mkt-cli/mkt/internal/cli/delivery/project/get"
	projectlist "github.com/mkt-cli/mkt/internal/cli/delivery/project/list"
	"github.com/mkt-cli/mkt/internal/cli/delivery/project/logs"
	"github.com/mkt-cli/mkt/internal/cli/delivery/project/messages"
	"github.com/mkt-cli/mkt/internal/cli/delivery/project/nodes"
	"github.com/mkt-cli/mkt/internal/cli/delivery/project/pause"
	"github.com/mkt-cli/mkt/internal/cli/delivery/project/resume"
	"github.com/mkt-cli/mkt/internal/cli/delivery/project/rollback"
	"github.com/mkt-cli/mkt/internal/cli/delivery/template/attach"
	"github.com/mkt-cli/mkt/internal/cli/delivery/template/create"
	"github.com/mkt-cli/mkt/internal/cli/delivery/template/list"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// NewCmdDelivery builds `mkt delivery`.
func NewCmdDelivery(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "delivery <command>",
		Short: "The delivery centre for service products: templates and projects (交付中心)",
		Long: `The delivery centre (交付中心) runs a service order through the steps of a template: who
acts at each step (you or the buyer), the form fields to fill, whether an attachment is
needed and whether the step can be sent back. Templates apply to service products only
(FAQ 三 Q5); delivering through the centre raises a service product's score.

Each purchase of a service product with a template attached becomes a project: 'mkt delivery
project' follows it, finishes your steps with their forms, sends a step back, pauses and
resumes it, and shows the messages, attachments and operation log. The project commands are
public Market API actions: they work against the real marketplace as well as the sandbox.`,
		Args: cobra.ArbitraryArgs,
		RunE: cmdutil.GroupRunE,
	}
	tpl := &cobra.Command{
		Use:   "template <command>",
		Short: "Create, list and attach delivery templates",
		Args:  cobra.ArbitraryArgs,
		RunE:  cmdutil.GroupRunE,
	}
	tpl.AddCommand(create.NewCmdCreate(f, nil), list.NewCmdList(f, nil), attach.NewCmdAttach(f, nil))
	proj := &cobra.Command{
		Use:   "project <command>",
		Short: "Follow and move delivery projects: one per service instance bought with a template",
		Args:  cobra.ArbitraryArgs,
		RunE:  cmdutil.GroupRunE,
	}
	proj.AddCommand(projectlist.NewCmdList(f, nil), projectget.NewCmdGet(f, nil), nodes.NewCmdNodes(f, nil), finish.NewCmdFinish(f, nil),
		rollback.NewCmdRollback(f, nil), pause.NewCmdPause(f, nil), resume.NewCmdResume(f, nil), messages.NewCmdMessages(f, nil),
		attachments.NewCmdAttachments(f, nil), logs.NewCmdLogs(f, nil))
	cmd.AddCommand(tpl, proj)
	return cmd
}
