package cmdutil

import (
	"bytes"
	"strings"
	"testing"
)

type filtered struct {
	Code    string `json:"code"`
	OrderID int64  `json:"orderId"`
	Price   string `json:"price"`
	Tags    []string
}

// --jq prints strings raw and other values as compact JSON, keeps 15-digit IDs integers,
// and reports a bad expression before anything runs (exit 2); --template formats the same
// value with its helpers.
func TestFilter(t *testing.T) {
	data := []filtered{{"cmgj10000001", 215134728470127, "9.00", []string{"a", "b"}}, {"cmgj10000002", 215134728470128, "19.50", nil}}
	for expr, want := range map[string]string{
		".[].code":                     "cmgj10000001\ncmgj10000002\n",
		".[0].orderId":                 "215134728470127\n",
		".[] | {code, orderId}":        `{"code":"cmgj10000001","orderId":215134728470127}` + "\n" + `{"code":"cmgj10000002","orderId":215134728470128}` + "\n",
		"map(.price | tonumber) | add": "28.5\n",
		"length":                       "2\n",
	} {
		fl, err := ParseFilter(expr, "", "")
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if err := fl.Write(&out, data); err != nil || out.String() != want {
			t.Errorf("--jq %s: %q %v, want %q", expr, out.String(), err, want)
		}
	}
	fl, err := ParseFilter("", `{{range .}}{{tsv .code .orderId (join "," .Tags)}}{{end}}`, "json")
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := fl.Write(&out, data); err != nil || out.String() != "cmgj10000001\t215134728470127\ta,b\ncmgj10000002\t215134728470128\t\n" {
		t.Errorf("--template: %q %v", out.String(), err)
	}
	for name, c := range map[string][3]string{
		"bad jq":       {".[", "", ""},
		"bad template": {"", "{{range}}", ""},
		"both":         {".", "{{.}}", ""},
		"with -o yaml": {".", "", "yaml"},
	} {
		if _, err := ParseFilter(c[0], c[1], c[2]); ExitCode(err) != 2 {
			t.Errorf("%s: %v", name, err)
		}
	}
	fl, _ = ParseFilter(".[] | .code | error", "", "")
	if err := fl.Write(&bytes.Buffer{}, data); ExitCode(err) != 2 || !strings.Contains(err.Error(), "--jq") {
		t.Errorf("a failing expression: %v", err)
	}
}
