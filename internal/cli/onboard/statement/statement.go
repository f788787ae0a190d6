// Package statement is `mkt onboard statement`.
package statement

import (
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/invoice"
	"github.com/mkt-cli/mkt/internal/onboard"
)

// NewCmdStatement builds `mkt onboard statement`.
func NewCmdStatement(f *cmdutil.Factory) *cobra.Command {
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
