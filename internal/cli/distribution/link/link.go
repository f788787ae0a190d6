// Package link is `mkt distribution link`.
package link

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// MaxCodes is how many products one call takes.
const MaxCodes = 50

// Options are the inputs of `mkt distribution link`.
type Options struct {
	Factory *cmdutil.Factory
	Codes   []string
}

// NewCmdLink builds `mkt distribution link`; runF replaces the run in tests.
func NewCmdLink(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	return &cobra.Command{
		Use:   "link <product-code>...",
		Short: "Print the promotion links of promoted products (up to 50)",
		Example: `  mkt distribution link cmgj10000001
  mkt distribution link cmgj10000001 cmapi10000002 -o json`,
		Args:              cmdutil.MinimumArgs(1, "<product-code>..."),
		ValidArgsFunction: cmdutil.CompleteArgs(0, cmdutil.ProductCodes, f),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > MaxCodes {
				return cmdutil.FlagError("distribution.link.many", len(args), MaxCodes)
			}
			for _, a := range args {
				if err := cmdutil.CheckProductCode(a); err != nil {
					return err
				}
			}
			opts.Codes = args
			if runF != nil {
				return runF(opts)
			}
			return linkRun(cmd.Context(), opts)
		},
	}
}

func linkRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	client, err := f.Client()
	if err != nil {
		return err
	}
	links, err := client.DistributionLinks(ctx, opts.Codes)
	if err != nil {
		return err
	}
	col := func(h string, text func(Link) string) cmdutil.Column[Link] {
		return cmdutil.Column[Link]{Header: h, Text: text}
	}
	p := cmdutil.NewListPrinter(f,
		col(f.T("col.code"), func(l Link) string { return l.Code }),
		col(f.T("col.name"), func(l Link) string { return l.Name }),
		col(f.T("col.link"), func(l Link) string { return l.Url }))
	p.AddPage(rows(links), 0)
	return p.Finish(nil)
}

// Link is one product's promotion link as printed.
type Link struct {
	Code string `json:"code"`
	Name string `json:"name"`
	Url  string `json:"url"`
}

func rows(ls []marketapi.DistributionLink) []Link {
	out := make([]Link, len(ls))
	for i, l := range ls {
		out[i] = Link(l)
	}
	return out
}
