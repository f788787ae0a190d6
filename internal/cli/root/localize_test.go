package root

import (
	"bytes"
	"strings"
	"testing"
	"unicode"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/build"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/iostreams"
)

func newTree(t *testing.T, getenv func(string) string) *cobra.Command {
	t.Helper()
	ios, _, _, _ := iostreams.Test()
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	f := cmdutil.NewFactory(ios, getenv)
	r := NewCmdRoot(f, build.Info{Version: "dev"})
	r.InitDefaultHelpCmd()
	r.InitDefaultCompletionCmd()
	return r
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// TestHelpCatalog: every command's help — short and long text, examples, each flag it defines
// — has its Chinese in the help catalog, made from the English the code has now; no entry is
// left for a command or flag that no longer exists.
func TestHelpCatalog(t *testing.T) {
	catalog, err := i18n.HelpZH()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	walk(newTree(t, nil), func(c *cobra.Command) {
		path := c.CommandPath()
		seen[path] = true
		short, long, example, flags := HelpSource(c)
		want := i18n.HelpFingerprint(short, long, example, flags)
		e, ok := catalog[path]
		if !ok {
			t.Errorf("%s: no Chinese help (internal/i18n/help/*.yaml); add it with src: %s", path, want)
			return
		}
		if e.Src != want {
			t.Errorf("%s: the English help changed since it was translated: update the Chinese and set src: %s", path, want)
		}
		if !hasHan(e.Short) {
			t.Errorf("%s: short is not Chinese: %q", path, e.Short)
		}
		if (long == "") != (e.Long == "") {
			t.Errorf("%s: long text in one language only", path)
		}
		if (example == "") != (e.Example == "") {
			t.Errorf("%s: examples in one language only", path)
		}
		if e.Long != "" && !hasHan(e.Long) {
			t.Errorf("%s: long is not Chinese", path)
		}
		for name := range flags {
			if e.Flags[name] == "" {
				t.Errorf("%s: flag --%s has no Chinese usage", path, name)
			}
		}
		for name := range e.Flags {
			if _, ok := flags[name]; !ok {
				t.Errorf("%s: the catalog translates --%s, which the command does not define", path, name)
			}
		}
	})
	for path := range catalog {
		if !seen[path] {
			t.Errorf("the help catalog translates %q, which is not a command", path)
		}
	}
}

// TestHelpInChinese: with --lang zh (or MKT_LANG, or a Chinese locale) the help of a command
// is Chinese through and through — texts, headings, flag usage — and English stays English.
func TestHelpInChinese(t *testing.T) {
	run := func(env map[string]string, args ...string) string {
		t.Helper()
		r := newTree(t, func(k string) string { return env[k] })
		var out bytes.Buffer
		r.SetOut(&out)
		r.SetErr(&out)
		r.SetArgs(args)
		if err := r.Execute(); err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		return out.String()
	}
	zh := run(nil, "--lang", "zh", "product", "--help")
	for _, want := range []string{"四种类型的商品", "mkt product <命令> [选项]", "用法：", "命令：", "全局选项：", "显示 product 的帮助", "使用沙箱，不论是否有凭证", "草稿（DRAFT）"} {
		if !strings.Contains(zh, want) {
			t.Errorf("mkt --lang zh product --help lacks %q:\n%s", want, zh)
		}
	}
	for _, english := range []string{"Usage:", "Flags:", "Available Commands", "help for", "Products of four types", "[flags]", "<command>"} {
		if strings.Contains(zh, english) {
			t.Errorf("mkt --lang zh product --help still says %q:\n%s", english, zh)
		}
	}
	byLocale := run(map[string]string{"LANG": "zh_CN.UTF-8"}, "help", "apply")
	if !strings.Contains(byLocale, "让你的商品与清单") || !strings.Contains(byLocale, "（默认 4）") || strings.Contains(byLocale, "(default") {
		t.Errorf("LANG=zh_CN.UTF-8 mkt help apply is not Chinese:\n%s", byLocale)
	}
	en := run(map[string]string{"MKT_LANG": "en"}, "product", "--help")
	if !strings.Contains(en, "Products of four types") || strings.Contains(en, "用法") {
		t.Errorf("English help changed:\n%s", en)
	}
}
