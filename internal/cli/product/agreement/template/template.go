// Package template is `mkt product agreement template`.
package template

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/product/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// NewCmdTemplate builds `mkt product agreement template`.
func NewCmdTemplate(f *cmdutil.Factory) *cobra.Command {
	var id string
	cmd := &cobra.Command{
		Use:   "template",
		Short: "List the agreement templates, or print one to edit",
		Example: `  mkt product agreement template
  mkt product agreement template --id saas-standard-zh > agreement.md`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			client, err := f.Client()
			if err != nil {
				return err
			}
			tpls, err := client.AgreementTemplates(cmd.Context(), id)
			if err != nil {
				return err
			}
			if id != "" {
				return f.Print(tpls[0], func() error {
					_, err := fmt.Fprint(f.IOStreams.Out, tpls[0].Content)
					return err
				})
			}
			return f.Print(tpls, func() error {
				ios := f.IOStreams
				t := ios.NewTable(f.T("col.id"), f.T("col.name"), f.T("col.type"), f.T("col.lang"))
				for _, tp := range tpls {
					t.AddStyledField(tp.TemplateId, ios.Styles().ID)
					t.AddField(tp.Name)
					t.AddField(shared.TypeLabel(f, tp.ProductType))
					t.AddField(tp.Language)
					t.EndRow()
				}
				return t.Render()
			})
		},
	}
	cmd.Flags().StringVar(&id, "id", "", "print this template's text")
	return cmd
}
