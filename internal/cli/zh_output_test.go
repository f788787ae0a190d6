package cli

import (
	"regexp"
	"sort"
	"strings"
	"testing"
)

// Words a Chinese reader meets in mkt's Chinese output that are not English prose: acronyms,
// product and protocol names, and the words of a command line. Codes, IDs, URLs, paths,
// flags, commands to type and enum values in brackets are recognized by their shape.
var zhAllowed = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`API SPI SaaS SKU URL ID IDs JSON YAML CSV TSV HTTP HTTPS FAQ ISV RAM
		STS OSS ECS AccessKey RequestId ClientToken PDF CI GB MiB KiB UTC CST RFC ISO SQLite Alibaba Cloud
		Alipay DingTalk WeCom Feishu Lark Markdown HTML A4 Ctrl-C OK Go jq aliyun CLI SDK V3 V1 appInfo
		hostInfo instanceId orderBizId token md5 key Q1 Q2 Q3 Q4 Q5 Q6 Q7 cmgj cmapi cmjj cmfw logo
		Unix gzip tar Tab N A B C D E CNY GET POST ms Logo zh en true false verify LANG GOGC CPU README
		shell bash zsh fish PowerShell powershell Linux macOS printf echo source brew RMB webhook`) {
		zhAllowed[w] = true
	}
	// The fixture's own data: names a merchant or buyer wrote (products, SKUs, steps, titles).
	for _, w := range strings.Fields(`Invoice Helper Weather Calls Basic Draft Service Std Suite Buyer
		Sandbox Seller Deploy Hand over S T X Y ob default Pro Receipt Scanner License weather helper
		App app tgz image old-image package yaml png`) {
		zhAllowed[w] = true
	}
}

var (
	// enumBeside is an enum value in brackets beside its Chinese, as a user must type it.
	enumBeside = regexp.MustCompile(`[（(][A-Za-z_][A-Za-z0-9_.,、 ]*[）)]`)
	// typed are the shapes of what is not prose: a command to type (mkt … to the end of the
	// ASCII run), a flag, a URL, a path, an e-mail, a key=value, anything with a digit.
	typed = regexp.MustCompile("`[^`]*`|\\bmkt(?:[ \\t]+[-\\w./:=@,${}\"'<>|…*\\[\\]]+)*|(?:^|[\\s(（：:；，、])--?[a-z][\\w-]*(?:[= ][a-z0-9][\\w.:/,-]*)?|https?://\\S+|\\S*[/\\\\]\\S*|\\S+@\\S+|\\S+=\\S*|\\{.*\\}|\"[^\"]*\"|[\\w.:-]*\\d[\\w.:-]*")
	word  = regexp.MustCompile(`[A-Za-z][A-Za-z'-]*`)
	// identifier: snake_case, kebab-case, names with inner capitals (orderBizId, RequestId),
	// dotted field paths (DeployMetadata.TemplateConfigs[0].Name, ServiceInfo[zh-CN].Name) and
	// random IDs of 24 or more letters and digits (a notification's ID may hold no digit).
	identifier = regexp.MustCompile(`\b[A-Za-z0-9]{24,}\b|\b[A-Za-z]\w*(?:\[[^\]]*\])?(?:\.\w+(?:\[[^\]]*\])?)+|\b[A-Za-z]\w*\[[^\]]*\]|\b[a-z]+(?:[_-][a-z]+)+\b|\b[A-Za-z][a-z]+[A-Z]\w*`)
	ansiCode   = regexp.MustCompile(`\x1b\[[0-9;]*[A-Za-z]`)
	// englishTime: durations (7d 0h, 12h 0m) and weekdays as English writes them.
	englishTime = regexp.MustCompile(`\b\d+[dhs]\b|\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b`)
)

// strayEnglish lists the English words in out that a Chinese reader should not meet.
func strayEnglish(out string) []string {
	var stray []string
	out = ansiCode.ReplaceAllString(out, "")
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "-en\t") || strings.Contains(line, "-en ") {
			continue // an English template, listed under its own English title
		}
		if strings.Contains(line, "mkt ") || strings.Contains(line, "--") {
			// A duration in a command to type is the command's (--within 2d).
			line = typed.ReplaceAllStringFunc(line, func(s string) string {
				if t := strings.TrimLeft(s, " \t(（：:；，、"); strings.HasPrefix(t, "mkt") || strings.HasPrefix(t, "-") {
					return ""
				}
				return s
			})
		}
		stray = append(stray, englishTime.FindAllString(line, -1)...)
		line = englishTime.ReplaceAllString(line, "")
		line = enumBeside.ReplaceAllString(line, "")
		line = typed.ReplaceAllString(line, "")
		line = identifier.ReplaceAllString(line, "")
		for _, w := range word.FindAllString(line, -1) {
			w = strings.Trim(w, "'-")
			switch {
			case w == "" || zhAllowed[w]:
			case isCamel(w): // an identifier: createInstance, orderBizId
			default:
				stray = append(stray, w)
			}
		}
	}
	return stray
}

// isCamel: a lower-case start and a capital inside (an API field or action name).
func isCamel(w string) bool {
	return len(w) > 1 && w[0] >= 'a' && w[0] <= 'z' && strings.ToLower(w) != w
}

func TestStrayEnglishRecognizer(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
	}{
		{"已上架（LISTED）", ""},
		{"试试：mkt product submit cmgj10000001 --for review", ""},
		{"当前状态 REVIEWING", "REVIEWING"},
		{"RequestId：5B0E-11", ""},
		{"商品 cmgj10000001 已创建 (draft)", ""},
		{"created product cmgj10000001", "created product"},
		{"已超期 2d 5h", "2d 5h"},
		{"已超期 2天5小时", ""},
		{"试试：mkt invoice due --within 2d", ""},
		{"\x1b[32mLISTED\x1b[0m", "LISTED"},
		{"access_key_id saas-standard-zh VendorCrossAccountXIAOYUNACCESSSMSRole", ""},
		{"10% off", "off"},
		{"星期一 Mon", "Mon"},
		{"生产接口地址 https://isv.example.com/spi 与 createInstance", ""},
		{"      ServiceInfo[zh-CN].Name: \"a\" → \"b\"", ""},
		{"      DeployMetadata.TemplateConfigs[0].Url: ∅ → \"x\"", ""},
		{"the end. Next", "the end Next"},
		{"xpulgevzzclhfbejkekgizgmizrbtznq\torderPay", ""},
	} {
		got := strings.Join(strayEnglish(tc.in), " ")
		if got != tc.want {
			t.Errorf("strayEnglish(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// machineRows: commands whose pipe rows are a documented contract of codes (docs/output.md:
// action, kind, key, code, detail), not sentences.
var machineRows = map[string]bool{"mkt plan": true, "mkt apply": true}

// TestNoEnglishInChinese runs every command in Chinese, on a terminal and in a pipe, over a
// sandbox holding one of each thing, and fails on English words outside codes, identifiers,
// commands to type and enum values beside their Chinese.
func TestNoEnglishInChinese(t *testing.T) {
	stub, args, _, ids := everyCommand(t)
	cases := contractCases(t, ids)
	skip := map[string]string{
		"mkt completion bash": "a shell script", "mkt completion zsh": "a shell script",
		"mkt completion fish": "a shell script", "mkt completion powershell": "a shell script",
		"mkt spi listen": "serves until stopped", "mkt sandbox serve": "serves until stopped",
		"mkt auth login": "reads a secret",
		"mkt api":        "prints the API's answer as sent (its field names are the API's)",
		"mkt export":     "prints a manifest (YAML keys are the format's)",
	}
	var report []string
	for _, path := range leafCommands() {
		if _, ok := skip[path]; ok {
			continue
		}
		c, ok := cases[path]
		if !ok {
			c.args, ok = args[path]
		}
		if !ok {
			continue
		}
		for _, tty := range []bool{true, false} {
			env := map[string]string{"MKT_SANDBOX_DIR": stub.Copy(t), "MKT_CONFIG_DIR": t.TempDir(), "MKT_SPI_KEY": "k3y", "MKT_LANG": "zh"}
			for _, s := range c.setup {
				run(t, env, "", false, append([]string{"--sandbox"}, s...)...)
			}
			full := append(append([]string{"--sandbox"}, strings.Fields(path)[1:]...), c.args...)
			r := run(t, env, c.stdin, tty, full...)
			out := r.stdout
			if machineRows[path] && !tty {
				out = "" // the rows a pipeline reads (docs/output.md); their words are codes
			}
			if stray := strayEnglish(out + "\n" + r.stderr); len(stray) > 0 {
				mode := "pipe"
				if tty {
					mode = "tty"
				}
				sort.Strings(stray)
				report = append(report, path+" ("+mode+"): "+strings.Join(stray, " ")+"\n"+r.stdout+r.stderr)
			}
		}
	}
	for _, r := range report {
		t.Error(r)
	}
}

// TestHelpHasNoEnglishInChinese: the pages a merchant starts from, in Chinese, read as a
// reviewer would (every other page's texts are held to the catalog by TestHelpCatalog).
func TestHelpHasNoEnglishInChinese(t *testing.T) {
	for _, path := range []string{"mkt", "mkt product", "mkt product create", "mkt product list", "mkt onboard",
		"mkt onboard status", "mkt invoice", "mkt invoice due", "mkt todo", "mkt bundle", "mkt settlement"} {
		args := append(strings.Fields(path)[1:], "--help")
		r := run(t, map[string]string{"MKT_LANG": "zh"}, "", true, args...)
		if r.code != 0 {
			t.Fatalf("%s --help: exit %d %s", path, r.code, r.stderr)
		}
		if stray := strayEnglish(helpProse(r.stdout)); len(stray) > 0 {
			t.Errorf("%s --help in Chinese says %q:\n%s", path, stray, r.stdout)
		}
	}
}

var (
	// commandRow is a row of a command list: the name, then its description.
	commandRow = regexp.MustCompile(`(?m)^  [a-z][\w-]*(?:, [\w-]+)?\s{2,}`)
	// flagRow is a row of a flag table: the flag, its value's type, then its usage.
	flagRow = regexp.MustCompile(`(?m)^\s+(?:-\w, )?--[\w-]+(?: \w+)?\s{2,}`)
	// envVar is an environment variable's name, or one with a $.
	envVar = regexp.MustCompile(`\$?\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b|\$[A-Z_]+`)
)

// helpProse is a help page without what is typed rather than read: command names in the
// command lists, flags and their types, environment variable names.
func helpProse(help string) string {
	help = commandRow.ReplaceAllString(help, "  ")
	help = flagRow.ReplaceAllString(help, "  ")
	help = envVar.ReplaceAllString(help, "")
	var prose []string
	for _, line := range strings.Split(help, "\n") {
		if !hasHan(line) {
			continue // a command, a file's lines, a table of codes: typed, not read
		}
		line = yamlKey.ReplaceAllString(line, "")
		line = helpLiteral.ReplaceAllString(line, "")
		prose = append(prose, line)
	}
	return strings.Join(prose, "\n")
}

var (
	yamlKey = regexp.MustCompile(`^\s*-?\s*\w+:`)
	// helpLiteral: what help quotes to be typed — 'verify', a file name, one|of|these, a
	// value after 例如, a value glossed in Chinese — buyer（买家）.
	helpLiteral = regexp.MustCompile(`'[^']*'|[\w-]+\.(?:yaml|yml|md|html|png|jpg|json|csv|pdf|txt|progress|tar\.gz)\b|\w+(?:\|\w+)+|例如 [\x21-\x7e]+|[\w.]+（[^）]*）|<[^>]*>|显示 [\w-]+ 的帮助|\$\(.*\)|（默认 [^）]*）|JSON|Schema`)
)
