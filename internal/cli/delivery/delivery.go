// Package delivery is `mkt delivery`: delivery-centre templates for service products
// (交付模板, FAQ 三 Q5).
package delivery

import (
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/delivery/template/attach"
	"github.com/mkt-cli/mkt/internal/cli/delivery/template/create"
	"github.com/mkt-cli/mkt/internal/cli/delivery/template/list"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// NewCmdDelivery builds `mkt delivery`.
func NewCmdDelivery(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "delivery <command>",
		Short: "Delivery-centre templates for service products (交付模板)",
		Long: `The delivery centre (交付中心) runs a service order through the steps of a template: who
acts at each step (you or the buyer), the form fields to fill, whether an attachment is
needed and whether the step can be sent back. Templates apply to service products only
(FAQ 三 Q5); delivering through the centre raises a service product's score.`,
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
	cmd.AddCommand(tpl)
	return cmd
}
