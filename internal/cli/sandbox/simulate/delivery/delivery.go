// Package delivery is `mkt sandbox simulate delivery`.
package delivery

import (
	"context"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/delivery/project/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/project"
)

// Options are the inputs of `mkt sandbox simulate delivery`.
type Options struct {
	Instance string
	As       string
	Message  string
	Attach   string
	Note     string
	Finish   bool
	Fields   []string
}

// NewCmdDelivery builds `mkt sandbox simulate delivery`.
func NewCmdDelivery(f *cmdutil.Factory) *cobra.Command {
	opts := &Options{}
	cmd := &cobra.Command{
		Use:   "delivery <instance-id> [--message TEXT] [--attach FILE] [--finish [--field KEY=VALUE]...]",
		Short: "A buyer acts in a delivery project: writes, attaches a file, finishes their step",
		Long: `Play the buyer of a delivery project (what the marketplace has no public API for): write a
message, attach a file to the current step, or finish the current step when it is the
buyer's, with its form. With --as seller, attach a file as the seller console does — for a
step of yours that needs an attachment before 'mkt delivery project finish'.`,
		Example: `  mkt sandbox simulate delivery 10000001 --message "服务器已就绪"
  mkt sandbox simulate delivery 10000001 --finish --field 验收意见=通过
  mkt sandbox simulate delivery 10000001 --as seller --attach report.pdf --note "部署报告"`,
		Args: cmdutil.ExactArgs(1, "<instance-id>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Instance = args[0]
			if opts.Message == "" && opts.Attach == "" && !opts.Finish {
				return cmdutil.FlagError("simulate.delivery.nothing").WithRemedy("remedy.help", cmd.CommandPath())
			}
			if opts.As != "buyer" && opts.As != "seller" {
				return cmdutil.FlagError("simulate.delivery.as", opts.As)
			}
			return deliveryRun(cmd.Context(), f, opts)
		},
	}
	cmd.Flags().StringVar(&opts.As, "as", "buyer", "who acts: buyer or seller")
	cmdutil.EnumFlag(cmd, "as", "buyer", "seller")
	cmd.Flags().StringVar(&opts.Message, "message", "", "a message to the other side")
	cmd.Flags().StringVar(&opts.Attach, "attach", "", "a file to attach to the current step")
	cmd.Flags().StringVar(&opts.Note, "note", "", "with --attach: what the file is")
	cmd.Flags().BoolVar(&opts.Finish, "finish", false, "finish the current step (it must be this side's)")
	cmd.Flags().StringArrayVar(&opts.Fields, "field", nil, "with --finish: a form value, KEY=VALUE or TITLE=VALUE (repeatable)")
	return cmd
}

func deliveryRun(ctx context.Context, f *cmdutil.Factory, opts *Options) error {
	client, err := f.SandboxClient()
	if err != nil {
		return err
	}
	act := market.ProjectAct{Role: opts.As, Message: opts.Message, Content: opts.Note, Finish: opts.Finish}
	if opts.Attach != "" {
		content, err := cmdutil.ReadUpload(opts.Attach, marketapi.MaxUploadBytes)
		if err != nil {
			return err
		}
		up, err := client.UploadFile(ctx, filepath.Base(opts.Attach), content, "")
		if err != nil {
			return err
		}
		act.FileID = up.FileId
	}
	if opts.Finish {
		cur, err := client.CurrentNode(ctx, opts.Instance)
		if err != nil {
			return err
		}
		values, err := shared.FormValues("", opts.Fields, nil)
		if err != nil {
			return err
		}
		if act.Form, err = project.FormJSON(cur, values); err != nil {
			return shared.StepError(err)
		}
		act.NodeID = cur.NodeId
	}
	if err := client.ProjectAct(ctx, opts.Instance, act); err != nil {
		return err
	}
	f.Success("simulate.delivery.done", opts.Instance)
	return nil
}
