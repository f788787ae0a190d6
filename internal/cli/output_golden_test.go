package cli

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/iostreams"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// volatile are the parts of an answer that change from run to run (random IDs, the time).
// Each is replaced by a label of the same width, so the golden still shows whether columns
// line up.
var volatile = []struct {
	re    *regexp.Regexp
	label string
}{
	{regexp.MustCompile(`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})`), "<time>"},
	{regexp.MustCompile(`\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?( [A-Z]{3,4})?( [A-Z][a-z]{2}| 周.)?`), "<date>"},
	{regexp.MustCompile(`\d+d \d+h|\d+天\d+小时`), "<dur>"},
	{regexp.MustCompile(`bdl-[0-9a-z]+`), "bdl-"},
	{regexp.MustCompile(`file-[0-9a-z]+`), "file-"},
	{regexp.MustCompile(`ob-[0-9a-z]+`), "ob-"},
	{regexp.MustCompile(`[A-Z0-9]{14}-[A-Z0-9]{8}_[A-Z0-9]{40}`), "<license>"},
	{regexp.MustCompile(`\d+ (min|h|d) ago|\bin \d+ (min|h|d)\b|just now|\d+ (分钟|小时|天)[前后]|刚刚`), "<ago>"},
	{regexp.MustCompile(`[0-9a-f]{32}`), "<id>"},
}

var ansi = regexp.MustCompile(`\x1b\[[0-9;]*m`)

func normalize(s string) string {
	s = ansi.ReplaceAllString(s, "")
	for _, v := range volatile {
		s = v.re.ReplaceAllStringFunc(s, func(m string) string {
			// The same width on screen (a Chinese character takes two columns).
			if w := lipgloss.Width(m); w > len(v.label) {
				return v.label + strings.Repeat("~", w-len(v.label))
			}
			return v.label
		})
	}
	return s
}

// TestOutputGolden prints every list and show command, on a terminal and in a pipe, against a
// sandbox holding one of each thing, and compares with testdata/output (go test
// ./internal/cli -run TestOutputGolden -update to accept a change).
func TestOutputGolden(t *testing.T) {
	e := clitest.New(t)
	ctx := context.Background()
	c := e.Client(t)
	a, b := e.Listed(t, "Invoice Helper"), e.Listed(t, "Receipt Scanner")
	if _, err := c.CreateBundle(ctx, market.BundleInput{Name: "Finance suite", Products: []string{a.Code, b.Code}, Discount: "10%"}, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateDeliveryTemplate(ctx, "Onboarding", []marketapi.TemplateStep{{Name: "Collect", OperatorRole: "Custom"}, {Name: "Deliver", OperatorRole: "Provider"}}, ""); err != nil {
		t.Fatal(err)
	}
	p := e.Purchase(t, a.Code)
	e.InvoiceRequest(t, b.Code)
	inst, order := strconv.FormatInt(p.InstanceId, 10), strconv.FormatInt(p.OrderId, 10)
	bundles := ""
	c.ListBundles(ctx, "", func(pg marketapi.BundlePage) bool { bundles = pg.Bundles[0].BundleId; return false })

	commands := [][]string{
		{"product", "list"}, {"product", "get", a.Code}, {"product", "validity", "show", a.Code},
		{"bundle", "list"}, {"bundle", "get", bundles},
		{"delivery", "template", "list"},
		{"instance", "list"}, {"instance", "get", inst},
		{"order", "list"}, {"order", "get", order},
		{"license", "get", p.LicenseCode},
		{"notification", "list"},
		{"invoice", "list", "--tz", "cst"}, {"invoice", "due", "--tz", "cst"},
		{"shop", "show"}, {"settlement", "account", "show"}, {"settlement", "list"},
		{"payment", "credit", "show"}, {"onboard", "status"}, {"todo"},
		{"sandbox", "clock", "show"},
	}
	for _, args := range commands {
		for _, v := range []struct {
			tty  bool
			lang string
		}{{true, "en"}, {false, "en"}, {true, "zh"}, {false, "zh"}} {
			tty := v.tty
			mode := "pipe"
			if tty {
				mode = "tty"
			}
			if v.lang == "zh" {
				mode += ".zh"
			}
			getenv := func(k string) string {
				if k == "MKT_LANG" {
					return v.lang
				}
				return e.Getenv(k)
			}
			name := strings.Join(args[:min(len(args), 3)], "_")
			name = regexp.MustCompile(`_(cm\w+|bdl-\w+|\d+|[A-Z0-9_-]{20,}|--tz)$`).ReplaceAllString(name, "")
			t.Run(name+"/"+mode, func(t *testing.T) {
				ios, _, out, errOut := iostreams.Test()
				if tty {
					ios.SetStdoutTTY(true)
					ios.SetStderrTTY(true)
				}
				if code := Run(ctx, args, ios, getenv); code != 0 {
					t.Fatalf("mkt %s: exit %d: %s", strings.Join(args, " "), code, errOut)
				}
				got := normalize(out.String())
				golden := filepath.Join("testdata", "output", name+"."+mode+".golden")
				if *update {
					os.MkdirAll(filepath.Dir(golden), 0o755)
					if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (go test ./internal/cli -run TestOutputGolden -update)", err)
				}
				if string(want) != got {
					t.Errorf("mkt %s (%s) changed (-update to accept):\n%s", strings.Join(args, " "), mode, got)
				}
				if tty && got != "" && !aligned(got) {
					t.Errorf("mkt %s: columns do not line up on a terminal:\n%s", strings.Join(args, " "), got)
				}
			})
		}
	}
}

// aligned reports whether every column after the first starts at the same display column on
// every line of a table or key/value block (lines of one or no column are not judged).
func aligned(s string) bool {
	gap := regexp.MustCompile(`\S  +`)
	starts := map[int]int{} // column index → display column where it starts
	for _, line := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		line = strings.TrimRight(line, " ")
		locs := gap.FindAllStringIndex(line, -1)
		for i, loc := range locs {
			col := lipgloss.Width(line[:loc[1]])
			if prev, ok := starts[i+1]; ok && prev != col {
				return false
			}
			starts[i+1] = col
		}
	}
	return true
}

func TestAligned(t *testing.T) {
	for s, want := range map[string]bool{
		"CODE  NAME\ncmgj1  Invoice\n":        false,
		"CODE   NAME\ncmgj1  Invoice\n":       true,
		"名称  示例\nName  x\n":                   true, // CJK is two columns wide
		"名称  示例\nNa  x\n":                     false,
		"Name          \nDecorated     no\n":  true,
		"only one column\nand another line\n": true,
	} {
		if got := aligned(s); got != want {
			t.Errorf("aligned(%q) = %v, want %v", s, got, want)
		}
	}
}
