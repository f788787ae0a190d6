// Package todo is `mkt todo`.
package todo

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/listing"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/exitcode"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/todo"
)

// Options are the inputs of `mkt todo`.
type Options struct {
	Factory *cmdutil.Factory
	// File is a listing manifest whose plan adds to the list (drift, against live).
	File string
	// ExitCode makes anything outstanding exit 9.
	ExitCode bool
}

// NewCmdTodo builds `mkt todo`; runF replaces the run in tests.
func NewCmdTodo(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "todo [-f listing.yaml]",
		Short: "What stands between you and selling, each with the command that resolves it",
		Long: `The to-do list of the seller console (待办事项, FAQ 二): the onboarding application not
submitted or rejected, the shop not decorated, the settlement account missing or failed,
rejected products, invoice requests due within the 7-day window, Compute Nest service versions
rejected in review and not sent again, and buyers' requests to use your restricted Compute
Nest services. Each line has the command that resolves it. Nothing to do: exit 0 (and a friendly line on a terminal). With
--exit-code, a scheduled job fails when anything is outstanding: exit 9 and a count on stderr.

Against Alibaba Cloud's public API (no seller extension) it lists what that API can see —
invoice requests due, SPI notifications not delivered — says one line for each part it cannot
check, and with -f a listing manifest, each listed product that drifted from it.`,
		Example: "  mkt todo\n  mkt todo -f listing.yaml -o json\n  mkt todo --exit-code   # in a scheduled CI job: fails while something is outstanding",
		Args:    cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return todoRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVarP(&opts.File, "file", "f", "", "a listing manifest: add what its plan leaves to do (drift, against live)")
	cmd.Flags().BoolVar(&opts.ExitCode, "exit-code", false, "exit 9 when anything is outstanding (for scheduled jobs)")
	return cmd
}

var errOutstanding = errors.New("items are outstanding")

// partKeys name the parts of the list that a target may not offer.
var partKeys = map[string]string{
	todo.PartOnboarding: "todo.part.onboarding",
	todo.PartShop:       "todo.part.shop",
	todo.PartSettlement: "todo.part.settlement",
	todo.PartProducts:   "todo.part.products",
}

func todoRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	client, err := f.Client()
	if err != nil {
		return err
	}
	snap, err := todo.Gather(ctx, client, func(part string) {
		if part == todo.PartNest {
			fmt.Fprintln(f.IOStreams.ErrOut, f.T("todo.unchecked.nest"))
			return
		}
		fmt.Fprintln(f.IOStreams.ErrOut, f.T("todo.unchecked", f.T(partKeys[part])))
	})
	if err != nil {
		return err
	}
	now, err := f.MarketNow(ctx)
	if err != nil {
		return err
	}
	items := todo.Compute(snap, now, f.Lang())
	if opts.File != "" {
		plan, _, err := listing.LoadPlan(ctx, f, client, opts.File)
		if err != nil {
			return err
		}
		items = append(items, todo.FromPlan(plan, opts.File, f.Lang())...)
	}
	err = f.Print(items, func() error {
		if len(items) == 0 {
			if f.IOStreams.IsStdoutTTY() {
				fmt.Fprintln(f.IOStreams.Out, f.T("todo.empty"))
			}
			return nil
		}
		st := f.IOStreams.Styles()
		t := f.IOStreams.NewTable(f.T("col.kind"), f.T("col.todo"), f.T("col.fix"))
		for _, it := range items {
			t.AddField(f.Enum(i18n.EnumTodoKind, it.Kind))
			t.AddField(it.Message)
			t.AddStyledField(it.Fix, st.Muted)
			t.EndRow()
		}
		return t.Render()
	})
	if err == nil && opts.ExitCode && len(items) > 0 {
		fmt.Fprintln(f.IOStreams.ErrOut, f.T("todo.outstanding", len(items)))
		return &cmdutil.Error{Kind: exitcode.Changes, Silent: true, Err: errOutstanding}
	}
	return err
}
