// Package issue is `mkt invoice issue`.
package issue

import (
	"context"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/invoice/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/invoicing"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// Options are the inputs of `mkt invoice issue`.
type Options struct {
	Factory *cmdutil.Factory
	ID      string
	Number  string
	URL     string
	File    string
	Type    string
	Note    string
}

// NewCmdIssue builds `mkt invoice issue`; runF replaces the run in tests.
func NewCmdIssue(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "issue <invoice-id> --number <invoice-number> [--url <e-invoice url> | --file <invoice.pdf>]",
		Short: "Record that you issued an invoice (ModifyInvoiceForIsv, issue)",
		Long: `Record an issued invoice: its number, and where the buyer downloads it (--url), or the
file itself (--file, uploaded first; sandbox and mkt's seller extension). Issuing a request
that is already done is refused; issuing again with the same number after a timeout is not
issued twice.`,
		Example: `  mkt invoice issue 4072040001 --number 24332000000012345678 --url https://isv.example.com/invoices/123.pdf
  mkt invoice issue 4072040001 --number 24332000000012345678 --file invoice.pdf --type 3`,
		Args:              cmdutil.ExactArgs(1, "<invoice-id>"),
		ValidArgsFunction: cmdutil.CompleteArgs(0, cmdutil.OpenInvoiceIDs, f),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = args[0]
			if err := shared.CheckID(opts.ID); err != nil {
				return err
			}
			var probs []error
			if strings.TrimSpace(opts.Number) == "" {
				probs = append(probs, cmdutil.FlagError("invoice.number").WithRemedy("remedy.help", cmd.CommandPath()))
			}
			if opts.URL != "" && opts.File != "" {
				probs = append(probs, cmdutil.FlagError("invoice.urlfile"))
			}
			if opts.Type != "" && opts.Type != "2" && opts.Type != "3" {
				probs = append(probs, cmdutil.FlagError("invoice.type", opts.Type))
			}
			if err := cmdutil.Join(probs, "flags.problems"); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return issueRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Number, "number", "", "the invoice number (required)")
	cmd.Flags().StringVar(&opts.URL, "url", "", "where the buyer downloads the e-invoice")
	cmd.Flags().StringVar(&opts.File, "file", "", "the e-invoice file (.pdf, .png, .jpg) to upload")
	cmd.Flags().StringVar(&opts.Type, "type", "", "2 (digital ordinary) or 3 (digital special VAT); default: as requested")
	cmdutil.EnumFlag(cmd, "type", "2", "3")
	cmd.Flags().StringVar(&opts.Note, "note", "", "a remark for the buyer (CheckNotice)")
	return cmd
}

func issueRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	content, err := readFile(opts.File)
	if err != nil {
		return err
	}
	client, err := f.Client()
	if err != nil {
		return err
	}
	// The file is uploaded only when the request is still open.
	link := func() (string, error) {
		if content == nil {
			return opts.URL, nil
		}
		up, err := client.UploadFile(ctx, filepath.Base(opts.File), content, "inv-"+opts.ID+"-"+opts.Number)
		if err != nil {
			return "", err
		}
		return up.FileUrl, nil
	}
	out, err := invoicing.Issue(ctx, client, opts.ID, opts.Number, link, opts.Type, opts.Note)
	if err != nil {
		return shared.Handled(err)
	}
	if out == invoicing.AlreadyDone {
		f.Success("invoice.already", opts.ID, opts.Number)
		return nil
	}
	f.Success("invoice.issued", opts.ID, opts.Number)
	return nil
}

// readFile checks and reads the e-invoice file (nil when none is given).
func readFile(path string) ([]byte, error) {
	if path == "" {
		return nil, nil
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".pdf", ".png", ".jpg", ".jpeg":
	default:
		return nil, cmdutil.FlagError("invoice.file.type", path)
	}
	return cmdutil.ReadUpload(path, marketapi.MaxUploadBytes)
}
