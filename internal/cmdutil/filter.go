package cmdutil

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"strings"
	"text/template"

	"github.com/itchyny/gojq"
)

// Filter is --jq or --template: a command's JSON output (the same value -o json prints)
// passed through a jq expression or a Go template, as gh does, for scripts that want one
// field without another tool.
type Filter struct {
	jq   *gojq.Code
	tmpl *template.Template
}

// ParseFilter checks --jq and --template before anything runs (a bad expression is a usage
// error, exit 2); it returns nil when neither is given.
func ParseFilter(jq, tmpl, output string) (*Filter, error) {
	if jq == "" && tmpl == "" {
		return nil, nil
	}
	if jq != "" && tmpl != "" {
		return nil, FlagError("filter.both")
	}
	if output != "" && output != "json" {
		return nil, FlagError("filter.output", output)
	}
	if jq != "" {
		q, err := gojq.Parse(jq)
		if err != nil {
			return nil, FlagError("filter.jq.invalid", jq, err)
		}
		code, err := gojq.Compile(q, gojq.WithEnvironLoader(func() []string { return nil }))
		if err != nil {
			return nil, FlagError("filter.jq.invalid", jq, err)
		}
		return &Filter{jq: code}, nil
	}
	t, err := template.New("output").Funcs(templateFuncs).Parse(tmpl)
	if err != nil {
		return nil, FlagError("filter.template.invalid", err)
	}
	return &Filter{tmpl: t}, nil
}

// templateFuncs are the helpers a --template may use besides text/template's own.
var templateFuncs = template.FuncMap{
	// json is the value as compact JSON.
	"json": func(v any) (string, error) {
		b, err := json.Marshal(v)
		return string(b), err
	},
	// join joins a list's items with sep.
	"join": func(sep string, v any) string {
		list, _ := v.([]any) // null (an empty list) joins to ""
		parts := make([]string, len(list))
		for i, v := range list {
			parts[i] = fmt.Sprint(plain(v))
		}
		return strings.Join(parts, sep)
	},
	// tsv is its arguments as one tab-separated line (tabs and line breaks inside a value
	// become spaces).
	"tsv": func(vs ...any) string {
		parts := make([]string, len(vs))
		for i, v := range vs {
			parts[i] = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(fmt.Sprint(plain(v)))
		}
		return strings.Join(parts, "\t") + "\n"
	},
	"upper": strings.ToUpper,
	"lower": strings.ToLower,
}

// plain prints a decoded value as a person expects: a nil as empty, numbers as written.
func plain(v any) any {
	if v == nil {
		return ""
	}
	return v
}

// Write passes data's JSON form through the filter to w. jq results are printed one a line:
// a string as its text (like jq -r), anything else as compact JSON.
func (fl *Filter) Write(w io.Writer, data any) error {
	b, err := json.Marshal(data)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return err
	}
	v = normalize(v)
	if fl.tmpl != nil {
		if err := fl.tmpl.Execute(w, v); err != nil {
			return FlagError("filter.template.failed", err)
		}
		return nil
	}
	iter := fl.jq.Run(v)
	for {
		r, ok := iter.Next()
		if !ok {
			return nil
		}
		if err, ok := r.(error); ok {
			var halt *gojq.HaltError
			if errors.As(err, &halt) && halt.Value() == nil {
				return nil
			}
			return FlagError("filter.jq.failed", err)
		}
		if s, ok := r.(string); ok {
			_, err = fmt.Fprintln(w, s)
		} else {
			var out []byte
			if out, err = gojq.Marshal(r); err == nil {
				_, err = fmt.Fprintf(w, "%s\n", out)
			}
		}
		if err != nil {
			return err
		}
	}
}

// normalize turns json.Number into the number types gojq takes: int when it fits (IDs are
// 15-digit integers and must not become floats), *big.Int beyond, float64 otherwise.
func normalize(v any) any {
	switch x := v.(type) {
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return int(i)
		}
		if b, ok := new(big.Int).SetString(string(x), 10); ok {
			return b
		}
		f, _ := x.Float64()
		return f
	case []any:
		for i := range x {
			x[i] = normalize(x[i])
		}
	case map[string]any:
		for k := range x {
			x[k] = normalize(x[k])
		}
	}
	return v
}
