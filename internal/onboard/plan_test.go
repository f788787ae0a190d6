package onboard

import (
	"strings"
	"testing"
	"time"

	"github.com/mkt-cli/mkt/internal/i18n"
)

const planZH = `# 运营计划

## 上架商品的时间点

- 2027-01-15 上架 云CRM 标准版
- 2027年3月 上架 发票识别 API

## 商品给用户提供的价值

帮助中小企业十分钟内开通 CRM。

## 入驻后的运营动作

每月一次线上直播；工单 2 小时内响应。

## 年度营收目标

500 万元
`

const planEN = `# Operation plan

## Listing time points

Cloud CRM Standard on 2027-01-15; the OCR API in 2027-03.

## Value to users

Small teams get a CRM in ten minutes.

## Operation actions after onboarding

A monthly webinar; tickets answered within two hours.

## Annual revenue target

RMB 5,000,000
`

func problems(src string) []string {
	var out []string
	for _, p := range ParsePlan([]byte(src)).Check() {
		out = append(out, p.Msg.In(i18n.EN))
	}
	return out
}

func TestPlanCheck(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string // substrings, one per problem, in order
	}{
		{"zh complete", planZH, nil},
		{"en complete", planEN, nil},
		{"zh template", Template(i18n.ZH), []string{`"Listing time points" is empty`, `"Value to users" is empty`, `"Operation actions after onboarding" is empty`, `"Annual revenue target" is empty`}},
		{"en template", Template(i18n.EN), []string{"is empty", "is empty", "is empty", "is empty"}},
		{"value emptied", strings.Replace(planZH, "帮助中小企业十分钟内开通 CRM。", "<!-- TODO -->", 1), []string{`"Value to users" is empty`}},
		{"part missing", strings.Replace(planEN, "## Operation actions after onboarding", "## Notes", 1), []string{`"Operation actions after onboarding" is missing`}},
		{"no date", strings.Replace(planEN, "on 2027-01-15; the OCR API in 2027-03", "soon", 1), []string{"have no date"}},
		{"bad date", strings.Replace(planZH, "2027-01-15", "2027-02-30", 1), []string{`"2027-02-30" is not a valid date`}},
		{"bad month", strings.Replace(planZH, "2027年3月", "2027年13月", 1), []string{`"2027年13月" is not a valid date`}},
		{"revenue no unit", strings.Replace(planZH, "500 万元", "500", 1), []string{"needs a number with a unit"}},
		{"revenue no number", strings.Replace(planEN, "RMB 5,000,000", "a lot", 1), []string{"needs a number with a unit"}},
		{"revenue usd", strings.Replace(planEN, "RMB 5,000,000", "USD 2.5 million", 1), nil},
		{"revenue yuan sign", strings.Replace(planEN, "RMB 5,000,000", "¥5,000,000", 1), nil},
		{"mixed languages", strings.Replace(planZH, "## 年度营收目标", "## Annual revenue target", 1), nil},
		{"empty file", "", []string{"is missing", "is missing", "is missing", "is missing"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := problems(tc.src)
			if len(got) != len(tc.want) {
				t.Fatalf("problems %q, want %d", got, len(tc.want))
			}
			for i := range got {
				if !strings.Contains(got[i], tc.want[i]) {
					t.Errorf("problem %d: %q, want %q", i, got[i], tc.want[i])
				}
			}
		})
	}
	// Chinese messages name the part in Chinese.
	p := ParsePlan([]byte(Template(i18n.ZH))).Check()
	if zh := p[0].Msg.In(i18n.ZH); !strings.Contains(zh, "「上架商品的时间点」部分是空的") {
		t.Fatalf("zh %q", zh)
	}
	if p[0].Line != 3 {
		t.Fatalf("line %d, want 3", p[0].Line)
	}
}

func TestStatement(t *testing.T) {
	s := Statement{Company: "杭州示例科技有限公司 <Example>", Date: time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)}
	md := s.Markdown(i18n.ZH)
	for _, want := range []string{StatementText, "公司名称：杭州示例科技有限公司 <Example>", "日期：2026 年 11 月 29 日", "公司盖章"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
	h := s.HTML(i18n.EN)
	for _, want := range []string{"<!DOCTYPE html>", "兹证明本公司开发所有 API 接口及数据均为本公司自己开发", "&lt;Example&gt;", "We hereby certify", "@page { size: A4"} {
		if !strings.Contains(h, want) {
			t.Errorf("html lacks %q", want)
		}
	}
	if strings.Contains(h, "<Example>") {
		t.Error("company name not escaped")
	}
}
