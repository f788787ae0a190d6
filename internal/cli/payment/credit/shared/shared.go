// Package shared is what the `mkt payment credit` verbs share: printing the settings and
// turning credit payment on or off.
package shared

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// PrintCredit prints the credit-payment settings, one listed product a row.
func PrintCredit(f *cmdutil.Factory, cp marketapi.CreditPayment) error {
	return f.Print(cp, func() error {
		st := f.IOStreams.Styles()
		t := f.IOStreams.NewTable(f.T("col.code"), f.T("col.name"), f.T("col.credit"))
		for _, p := range cp.Products {
			t.AddStyledField(p.Code, st.ID)
			t.AddField(p.Name)
			if p.Enabled {
				t.AddStyledField(f.T("credit.enabled"), st.Success)
			} else {
				t.AddStyledField(f.T("credit.disabled"), st.Muted)
			}
			t.EndRow()
		}
		return t.Render()
	})
}

// ToggleOptions are the inputs of `mkt payment credit enable|disable`.
type ToggleOptions struct {
	Factory *cmdutil.Factory
	Product string // "": every listed product
	Enabled bool
}

// NewCmdToggle builds `enable` or `disable`; runF replaces the run in tests.
func NewCmdToggle(f *cmdutil.Factory, enabled bool, use, short string, runF func(*ToggleOptions) error) *cobra.Command {
	opts := &ToggleOptions{Factory: f, Enabled: enabled}
	cmd := &cobra.Command{
		Use:     use + " [--product <code>]",
		Short:   short,
		Example: "  mkt payment credit " + use + "\n  mkt payment credit " + use + " --product cmgj10000001",
		Args:    cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Product != "" {
				if err := cmdutil.CheckProductCode(opts.Product); err != nil {
					return err
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return toggleRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Product, "product", "", "only this listed product")
	return cmd
}

func toggleRun(ctx context.Context, opts *ToggleOptions) error {
	client, err := opts.Factory.Client()
	if err != nil {
		return err
	}
	cp, err := client.ModifyCreditPayment(ctx, opts.Product, opts.Enabled, "")
	if err != nil {
		return err
	}
	return PrintCredit(opts.Factory, cp)
}
