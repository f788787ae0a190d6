// Package get is `mkt delivery project get`.
package get

import (
	"context"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/delivery/project/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/project"
)

// Options are the inputs of `mkt delivery project get`.
type Options struct {
	Factory  *cmdutil.Factory
	Instance string
}

// NewCmdGet builds `mkt delivery project get`; runF replaces the run in tests.
func NewCmdGet(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:   "get <instance-id>",
		Short: "Show a delivery project: where it stands and whose turn it is",
		Example: `  mkt delivery project get 10000001
  mkt delivery project get 10000001 -o json`,
		Args: cmdutil.ExactArgs(1, shared.Arg),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Instance = args[0]
			if err := shared.CheckInstance(opts.Instance); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return getRun(cmd.Context(), opts)
		},
	}
}

// View is what -o json|yaml prints.
type View struct {
	project.Info
	Current *project.Node `json:"current"`
}

func getRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	client, err := f.Client()
	if err != nil {
		return err
	}
	info, err := client.ProjectInfo(ctx, opts.Instance)
	if err != nil {
		return err
	}
	v := View{Info: project.InfoOf(info, shared.Loc())}
	if info.ProjectStatus != "Finish" {
		cur, err := client.CurrentNode(ctx, opts.Instance)
		if err != nil {
			return err
		}
		n := project.NodeOf(cur, shared.Loc())
		v.Current = &n
	}
	return f.Print(v, func() error { return render(f, v) })
}

func render(f *cmdutil.Factory, v View) error {
	kv := f.IOStreams.NewKeyValue()
	add := func(key, val string) {
		if val != "" {
			kv.Add(f.T(key), val)
		}
	}
	add("field.instance.id", v.Instance)
	add("field.instance.order", strconv.FormatInt(v.Order, 10))
	add("field.instance.product", v.Product+" "+v.ProductName)
	add("field.instance.sku", v.Sku)
	add("field.project.status", f.EnumBeside(i18n.EnumProjectState, v.Status))
	add("field.project.step", f.T("project.step.of", v.Step, v.FinalStep))
	if c := v.Current; c != nil {
		add("field.project.current", f.T("project.node.line", c.Name, c.Id, shared.Role(f, c.Role), f.Enum(i18n.EnumNodeState, c.Status)))
		if t, err := time.Parse(time.RFC3339, c.ExpiresAt); err == nil {
			kv.AddTime(f.T("field.project.nodedue"), t)
		}
	}
	add("field.project.template", strconv.FormatInt(v.Template, 10))
	for _, tm := range []struct{ key, at string }{{"field.project.created", v.CreatedAt}, {"field.project.finished", v.FinishedAt}, {"field.instance.ends", v.ExpiresAt}} {
		if t, err := time.Parse(time.RFC3339, tm.at); err == nil {
			kv.AddTime(f.T(tm.key), t)
		}
	}
	return kv.Render()
}
