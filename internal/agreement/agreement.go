// Package agreement fills a user-agreement template (FAQ 三 Q3: import a template and edit
// it): its placeholders — 【公司名称】, [Company name] — are replaced by the merchant's values,
// and whatever is left unfilled is named, so that no agreement goes out with a blank in it.
package agreement

import (
	"regexp"
	"strings"
	"unicode"
)

// placeholder is 【…】, or […] not followed by "(" (a Markdown link is not a blank).
var placeholder = regexp.MustCompile(`【([^】\n]*)】|\[([^\[\]\n]{1,40})\]`)

// Placeholders lists the blanks of text, each once, in order of first appearance.
func Placeholders(text string) []string {
	var out []string
	seen := map[string]bool{}
	each(text, func(name string, _, _ int) {
		if !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	})
	return out
}

func each(text string, fn func(name string, start, end int)) {
	for _, m := range placeholder.FindAllStringSubmatchIndex(text, -1) {
		if m[1] < len(text) && text[m[1]] == '(' {
			continue // [text](url)
		}
		name := ""
		if m[2] >= 0 {
			name = text[m[2]:m[3]]
		} else {
			name = text[m[4]:m[5]]
		}
		fn(strings.TrimSpace(name), m[0], m[1])
	}
}

// Suggested reports whether a blank holds a suggested value rather than a name: 【30】,
// 【99.5%】, 【9:00–18:00】 are values the template proposes; 【公司名称】 and 【YYYY-MM-DD】
// ask for one.
func Suggested(name string) bool {
	return strings.ContainsAny(name, "0123456789") && strings.IndexFunc(name, unicode.IsLetter) < 0
}

// Fill replaces each blank that values names (by the blank's text) and returns the text and
// the blanks left, each once.
func Fill(text string, values map[string]string) (string, []string) {
	var b strings.Builder
	var left []string
	seen := map[string]bool{}
	last := 0
	each(text, func(name string, start, end int) {
		v, ok := values[name]
		if !ok {
			if !seen[name] {
				seen[name] = true
				left = append(left, name)
			}
			return
		}
		b.WriteString(text[last:start])
		b.WriteString(v)
		last = end
	})
	b.WriteString(text[last:])
	return b.String(), left
}

// Fields are the merchant's values for a template's blanks: by meaning (the built-in templates
// name the same blank in several ways — 【商品名称】, 【API 名称】, [Product name]) and, in
// Set, by the blank's own text.
type Fields struct {
	ProductName, Company, Support, Hours, Date string
	Set                                        map[string]string
}

// The blanks each field fills, as the built-in templates write them.
var (
	productBlanks = []string{"商品名称", "API 名称", "服务名称", "Product name"}
	companyBlanks = []string{"公司名称", "Company name"}
	supportBlanks = []string{"旺旺 / 400 电话 / 工单系统", "联系方式", "Channels and hours"}
	hoursBlanks   = []string{"9:00–18:00"}
	dateBlanks    = []string{"YYYY-MM-DD"}
)

// Values are the values for content's blanks: the fields, then a suggested value kept where
// nothing else fills it (kept lists those), then Set.
func (f Fields) Values(content string) (values map[string]string, kept []string) {
	values = map[string]string{}
	put := func(blanks []string, v string) {
		if v = strings.TrimSpace(v); v != "" {
			for _, b := range blanks {
				values[b] = v
			}
		}
	}
	put(productBlanks, f.ProductName)
	put(companyBlanks, f.Company)
	put(supportBlanks, f.Support)
	put(hoursBlanks, f.Hours)
	put(dateBlanks, f.Date)
	for k, v := range f.Set {
		values[strings.Trim(strings.TrimSpace(k), "【】[]")] = v
	}
	for _, b := range Placeholders(content) {
		if _, ok := values[b]; !ok && Suggested(b) {
			values[b], kept = b, append(kept, b)
		}
	}
	return values, kept
}
