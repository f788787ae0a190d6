// Package show is `mkt product endpoint show`.
package show

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/product/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/rules"
)

// Options are the inputs of the endpoint verbs.
type Options struct {
	Factory  *cmdutil.Factory
	Code     string
	URL      string
	Check    bool
	KeyStdin bool
}

// Endpoint is what `endpoint show -o json` prints.
type Endpoint struct {
	Code          string
	Status        string
	DeliveryMode  string
	ProductionUrl string
	Locked        bool
}

// NewCmdShow builds `mkt product endpoint show`.
func NewCmdShow(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:               "show <product-code>",
		Short:             "Show the production URL and whether it may change now",
		Example:           "  mkt product endpoint show cmgj10000001",
		Args:              cmdutil.ExactArgs(1, "<product-code>"),
		ValidArgsFunction: cmdutil.CompleteArgs(0, cmdutil.ProductCodes, f),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Code = args[0]
			if err := cmdutil.CheckProductCode(opts.Code); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return showRun(cmd.Context(), opts)
		},
	}
}

func showRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	client, err := f.Client()
	if err != nil {
		return err
	}
	p, err := client.GetProduct(ctx, opts.Code)
	if err != nil {
		return err
	}
	e := Endpoint{Code: p.Code, Status: p.Status, DeliveryMode: p.DeliveryMode, ProductionUrl: p.ProductionUrl,
		Locked: rules.URLLocked(p.Code, rules.State(p.Status)) != nil}
	return f.Print(e, func() error {
		ios := f.IOStreams
		st := ios.Styles()
		t := ios.NewTable()
		t.AddStyledField(f.T("product.f.produrl"), st.Bold)
		t.AddField(e.ProductionUrl)
		t.EndRow()
		t.AddStyledField(f.T("product.f.status"), st.Bold)
		t.AddStyledField(f.Enum(i18n.EnumProductState, e.Status), shared.StateStyle(st, e.Status))
		t.EndRow()
		t.AddStyledField(f.T("product.f.changeable"), st.Bold)
		if e.Locked {
			t.AddStyledField(f.T("product.endpoint.locked"), st.Warning)
		} else {
			t.AddStyledField(f.T("product.endpoint.open"), st.Success)
		}
		t.EndRow()
		return t.Render()
	})
}
