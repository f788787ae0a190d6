package onboard

import (
	"fmt"
	"html"
	"strconv"
	"strings"
	"time"

	"github.com/mkt-cli/mkt/internal/i18n"
)

// StatementText is the self-developed API-data authorization statement of FAQ 一 Q2, word for
// word: the application takes it (signed and sealed, scanned) instead of a 增值电信业务经营许可证.
const StatementText = "兹证明本公司开发所有 API 接口及数据均为本公司自己开发。"

// statementEN is a translation for the reader; the statement submitted is the Chinese one.
const statementEN = "We hereby certify that all API interfaces and data developed by our company were developed by our company itself."

// Statement is the authorization statement of a company on a date.
type Statement struct {
	Company string
	Date    time.Time
}

func (s Statement) dateZH() string {
	return fmt.Sprintf("%d 年 %d 月 %d 日", s.Date.Year(), int(s.Date.Month()), s.Date.Day())
}

// Markdown renders the statement as Markdown; lang en adds a translation for the reader.
func (s Statement) Markdown(lang i18n.Lang) string {
	var b strings.Builder
	b.WriteString("# API 数据授权说明书\n\n")
	b.WriteString(StatementText + "\n\n")
	if lang == i18n.EN {
		b.WriteString("> " + statementEN + " (translation; the Chinese text is the statement)\n\n")
	}
	fmt.Fprintf(&b, "公司名称：%s\n\n", s.Company)
	fmt.Fprintf(&b, "日期：%s\n\n", s.dateZH())
	b.WriteString("公司盖章：\n\n\n\n（请在此处加盖公司公章 / company seal here）\n")
	return b.String()
}

// HTML renders the statement as a page to print from a browser (A4, a box for the seal).
func (s Statement) HTML(lang i18n.Lang) string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>API 数据授权说明书</title>
<style>
  @page { size: A4; margin: 25mm; }
  body { font-family: "SimSun", "Songti SC", serif; font-size: 16pt; line-height: 2; max-width: 160mm; margin: 0 auto; }
  h1 { text-align: center; font-size: 22pt; margin-bottom: 2em; }
  .text { text-indent: 2em; }
  .en { font-size: 11pt; color: #555; text-indent: 0; }
  .sign { margin-top: 4em; text-align: right; }
  .seal { display: inline-block; width: 42mm; height: 42mm; border: 1px dashed #999; text-align: center; line-height: 42mm; font-size: 11pt; color: #999; }
</style>
</head>
<body>
<h1>API 数据授权说明书</h1>
`)
	fmt.Fprintf(&b, "<p class=\"text\">%s</p>\n", html.EscapeString(StatementText))
	if lang == i18n.EN {
		fmt.Fprintf(&b, "<p class=\"en\">%s (translation; the Chinese text is the statement)</p>\n", html.EscapeString(statementEN))
	}
	fmt.Fprintf(&b, "<div class=\"sign\">\n<p>公司名称：%s</p>\n<p>日期：%s</p>\n<p>公司盖章：<span class=\"seal\">盖章处</span></p>\n</div>\n</body>\n</html>\n",
		html.EscapeString(s.Company), html.EscapeString(s.dateZH()))
	return b.String()
}

// ApplicationTemplate is an onboarding.yaml to fill in, in lang, for company: every field with
// what it must hold as a comment, the materials named as `mkt onboard init` writes them beside
// it (plan.md, the statement to print, seal and scan as statement-sealed.png).
func ApplicationTemplate(lang i18n.Lang, company string) string {
	q := func(s string) string { return strconv.Quote(s) }
	if lang == i18n.ZH {
		return `# 入驻申请：填好后运行 mkt onboard submit -f onboarding.yaml（文件路径相对于本文件）。
# 提交前会检查每一项，所有问题一次列出。
company: ` + q(company) + `        # 公司名称，与营业执照一致
creditCode: ""             # 18 位统一社会信用代码（营业执照上；最后一位是校验位）
contact:
  name: ""                 # 联系人姓名
  mobile: ""               # 联系人手机：11 位大陆手机号
  email: ""                # 可选
authorization:             # API 数据授权（FAQ 一 Q2），二选一：
  statement: statement-sealed.png   # 打印 statement.html、加盖公章、扫描为 .png/.jpg/.pdf
  # licence: licence.pdf            # 或：增值电信业务经营许可证
  # licenceNumber: 浙B2-20080224    #     与其编号
operationPlan: plan.md     # 运营计划的四个部分（FAQ 一 Q3）；检查：mkt onboard plan check plan.md
`
	}
	return `# The onboarding application: fill it in, then run mkt onboard submit -f onboarding.yaml
# (file paths are relative to this file). Every field is checked first; all problems at once.
company: ` + q(company) + `        # the company's registered name, as on the business licence
creditCode: ""             # the 18-character unified social credit code (its last is a check character)
contact:
  name: ""                 # the contact's name
  mobile: ""               # the contact's mobile: 11 digits, mainland China
  email: ""                # optional
authorization:             # API-data authorization (FAQ 一 Q2), one of:
  statement: statement-sealed.png   # statement.html printed, sealed with the company seal, scanned (.png/.jpg/.pdf)
  # licence: licence.pdf            # or the value-added telecom business licence
  # licenceNumber: 浙B2-20080224    #     and its number
operationPlan: plan.md     # the operation plan's four parts (FAQ 一 Q3); check: mkt onboard plan check plan.md
`
}
