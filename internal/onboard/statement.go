package onboard

import (
	"fmt"
	"html"
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
