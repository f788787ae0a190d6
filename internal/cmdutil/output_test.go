package cmdutil

import (
	"bytes"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/exitcode"
	"github.com/mkt-cli/mkt/internal/iostreams"
)

type model struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
	Tags  []string
	Flag  string `json:"flag"`
}

func TestPrintFormats(t *testing.T) {
	m := model{Name: "商品 A", Count: 3, Tags: []string{"x"}, Flag: "true"}
	for format, want := range map[string]string{
		"json": "{\n  \"name\": \"商品 A\",\n  \"count\": 3,\n  \"tags\": [\n    \"x\"\n  ],\n  \"flag\": \"true\"\n}\n",
		// Field order follows the model; a string that looks like a bool stays a string.
		"yaml": "name: 商品 A\ncount: 3\ntags:\n  - x\nflag: \"true\"\n",
		"csv":  "name,count,tags,flag\n商品 A,3,\"[\"\"x\"\"]\",true\n",
		"tsv":  "商品 A\t3\t[\"x\"]\ttrue\n",
	} {
		ios, _, out, _ := iostreams.Test()
		f := NewFactory(ios, func(string) string { return "" })
		f.Global.Output = format
		if err := f.Print(m, func() error { t.Fatal("table rendered for " + format); return nil }); err != nil {
			t.Fatal(err)
		}
		if out.String() != want {
			t.Errorf("%s:\n%s\nwant:\n%s", format, out.String(), want)
		}
	}
	ios, _, _, _ := iostreams.Test()
	f := NewFactory(ios, func(string) string { return "" })
	f.Global.Output = "xml"
	if err := f.Print(m, func() error { return nil }); ExitCode(err) != exitcode.Usage.Code() {
		t.Errorf("xml: %v", err)
	}
}

func TestOutputFormatFromEnv(t *testing.T) {
	ios, _, out, _ := iostreams.Test()
	f := NewFactory(ios, func(k string) string {
		if k == "MKT_OUTPUT" {
			return "json"
		}
		if k == "MKT_CONFIG_DIR" {
			return t.TempDir()
		}
		return ""
	})
	if err := f.Print(map[string]int{"a": 1}, func() error { return nil }); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `"a": 1`) {
		t.Errorf("MKT_OUTPUT=json ignored: %q", out.String())
	}
}

func TestConfirm(t *testing.T) {
	ios, in, _, errOut := iostreams.Test()
	f := NewFactory(ios, func(string) string { return "" })
	if err := f.Confirm("Delete?"); ExitCode(err) != exitcode.Usage.Code() {
		t.Errorf("no terminal, no --yes: %v", err)
	}
	f.Global.Yes = true
	if err := f.Confirm("Delete?"); err != nil {
		t.Errorf("--yes: %v", err)
	}
	f.Global.Yes = false
	ios.SetStdinTTY(true)
	ios.SetStderrTTY(true)
	in.WriteString("y\n")
	if err := f.Confirm("Delete?"); err != nil {
		t.Errorf("answered y: %v", err)
	}
	in.WriteString("n\n")
	if err := f.Confirm("Delete?"); err == nil {
		t.Error("answered n: accepted")
	}
	if !bytes.Contains(errOut.Bytes(), []byte("Delete? [y/N]")) {
		t.Errorf("prompt not on stderr: %q", errOut.String())
	}
}
