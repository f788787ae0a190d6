// Package set is `mkt product agreement set`.
package set

import (
	"context"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/product/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// NewCmdSet builds `mkt product agreement set`.
func NewCmdSet(f *cmdutil.Factory) *cobra.Command {
	var tpl, file string
	cmd := &cobra.Command{
		Use:   "set <product-code> (--template <id> | --file <path>)",
		Short: "Set a product's agreement from a template or a file",
		Long: `Set the agreement from a built-in template (--template) or upload a file (--file: .pdf,
.doc, .docx, .md, .html or .txt, at most 10 MiB; checked before anything is uploaded).`,
		Example: `  mkt product agreement set cmgj10000001 --template saas-standard-zh
  mkt product agreement set cmgj10000001 --file agreement.pdf`,
		Args:              cmdutil.ExactArgs(1, "<product-code>"),
		ValidArgsFunction: cmdutil.CompleteArgs(0, cmdutil.ProductCodes, f),
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
				var err error
				if content, err = cmdutil.ReadUpload(file, marketapi.MaxUploadBytes); err != nil {
					return err
				}
			}
			return setRun(cmd.Context(), f, code, tpl, file, content)
		},
	}
	cmd.Flags().StringVar(&tpl, "template", "", "a template ID (see: mkt product agreement template)")
	_ = cmd.RegisterFlagCompletionFunc("template", cmdutil.CompleteEach(cmdutil.AgreementTemplateIDs, f))
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
