// Package set is `mkt product agreement set`.
package set

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/agreement"
	"github.com/mkt-cli/mkt/internal/cli/product/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/rules"
)

// Options are the flags of `mkt product agreement set`.
type Options struct {
	Factory  *cmdutil.Factory
	Code     string
	Template string
	File     string
	content  []byte
	// Blanks a template is filled with, by flag.
	Company, ProductName, Support, Date, Hours string
	Set                                        []string
}

// NewCmdSet builds `mkt product agreement set`.
func NewCmdSet(f *cmdutil.Factory) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "set <product-code> (--template <id> [--company … --support …] | --file <path>)",
		Short: "Set a product's agreement from a template filled in, or from a file",
		Long: `Set the agreement from a built-in template (--template), filled in, or upload the company's
own file (--file: .pdf, .doc, .docx, .md, .html or .txt, at most 10 MiB) — FAQ 三 Q3.

A template has blanks: 【公司名称】, 【商品名称】, 【YYYY-MM-DD】… (in English templates
[Company name]…). --company, --support (the channels buyers use) and --hours fill theirs; the
product's name and today's date (China time) fill theirs unless --product-name or --date say
otherwise; --set BLANK=VALUE fills any other by its text (--set 30=60 keeps data 60 days).
Blanks holding a suggested value (【30】, 【99.5%】) keep it unless --set changes it. An
agreement with a blank left is refused, every blank named, before anything is sent; so is a
template written for another type of product (a SaaS template for a service). The filled text
is uploaded as the product's agreement, beside the template it came from.

A text file (.md, .html, .txt) with a blank left is refused the same way.`,
		Example: `  mkt product agreement set cmgj10000001 --template saas-standard-zh --company 杭州示例科技有限公司 --support "旺旺 示例科技 / 400-123-4567"
  mkt product agreement set cmfw10000003 --template service-standard-zh --company 杭州示例科技有限公司 --set 5=10
  mkt product agreement set cmgj10000001 --file agreement.pdf`,
		Args:              cmdutil.ExactArgs(1, "<product-code>"),
		ValidArgsFunction: cmdutil.CompleteArgs(0, cmdutil.ProductCodes, f),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Code = args[0]
			if err := cmdutil.CheckProductCode(opts.Code); err != nil {
				return err
			}
			if err := check(cmd, opts); err != nil {
				return err
			}
			return setRun(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Template, "template", "", "a template ID to fill in (see: mkt product agreement template)")
	_ = cmd.RegisterFlagCompletionFunc("template", cmdutil.CompleteEach(cmdutil.AgreementTemplateIDs, f))
	fl.StringVar(&opts.File, "file", "", "an agreement file to upload")
	fl.StringVar(&opts.Company, "company", "", "the company's registered name, for 【公司名称】")
	fl.StringVar(&opts.ProductName, "product-name", "", "for 【商品名称】 (default: the product's name)")
	fl.StringVar(&opts.Support, "support", "", "the channels buyers use after a purchase, for 【联系方式】")
	fl.StringVar(&opts.Hours, "hours", "", "support hours, for 【9:00–18:00】")
	fl.StringVar(&opts.Date, "date", "", "the agreement's date, for 【YYYY-MM-DD】 (default: today, China time)")
	fl.StringArrayVar(&opts.Set, "set", nil, "fill any blank by its text: BLANK=VALUE (repeatable)")
	return cmd
}

// check refuses, before anything is sent, a template and a file together (or neither), a file
// that cannot be an agreement or has a blank left, a bad --date or --set.
func check(cmd *cobra.Command, opts *Options) error {
	if (opts.Template == "") == (opts.File == "") {
		return cmdutil.FlagError("agreement.one").WithRemedy("remedy.help", cmd.CommandPath())
	}
	if opts.File != "" {
		ext := strings.ToLower(filepath.Ext(opts.File))
		if !marketapi.AgreementExtensions[ext] {
			return cmdutil.FlagError("agreement.type", opts.File)
		}
		var err error
		if opts.content, err = cmdutil.ReadUpload(opts.File, marketapi.MaxUploadBytes); err != nil {
			return err
		}
		if ext == ".md" || ext == ".html" || ext == ".txt" {
			if err := cmdutil.RuleViolation(rules.UnfilledAgreement(agreement.Placeholders(string(opts.content)))); err != nil {
				return err
			}
		}
	}
	if opts.Date != "" {
		if _, err := time.Parse("2006-01-02", opts.Date); err != nil {
			return cmdutil.FlagError("statement.date", opts.Date)
		}
	}
	for _, kv := range opts.Set {
		if k, _, ok := strings.Cut(kv, "="); !ok || strings.TrimSpace(k) == "" {
			return cmdutil.FlagError("agreement.set.format", kv)
		}
	}
	return nil
}

func setRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	client, err := f.Client()
	if err != nil {
		return err
	}
	code, content, fileName := opts.Code, opts.content, filepath.Base(opts.File)
	if opts.Template != "" {
		if content, fileName, err = fill(ctx, f, client, opts); err != nil {
			return err
		}
	}
	// The token is derived from the content, so re-running after a failure uploads once.
	up, err := client.UploadFile(ctx, fileName, content, market.ContentToken("agr", code, fileName, content))
	if err != nil {
		return err
	}
	p, err := client.ModifyProductAgreement(ctx, code, opts.Template, up.FileId)
	if err != nil {
		return err
	}
	f.Success("agreement.set", p.Code)
	return shared.PrintCode(f, p)
}

// fill reads the template, checks that it fits the product, fills its blanks from the flags
// and refuses it while any blank is left.
func fill(ctx context.Context, f *cmdutil.Factory, client *market.Client, opts *Options) ([]byte, string, error) {
	tpls, err := client.AgreementTemplates(ctx, opts.Template)
	if err != nil {
		return nil, "", err
	}
	if len(tpls) == 0 {
		return nil, "", cmdutil.NotFoundError("agreement.template.none", opts.Template)
	}
	tpl := tpls[0]
	p, err := client.GetProduct(ctx, opts.Code)
	if err != nil {
		return nil, "", err
	}
	if err := cmdutil.RuleViolation(rules.AgreementTemplateFits(p.Code, rules.ProductType(p.Type), tpl.TemplateId, tpl.ProductType)); err != nil {
		return nil, "", err
	}
	date := opts.Date
	if date == "" {
		date = time.Now().In(time.FixedZone("CST", 8*3600)).Format("2006-01-02")
	}
	name := opts.ProductName
	if name == "" {
		name = p.Name
	}
	set := map[string]string{}
	for _, kv := range opts.Set {
		k, v, _ := strings.Cut(kv, "=")
		set[k] = v
	}
	values, kept := agreement.Fields{ProductName: name, Company: opts.Company, Support: opts.Support,
		Hours: opts.Hours, Date: date, Set: set}.Values(tpl.Content)
	text, left := agreement.Fill(tpl.Content, values)
	if err := cmdutil.RuleViolation(rules.UnfilledAgreement(left)); err != nil {
		return nil, "", err
	}
	for _, k := range kept {
		fmt.Fprintln(f.IOStreams.ErrOut, f.T("agreement.kept", k))
	}
	return []byte(text), fmt.Sprintf("%s-%s.md", tpl.TemplateId, p.Code), nil
}
