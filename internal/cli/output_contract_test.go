package cli

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/mkt-cli/mkt/internal/spi"
)

// notTheModel: commands whose machine output is not mkt's model, with the reason.
var notTheModel = map[string]string{
	"mkt api":                   "prints the API's own answer, as the API sends it",
	"mkt completion bash":       "prints a shell script",
	"mkt completion zsh":        "prints a shell script",
	"mkt completion fish":       "prints a shell script",
	"mkt completion powershell": "prints a shell script",
	"mkt product init":          "prints a YAML template to fill in",
	"mkt onboard init":          "writes files and prints their paths",
	"mkt onboard plan init":     "prints a YAML template to fill in",
	"mkt onboard statement":     "prints a statement to sign",
	"mkt spi listen":            "serves until stopped",
	"mkt sandbox serve":         "serves until stopped",
	"mkt auth reset-password":   "opens a page",
	"mkt auth logout":           "removes a credential; prints no model",
	"mkt sandbox restore":       "replaces the sandbox; prints no model",
	"mkt auth login":            "reads a secret from a terminal or stdin",
}

// contractCase is how a command runs for the contract when the production table's arguments
// do not do: other arguments, commands run first on the same copy, standard input.
type contractCase struct {
	args  []string
	setup [][]string
	stdin string
}

func contractCases(t *testing.T, ids fixtureIDs) map[string]contractCase {
	spiSrv := httptest.NewServer(&spi.Listener{Key: "k3y"})
	t.Cleanup(spiSrv.Close)
	return map[string]contractCase{
		"mkt product agreement set":      {args: []string{ids.draft, "--template", "saas-standard-zh", "--company", "示例科技", "--support", "工单"}},
		"mkt product delete":             {args: []string{ids.draft, "--yes"}},
		"mkt product edit":               {args: []string{ids.draft, "--name", "Y"}},
		"mkt product endpoint set":       {args: []string{ids.draft, "https://isv.example.com/spi"}, setup: [][]string{{"product", "edit", ids.draft, "--delivery", "spi", "--production-url", "https://isv.example.com/spi0"}}},
		"mkt product submit":             {args: []string{ids.draft}},
		"mkt product validity set":       {args: []string{ids.draft, "1m", "1y"}},
		"mkt sandbox review product":     {args: []string{ids.draft, "--approve"}, setup: [][]string{{"product", "submit", ids.draft}}},
		"mkt delivery template attach":   {args: []string{ids.serviceDraft, ids.template}},
		"mkt sandbox release-prefix":     {args: []string{ids.api}},
		"mkt bundle create":              {args: []string{"--name", "S", "--product", ids.listed, "--product", ids.api, "--discount", "10%"}},
		"mkt delivery project rollback":  {args: []string{ids.project, "--remark", "again"}, setup: [][]string{{"delivery", "project", "finish", ids.project}}},
		"mkt sandbox simulate api-calls": {args: []string{ids.apiInstance, "--count", "1"}},
		"mkt sandbox simulate repay":     {args: []string{ids.creditOrder}},
		"mkt sandbox simulate refund":    {args: []string{ids.apiInstance}, setup: [][]string{{"sandbox", "simulate", "renew", ids.apiInstance}}},
		"mkt sandbox review onboarding":  {args: []string{"--approve"}, setup: [][]string{{"onboard", "submit", "-f", ids.onboarding}}},
		"mkt onboard plan check":         {args: []string{ids.plan}},
		"mkt spi check":                  {args: []string{"--url", spiSrv.URL}},
		"mkt spi trigger":                {args: []string{"createInstance", "--url", spiSrv.URL}},
		"mkt spi sign":                   {args: []string{"action=createInstance", "orderBizId=12345"}},
		"mkt spi verify":                 {args: []string{spi.Sign(url.Values{"action": {"createInstance"}, "orderBizId": {"12345"}}, "k3y").Encode()}},
		"mkt spi key set":                {stdin: "k3y\n"},
		"mkt config get":                 {args: []string{"lang"}},
		"mkt config list":                {},
		"mkt config set":                 {args: []string{"lang", "zh"}},
		"mkt sandbox reset":              {args: []string{"--yes"}},
		"mkt sandbox backup":             {args: []string{filepath.Join(t.TempDir(), "backup.tar.gz")}},
		"mkt version":                    {},
	}
}

var (
	camel      = regexp.MustCompile(`^[a-z][a-zA-Z0-9]*$`)
	timeLike   = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}`)
	timeKey    = regexp.MustCompile(`(Time|On|At|Date|Expires|Expired|Deadline|Due|Gmt\w*)$|^gmt`)
	dataMapKey = map[string]bool{"params": true, "components": true}
	// freeText are values the API sends as text the vendor wrote (a license's attributes).
	freeText = regexp.MustCompile(`\.licenseAttribute\[\d+\]\.value$`)
)

// TestOutputContract runs every command with output as -o json, -o yaml, -o csv and -o tsv on a
// sandbox holding one of each thing, and holds its JSON to docs/output.md: camelCase names,
// RFC 3339 times, booleans and numbers as such; csv parses and has a header.
func TestOutputContract(t *testing.T) {
	stub, args, _, ids := everyCommand(t)
	cases := contractCases(t, ids)
	for _, path := range leafCommands() {
		if _, ok := notTheModel[path]; ok {
			continue
		}
		c, ok := cases[path]
		if !ok {
			c.args, ok = args[path]
		}
		if !ok {
			t.Errorf("%s: no arguments (add it to contractCases, or to notTheModel with the reason)", path)
			continue
		}
		t.Run(strings.TrimPrefix(path, "mkt "), func(t *testing.T) {
			for _, format := range []string{"json", "yaml", "csv", "tsv"} {
				env := map[string]string{"MKT_SANDBOX_DIR": stub.Copy(t), "MKT_CONFIG_DIR": t.TempDir(), "MKT_SPI_KEY": "k3y"}
				for _, s := range c.setup {
					if r := run(t, env, "", false, append([]string{"--sandbox"}, s...)...); r.code != 0 {
						t.Fatalf("setup mkt %s: exit %d\n%s", strings.Join(s, " "), r.code, r.stderr)
					}
				}
				full := append(append([]string{"--sandbox", "-o", format}, strings.Fields(path)[1:]...), c.args...)
				r := run(t, env, c.stdin, false, full...)
				if want, refused := onlyFormats[path]; refused && !strings.Contains(want, format) {
					if r.code != 2 || r.stdout != "" {
						t.Errorf("mkt %s: exit %d, stdout %q (want a usage error for a format it does not print)", strings.Join(full, " "), r.code, r.stdout)
					}
					continue
				}
				if r.code != 0 {
					t.Fatalf("mkt %s: exit %d\nstdout %s\nstderr %s", strings.Join(full, " "), r.code, r.stdout, r.stderr)
				}
				checkFormat(t, format, r.stdout)
			}
		})
	}
}

// onlyFormats: commands that print a document of their own, and the formats they take.
var onlyFormats = map[string]string{"mkt export": "json yaml"}

func checkFormat(t *testing.T, format, out string) {
	t.Helper()
	switch format {
	case "json":
		if strings.TrimSpace(out) == "" {
			return
		}
		dec := json.NewDecoder(strings.NewReader(out))
		dec.UseNumber()
		var v any
		if err := dec.Decode(&v); err != nil {
			t.Fatalf("-o json is not JSON: %v\n%s", err, out)
		}
		if dec.More() {
			t.Fatalf("-o json printed more than one value:\n%s", out)
		}
		for _, p := range contractProblems("", v) {
			t.Error(p)
		}
	case "csv":
		recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatalf("-o csv does not parse: %v\n%s", err, out)
		}
		if out != "" && (len(recs) == 0 || len(recs[0]) == 0) {
			t.Errorf("-o csv has no header:\n%s", out)
		}
		for _, h := range recs[0:min(1, len(recs))] {
			for _, c := range h {
				for _, part := range strings.Split(c, ".") {
					if !camel.MatchString(part) && c != "value" {
						t.Errorf("csv column %q is not camelCase", c)
					}
				}
			}
		}
	case "tsv":
		if strings.Contains(out, "\r") {
			t.Errorf("-o tsv has a carriage return")
		}
	}
}

// contractProblems lists where v breaks the output contract.
func contractProblems(path string, v any) []string {
	var out []string
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if !camel.MatchString(k) {
				out = append(out, fmt.Sprintf("%s.%s: field name is not camelCase", path, k))
			}
			if dataMapKey[k] {
				continue
			}
			if n, ok := x[k].(json.Number); ok && timeKey.MatchString(k) {
				if i, err := n.Int64(); err == nil && i > 100_000_000 {
					out = append(out, fmt.Sprintf("%s.%s: %s looks like an epoch time; times are RFC 3339", path, k, n))
				}
			}
			out = append(out, contractProblems(path+"."+k, x[k])...)
		}
	case []any:
		for i, e := range x {
			out = append(out, contractProblems(fmt.Sprintf("%s[%d]", path, i), e)...)
		}
	case string:
		if freeText.MatchString(path) {
			break
		}
		if x == "true" || x == "false" {
			out = append(out, fmt.Sprintf("%s: %q is a boolean written as a string", path, x))
		}
		if timeLike.MatchString(x) {
			if _, err := time.Parse(time.RFC3339, x); err != nil {
				out = append(out, fmt.Sprintf("%s: %q is not RFC 3339 with an offset", path, x))
			}
		}
	}
	return out
}
