// Package submit is `mkt onboard submit`.
package submit

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/exitcode"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/onboard"
	"github.com/mkt-cli/mkt/internal/rules"
)

// Application is onboarding.yaml: what `mkt onboard submit --from-file` sends.
type Application struct {
	Company    string `yaml:"company"`
	CreditCode string `yaml:"creditCode"`
	Contact    struct {
		Name   string `yaml:"name"`
		Mobile string `yaml:"mobile"`
		Email  string `yaml:"email"`
	} `yaml:"contact"`
	Authorization struct {
		Statement     string `yaml:"statement"`     // the scan of the sealed statement
		Licence       string `yaml:"licence"`       // or the scan of the 增值电信业务经营许可证
		LicenceNumber string `yaml:"licenceNumber"` // and its number
	} `yaml:"authorization"`
	OperationPlan string `yaml:"operationPlan"` // a Markdown plan (mkt onboard plan init)
}

// scanTypes and planTypes are the file types each material takes.
var (
	scanTypes = []string{".pdf", ".png", ".jpg", ".jpeg"}
	planTypes = []string{".md", ".txt"}
)

func has(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// readMaterial reads a file named in onboarding.yaml (relative to it), checking type and size
// before anything is uploaded.
func readMaterial(dir, field, path string, types []string) ([]byte, error) {
	if path == "" {
		return nil, cmdutil.FlagError("onboard.field", field)
	}
	if !filepath.IsAbs(path) {
		path = filepath.Join(dir, path)
	}
	ext := strings.ToLower(filepath.Ext(path))
	if !has(types, ext) {
		return nil, cmdutil.FlagError("onboard.filetype", field, path, strings.Join(types, " "))
	}
	return cmdutil.ReadUpload(path, marketapi.MaxUploadBytes)
}

// NewCmdSubmit builds `mkt onboard submit`.
func NewCmdSubmit(f *cmdutil.Factory) *cobra.Command {
	var file string
	cmd := &cobra.Command{
		Use:   "submit --from-file onboarding.yaml",
		Short: "Upload the materials and submit the onboarding application",
		Long: `Check the application in onboarding.yaml, upload its files and submit it; the application
ID is printed. Checked before anything is sent: the unified social credit code (its GB 32100
check character), the contact's mobile, the API-data authorization (the sealed statement,
or a 增值电信业务经营许可证 with its number: FAQ 一 Q2), the operation plan's four parts
(FAQ 一 Q3), and each file's type and size. File paths are relative to onboarding.yaml.

  company: 杭州示例科技有限公司
  creditCode: 91330100799655058B
  contact: {name: 王五, mobile: "13800138000", email: ops@example.com}
  authorization:
    statement: statement-sealed.png      # or: licence: licence.pdf + licenceNumber: 浙B2-20080224
  operationPlan: plan.md

Submitting again with the same file in the same state is one application (a retry); after
a rejection, fix what the reviewer said and submit again.`,
		Example: `  mkt onboard submit --from-file onboarding.yaml
  mkt onboard status`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if file == "" {
				return cmdutil.FlagError("onboard.nofile")
			}
			return submitRun(cmd.Context(), f, file)
		},
	}
	cmd.Flags().StringVarP(&file, "from-file", "f", "", "the application (onboarding.yaml)")
	return cmd
}

func submitRun(ctx context.Context, f *cmdutil.Factory, file string) error {
	src, err := os.ReadFile(file)
	if err != nil {
		return cmdutil.FlagError("onboard.read", file, i18n.OSErr(err))
	}
	var app Application
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	if err := dec.Decode(&app); err != nil {
		return cmdutil.FlagError("onboard.yaml", file, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	var in market.OnboardingInput
	files, err := checkApplication(f, app, filepath.Dir(file), &in)
	if err != nil {
		return err
	}
	client, err := f.Client()
	if err != nil {
		return err
	}
	cur, err := client.Onboarding(ctx)
	if err != nil {
		return err
	}
	for _, fl := range files {
		up, err := client.UploadFile(ctx, fl.name, fl.content, market.ContentToken("ob-file", fl.content))
		if err != nil {
			return err
		}
		*fl.id = up.FileId
	}
	// One token per content and state: a retry is one application, a resubmission after a
	// rejection is a new one. (Same files, same IDs: the uploads are replays.)
	a, err := client.SubmitOnboarding(ctx, in, market.ContentToken("ob", in, cur.ApplicationId, cur.Status))
	if err != nil {
		return err
	}
	f.Success("onboard.submitted", a.ApplicationId, i18n.E(i18n.EnumOnboarding, a.Status))
	return f.Print(a, func() error {
		_, err := fmt.Fprintln(f.IOStreams.Out, a.ApplicationId)
		return err
	})
}

type material struct {
	name    string
	content []byte
	id      *string
}

// checkApplication runs every check of the application locally and reads its files.
// The files' IDs are filled into in as they are uploaded.
func checkApplication(f *cmdutil.Factory, app Application, dir string, in *market.OnboardingInput) ([]material, error) {
	// Every field is checked, and every problem reported, in one run: a merchant fixes the
	// file once, not once per mistake.
	var probs []error
	add := func(err error) { probs = append(probs, err) }
	*in = market.OnboardingInput{CompanyName: strings.TrimSpace(app.Company), ContactName: strings.TrimSpace(app.Contact.Name),
		ContactEmail: strings.TrimSpace(app.Contact.Email)}
	if in.CompanyName == "" {
		add(cmdutil.FlagError("onboard.field", "company"))
	}
	if in.ContactName == "" {
		add(cmdutil.FlagError("onboard.field", "contact.name"))
	}
	if code, v := rules.CheckCreditCode(app.CreditCode); v != nil {
		add(cmdutil.RuleViolation(v))
	} else {
		in.CreditCode = code
	}
	if mobile, kind, v := rules.CheckPhone(app.Contact.Mobile); v != nil || kind != rules.PhoneMobile {
		add(cmdutil.FlagError("onboard.mobile", app.Contact.Mobile))
	} else {
		in.ContactMobile = mobile
	}
	var files []material
	au := app.Authorization
	switch {
	case au.Statement != "" && au.Licence != "":
		add(&cmdutil.Error{Kind: exitcode.Usage, Code: rules.CodeDataAuthorization, Msg: i18n.M("onboard.auth.both"), Remedy: i18n.M("remedy.onboard.auth")})
	case au.Statement != "":
		if content, err := readMaterial(dir, "authorization.statement", au.Statement, scanTypes); err != nil {
			add(err)
		} else {
			in.AuthorizationType = "STATEMENT"
			files = append(files, material{filepath.Base(au.Statement), content, &in.AuthorizationFileId})
		}
	case au.Licence != "":
		if au.LicenceNumber == "" {
			add(&cmdutil.Error{Kind: exitcode.Usage, Code: rules.CodeDataAuthorization, Msg: i18n.M("onboard.auth.number"), Remedy: i18n.M("remedy.onboard.auth")})
		} else if v := rules.LicenceNumber(au.LicenceNumber); v != nil {
			add(cmdutil.RuleViolation(v))
		}
		if content, err := readMaterial(dir, "authorization.licence", au.Licence, scanTypes); err != nil {
			add(err)
		} else {
			in.AuthorizationType, in.LicenceNumber = "LICENCE", strings.TrimSpace(au.LicenceNumber)
			files = append(files, material{filepath.Base(au.Licence), content, &in.AuthorizationFileId})
		}
	default:
		add(&cmdutil.Error{Kind: exitcode.Usage, Code: rules.CodeDataAuthorization, Msg: i18n.M("onboard.auth.none"), Remedy: i18n.M("remedy.onboard.auth")})
	}
	if plan, err := readMaterial(dir, "operationPlan", app.OperationPlan, planTypes); err != nil {
		add(err)
	} else if pp := onboard.ParsePlan(plan).Check(); len(pp) > 0 {
		for _, p := range pp {
			fmt.Fprintln(f.IOStreams.ErrOut, p.Msg.In(f.Lang()))
		}
		v := onboard.Violation(pp)
		add(&cmdutil.Error{Kind: exitcode.Usage, Code: v.Code, Msg: v.Msg, Remedy: v.Remedy})
	} else {
		files = append(files, material{filepath.Base(app.OperationPlan), plan, &in.OperationPlanFileId})
	}
	return files, cmdutil.Join(probs, "onboard.problems")
}
