// Package agreement is `mkt product agreement template|set` (FAQ 三 Q3).
package agreement

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/product/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// NewCmdAgreement builds `mkt product agreement`.
func NewCmdAgreement(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "agreement <command>",
		Short: "User agreements: start from a template, or upload your own",
		Long: `A product's user agreement comes from a template (import it, edit it) or from your
company's own agreement file (FAQ 三 Q3).`,
		Args: cobra.ArbitraryArgs,
		RunE: cmdutil.GroupRunE,
	}
	cmd.AddCommand(newTemplate(f), newSet(f))
	return cmd
}

func newTemplate(f *cmdutil.Factory) *cobra.Command {
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
				t := ios.NewTable(f.T("col.id"), f.T("col.name"), f.T("col.lang"))
				for _, tp := range tpls {
					t.AddStyledField(tp.TemplateId, ios.Styles().ID)
					t.AddField(tp.Name)
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

// MaxAgreementBytes is the upload limit for an agreement file.
const MaxAgreementBytes = marketapi.MaxUploadBytes

func newSet(f *cmdutil.Factory) *cobra.Command {
	var tpl, file string
	cmd := &cobra.Command{
		Use:   "set <product-code> (--template <id> | --file <path>)",
		Short: "Set a product's agreement from a template or a file",
		Long: `Set the agreement from a built-in template (--template) or upload a file (--file: .pdf,
.doc, .docx, .md, .html or .txt, at most 10 MiB; checked before anything is uploaded).`,
		Example: `  mkt product agreement set cmgj10000001 --template saas-standard-zh
  mkt product agreement set cmgj10000001 --file agreement.pdf`,
		Args: cmdutil.ExactArgs(1, "<product-code>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			code := args[0]
			if err := cmdutil.CheckProductCode(code); err != nil {
				return err
			}
			if (tpl == "") == (file == "") {
				return cmdutil.FlagError("agreement.one").WithRemedy("remedy.help", cmd.CommandPath())
			}
			var content []byte
			if file != "" {
				ext := strings.ToLower(filepath.Ext(file))
				if !marketapi.AgreementExtensions[ext] {
					return cmdutil.FlagError("agreement.type", file)
				}
				st, err := os.Stat(file)
				if err != nil {
					return cmdutil.FlagError("product.file.read", file, err)
				}
				if st.Size() == 0 || st.Size() > MaxAgreementBytes {
					return cmdutil.FlagError("agreement.size", file, st.Size())
				}
				if content, err = os.ReadFile(file); err != nil {
					return cmdutil.FlagError("product.file.read", file, err)
				}
			}
			return setRun(cmd.Context(), f, code, tpl, file, content)
		},
	}
	cmd.Flags().StringVar(&tpl, "template", "", "a template ID (see: mkt product agreement template)")
	cmd.Flags().StringVar(&file, "file", "", "an agreement file to upload")
	return cmd
}

func setRun(ctx context.Context, f *cmdutil.Factory, code, tpl, file string, content []byte) error {
	client, err := f.Client()
	if err != nil {
		return err
	}
	fileID := ""
	if file != "" {
		// The token is derived from the content, so re-running after a failure uploads once.
		up, err := client.UploadFile(ctx, filepath.Base(file), content, market.ContentToken("agr", code, filepath.Base(file), content))
		if err != nil {
			return err
		}
		fileID = up.FileId
	}
	p, err := client.ModifyProductAgreement(ctx, code, tpl, fileID)
	if err != nil {
		return err
	}
	f.Success("agreement.set", p.Code)
	return shared.PrintCode(f, p)
}
