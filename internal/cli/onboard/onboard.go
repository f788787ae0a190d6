// Package onboard is `mkt onboard`: the onboarding materials (FAQ 一) — the operation plan,
// the API-data authorization statement.
package onboard

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/exitcode"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/invoice"
	"github.com/mkt-cli/mkt/internal/onboard"
)

// NewCmdOnboard builds `mkt onboard`.
func NewCmdOnboard(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "onboard <command>",
		Short: "Onboarding materials (入驻): the operation plan and the API-data authorization",
		Long: `The marketplace's onboarding application (入驻申请) asks for an operation plan (运营计划,
FAQ 一 Q3) and, for API products, an API-data authorization (FAQ 一 Q2): a statement that the
APIs and data are your own (signed and sealed), or a 增值电信业务经营许可证.

'plan init', 'plan check' and 'statement' work on local files and need no account;
'submit' uploads the materials and submits the application, 'status' shows its review.`,
		Args: cobra.ArbitraryArgs,
		RunE: cmdutil.GroupRunE,
	}
	plan := &cobra.Command{
		Use:   "plan <command>",
		Short: "Write and check the operation plan (运营计划, FAQ 一 Q3)",
		Args:  cobra.ArbitraryArgs,
		RunE:  cmdutil.GroupRunE,
	}
	plan.AddCommand(newPlanInit(f), newPlanCheck(f))
	cmd.AddCommand(plan, newStatement(f), newSubmit(f), newStatus(f))
	return cmd
}

func newPlanInit(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "init",
		Short: "Print an operation-plan template with the four parts the marketplace asks for",
		Long: `Print a Markdown operation plan with the four parts of FAQ 一 Q3 — the time points for
listing products, the value the products give users, the operation actions after onboarding,
and the annual revenue target — each with a hint (an HTML comment) of what to write. The
headings follow --lang.`,
		Example: `  mkt onboard plan init > plan.md
  mkt onboard plan init --lang en > plan.md`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := io.WriteString(f.IOStreams.Out, onboard.Template(f.Lang()))
			return err
		},
	}
}

// CheckResult is what `mkt onboard plan check -o json` prints.
type CheckResult struct {
	File     string         `json:"file"`
	OK       bool           `json:"ok"`
	Problems []CheckProblem `json:"problems"`
}

// CheckProblem is one problem of a plan.
type CheckProblem struct {
	Part    string `json:"part"`
	Line    int    `json:"line,omitempty"`
	Message string `json:"message"`
}

func newPlanCheck(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "check <plan.md>",
		Short: "Check that an operation plan covers the four parts (exit 2 if not)",
		Long: `Check a Markdown operation plan: each of the four parts must be there (a ## heading, in
Chinese or English) and not empty; the listing time points must hold real dates
(2027-01-15, 2027年3月); the annual revenue target must be a number with a unit (500 万元,
RMB 5,000,000). Every problem is reported, by part name; exit 2 when there is one.`,
		Example: `  mkt onboard plan check plan.md
  mkt onboard plan check - < plan.md
  mkt onboard plan check plan.md -o json`,
		Args: cmdutil.ExactArgs(1, "<plan.md>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return planCheckRun(f, args[0])
		},
	}
}

func planCheckRun(f *cmdutil.Factory, path string) error {
	var src []byte
	var err error
	if path == "-" {
		src, err = io.ReadAll(f.IOStreams.In)
	} else {
		src, err = os.ReadFile(path)
	}
	if err != nil {
		return cmdutil.FlagError("onboard.read", path, err.Error())
	}
	lang := f.Lang()
	probs := onboard.ParsePlan(src).Check()
	res := CheckResult{File: path, OK: len(probs) == 0, Problems: []CheckProblem{}}
	for _, p := range probs {
		res.Problems = append(res.Problems, CheckProblem{Part: p.Part, Line: p.Line, Message: p.Msg.In(lang)})
	}
	if err := f.Print(res, func() error {
		for _, p := range res.Problems {
			if p.Line > 0 {
				fmt.Fprintf(f.IOStreams.Out, "%s%s\n", i18n.T(lang, "manifest.at", p.Line), p.Message)
			} else {
				fmt.Fprintln(f.IOStreams.Out, p.Message)
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if v := onboard.Violation(probs); v != nil {
		return &cmdutil.Error{Kind: exitcode.Usage, Code: v.Code, Msg: v.Msg, Remedy: v.Remedy}
	}
	f.Success("plan.ok")
	return nil
}

func newStatement(f *cmdutil.Factory) *cobra.Command {
	var company, date, format string
	cmd := &cobra.Command{
		Use:   "statement --company <name>",
		Short: "Render the API-data authorization statement (FAQ 一 Q2) to print, sign and seal",
		Long: `Render the self-developed API-data authorization statement from the marketplace's template
(FAQ 一 Q2): "兹证明本公司开发所有 API 接口及数据均为本公司自己开发", the company, the date, and a
place for the company seal. Print it (the HTML is laid out for A4 from a browser), sign and
seal it, and upload the scan with the application. If you hold a 增值电信业务经营许可证,
give that instead.`,
		Example: `  mkt onboard statement --company 杭州示例科技有限公司 --format html > statement.html
  mkt onboard statement --company 杭州示例科技有限公司 --date 2026-12-01`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if company == "" {
				return cmdutil.FlagError("statement.company")
			}
			d := time.Now().In(invoice.CST)
			if date != "" {
				t, err := time.Parse("2006-01-02", date)
				if err != nil {
					return cmdutil.FlagError("statement.date", date)
				}
				d = t
			}
			s := onboard.Statement{Company: company, Date: d}
			var out string
			switch format {
			case "md", "markdown":
				out = s.Markdown(f.Lang())
			case "html":
				out = s.HTML(f.Lang())
			default:
				return cmdutil.FlagError("statement.format", format)
			}
			_, err := io.WriteString(f.IOStreams.Out, out)
			return err
		},
	}
	cmd.Flags().StringVar(&company, "company", "", "the company's registered name (as on the business licence)")
	cmd.Flags().StringVar(&date, "date", "", "the statement's date, YYYY-MM-DD (default: today, China time)")
	cmd.Flags().StringVar(&format, "format", "md", "md or html")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"md", "html"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}
