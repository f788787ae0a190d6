// Package onboard is the seller's onboarding material (FAQ 一): the operation plan (运营计划)
// and its check, the API-data authorization statement, and the application file.
package onboard

import (
	"bufio"
	"bytes"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/rules"
)

// The four parts the marketplace asks an operation plan to cover (FAQ 一 Q3).
const (
	PartListing    = "listing"    // 在云市场上架商品的时间点
	PartValue      = "value"      // 商品可以给用户提供的价值
	PartOperations = "operations" // 入驻云市场后的运营动作
	PartRevenue    = "revenue"    // 年度的营收目标
)

// Parts in the order the FAQ names them.
var Parts = []string{PartListing, PartValue, PartOperations, PartRevenue}

// partKeys are each part's catalog keys: its title and the template's hint.
var partKeys = map[string][2]string{
	PartListing:    {"plan.part.listing", "plan.hint.listing"},
	PartValue:      {"plan.part.value", "plan.hint.value"},
	PartOperations: {"plan.part.operations", "plan.hint.operations"},
	PartRevenue:    {"plan.part.revenue", "plan.hint.revenue"},
}

// PartTitle is a part's heading in lang.
func PartTitle(part string, lang i18n.Lang) string { return i18n.T(lang, partKeys[part][0]) }

// Template is an operation plan to fill in: a heading per part, with hints in HTML comments
// (which the check ignores, so an unfilled template fails it).
func Template(lang i18n.Lang) string {
	var b strings.Builder
	b.WriteString(i18n.T(lang, "plan.title"))
	b.WriteString("\n\n")
	for _, p := range Parts {
		b.WriteString("## " + PartTitle(p, lang) + "\n\n")
		b.WriteString("<!-- " + i18n.T(lang, partKeys[p][1]) + " -->\n\n")
	}
	return b.String()
}

// Plan is a parsed operation plan: the text under each part's heading.
type Plan struct {
	Parts map[string]string
	Lines map[string]int // the heading's line
}

// partWords recognise a part's heading in Chinese or English; the first that matches wins,
// so the more specific parts come first.
var partWords = []struct {
	part  string
	words []string
}{
	{PartRevenue, []string{"营收", "收入", "revenue", "income"}},
	{PartListing, []string{"上架", "时间点", "listing", "time point", "timeline", "launch"}},
	{PartValue, []string{"价值", "value", "benefit"}},
	{PartOperations, []string{"运营动作", "运营", "operation", "marketing", "actions"}},
}

func partOf(heading string) string {
	h := strings.ToLower(heading)
	for _, pw := range partWords {
		for _, w := range pw.words {
			if strings.Contains(h, w) {
				return pw.part
			}
		}
	}
	return ""
}

var commentRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?s)<!--.*?-->`) })

// ParsePlan reads a Markdown operation plan: each level-2 heading (## …) that names a part, in
// Chinese or English, starts it; HTML comments (the template's hints) are not content.
func ParsePlan(src []byte) Plan {
	p := Plan{Parts: map[string]string{}, Lines: map[string]int{}}
	// Comments are blanked line by line so that line numbers stay right.
	src = commentRE().ReplaceAllFunc(src, func(m []byte) []byte {
		return bytes.Repeat([]byte("\n"), bytes.Count(m, []byte("\n")))
	})
	cur := ""
	var body strings.Builder
	flush := func() {
		if cur != "" {
			p.Parts[cur] += strings.TrimSpace(body.String())
		}
		body.Reset()
	}
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if h, ok := strings.CutPrefix(text, "## "); ok {
			flush()
			cur = partOf(h)
			if cur != "" {
				if _, seen := p.Lines[cur]; !seen {
					p.Lines[cur] = line
				}
			}
			continue
		}
		if strings.HasPrefix(text, "# ") {
			flush()
			cur = ""
			continue
		}
		if cur != "" {
			body.WriteString(text)
			body.WriteByte('\n')
		}
	}
	flush()
	return p
}

// Problem is one thing missing or wrong in a plan.
type Problem struct {
	Part string
	Line int
	Msg  i18n.Message
}

var (
	dateRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b|(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?|\b(\d{4})-(\d{2})\b`)
	})
	numberRE  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\d[\d,]*(?:\.\d+)?`) })
	unitAfter = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^\s*(亿元|万元|千元|元|亿|万|千|人民币|yuan|rmb|cny|usd|million|thousand|billion|k\b|m\b|w\b)`)
	})
	unitBefore = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)(¥|￥|\$|rmb|cny|usd|人民币)\s*$`) })
)

// Check reports every missing or empty part by name, listing time points without a valid date,
// and a revenue target without a number and a unit.
func (p Plan) Check() []Problem {
	var probs []Problem
	for _, part := range Parts {
		text, ok := p.Parts[part]
		switch {
		case !ok:
			probs = append(probs, Problem{Part: part, Msg: i18n.M("plan.missing", i18n.M(partKeys[part][0]))})
			continue
		case text == "":
			probs = append(probs, Problem{Part: part, Line: p.Lines[part], Msg: i18n.M("plan.empty", i18n.M(partKeys[part][0]))})
			continue
		}
		switch part {
		case PartListing:
			valid, bad := dates(text)
			for _, d := range bad {
				probs = append(probs, Problem{Part: part, Line: p.Lines[part], Msg: i18n.M("plan.date.bad", d)})
			}
			if valid == 0 && len(bad) == 0 {
				probs = append(probs, Problem{Part: part, Line: p.Lines[part], Msg: i18n.M("plan.date.none")})
			}
		case PartRevenue:
			if !hasAmount(text) {
				probs = append(probs, Problem{Part: part, Line: p.Lines[part], Msg: i18n.M("plan.revenue")})
			}
		}
	}
	return probs
}

// dates counts the valid dates in text and returns the ones that are not real dates.
func dates(text string) (valid int, bad []string) {
	for _, m := range dateRE().FindAllStringSubmatch(text, -1) {
		var y, mo, d string
		switch {
		case m[1] != "":
			y, mo, d = m[1], m[2], m[3]
		case m[4] != "":
			y, mo, d = m[4], m[5], m[6]
		default:
			y, mo = m[7], m[8]
		}
		if d == "" {
			d = "1"
		}
		s := y + "-" + pad(mo) + "-" + pad(d)
		t, err := time.Parse("2006-01-02", s)
		if err != nil || t.Year() < 2000 || t.Year() > 2100 {
			bad = append(bad, strings.TrimSpace(m[0]))
			continue
		}
		valid++
	}
	return valid, bad
}

func pad(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

// hasAmount reports whether text has a number with a currency unit next to it.
func hasAmount(text string) bool {
	for _, loc := range numberRE().FindAllStringIndex(text, -1) {
		if unitAfter().MatchString(text[loc[1]:]) || unitBefore().MatchString(text[:loc[0]]) {
			return true
		}
	}
	return false
}

// Violation is the plan's problems as one refusal (exit 2: the input file).
func Violation(probs []Problem) *rules.Violation {
	if len(probs) == 0 {
		return nil
	}
	return &rules.Violation{Code: rules.CodeOperationPlan, Msg: i18n.M("plan.bad", len(probs)), Remedy: i18n.M("remedy.plan")}
}
