package i18n

import (
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
)

var verbRE = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[vTtbcdoOqxXUeEfFgGsp%]`)

func verbs(format string) []string {
	var out []string
	for _, v := range verbRE.FindAllString(format, -1) {
		if v == "%%" {
			continue
		}
		// Compare the verb letters only: explicit indexes may reorder arguments in Chinese.
		out = append(out, v[len(v)-1:])
	}
	sort.Strings(out)
	return out
}

func TestCatalogComplete(t *testing.T) {
	for key, e := range catalog {
		if strings.TrimSpace(e.zh) == "" || strings.TrimSpace(e.en) == "" {
			t.Errorf("%s: missing a language", key)
		}
		if strings.Join(verbs(e.zh), ",") != strings.Join(verbs(e.en), ",") {
			t.Errorf("%s: verbs differ: zh %v, en %v", key, verbs(e.zh), verbs(e.en))
		}
	}
}

func TestDetect(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cases := []struct {
		flag, cfg string
		env       map[string]string
		want      Lang
	}{
		{"", "", nil, EN},
		{"zh", "", map[string]string{"MKT_LANG": "en"}, ZH},
		{"", "", map[string]string{"MKT_LANG": "zh", "LANG": "en_US.UTF-8"}, ZH},
		{"", "zh", map[string]string{"LANG": "en_US.UTF-8"}, ZH},
		{"", "", map[string]string{"LANG": "zh_CN.UTF-8"}, ZH},
		{"", "", map[string]string{"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, EN},
		{"", "", map[string]string{"LC_MESSAGES": "zh_TW"}, ZH},
	}
	for i, c := range cases {
		if got := Detect(c.flag, c.cfg, env(c.env)); got != c.want {
			t.Errorf("case %d: %s, want %s", i, got, c.want)
		}
	}
}

func TestMessage(t *testing.T) {
	m := M("cred.aliyun.profilemissing", "default", "/x.json")
	if got := m.In(EN); got != `aliyun CLI profile "default" not found in /x.json` {
		t.Errorf("en: %q", got)
	}
	if got := m.In(ZH); got != `/x.json 中没有 aliyun CLI 配置 "default"` {
		t.Errorf("zh: %q", got)
	}
	if got := M("no.such.key").In(ZH); got != "no.such.key" {
		t.Errorf("unknown key: %q", got)
	}
}

// Every entry renders without fmt's error markers when given as many arguments as it has verbs.
func TestCatalogRenders(t *testing.T) {
	for key, e := range catalog {
		var args []any
		for _, v := range verbRE.FindAllString(e.en, -1) {
			switch v[len(v)-1] {
			case '%':
			case 'd':
				args = append(args, 1)
			default:
				args = append(args, "x")
			}
		}
		for _, lang := range []Lang{ZH, EN} {
			out := M(key, args...).In(lang)
			if strings.Contains(out, "%!") {
				t.Errorf("%s (%s): %q", key, lang, out)
			}
		}
	}
}

func TestDurationAndWeekday(t *testing.T) {
	for d, want := range map[time.Duration][2]string{
		-26 * time.Hour:            {"-1d 2h", "-1天2小时"},
		90 * time.Minute:           {"1h 30m", "1小时30分钟"},
		5 * time.Minute:            {"5m", "5分钟"},
		48*time.Hour - time.Second: {"2d 0h", "2天0小时"},
	} {
		if got := [2]string{Duration(EN, d), M("raw", Dur(d)).In(ZH)}; got != want {
			t.Errorf("%s: %q, want %q", d, got, want)
		}
	}
	if Discount(ZH, 10) != "九折" || Discount(ZH, 15) != "八五折" || Discount(EN, 10) != "10% off" || Discount(ZH, 95) != "0.5折" {
		t.Error("discounts")
	}
	if Periods(ZH, []string{"1m", "1y"}) != "1个月、1年" || Periods(EN, []string{"1m", "1y"}) != "1m 1y" {
		t.Error("periods")
	}
	if Weekday(ZH, time.Monday) != "周一" || Weekday(ZH, time.Sunday) != "周日" || Weekday(EN, time.Monday) != "Mon" {
		t.Error("weekdays")
	}
	if Enum(ZH, EnumProductState, "LISTED") != "已上架" || Enum(EN, EnumProductState, "LISTED") != "LISTED" ||
		EnumBeside(ZH, EnumProductState, "listed") != "已上架（listed）" || Enum(ZH, EnumProductState, "ODD") != "ODD" {
		t.Error("enums")
	}
	if got := M("raw", E(EnumProductState, "REVIEWING")).In(ZH); got != "审核中（REVIEWING）" {
		t.Errorf("an enum inside a message: %q", got)
	}
}
