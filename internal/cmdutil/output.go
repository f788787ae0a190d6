package cmdutil

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Output formats.
var OutputFormats = []string{"table", "json", "yaml", "csv", "tsv"}

// ValidateOutput checks an -o value.
func ValidateOutput(v string) error {
	for _, f := range OutputFormats {
		if v == f {
			return nil
		}
	}
	return FlagError("error.output.invalid", v, strings.Join(OutputFormats, "|"))
}

// Print writes data in the chosen format: -o json, yaml, csv and tsv print the model in the
// machine-output contract's shape (Machine); table (the default) calls renderTable, which
// writes through IOStreams' table printer; --jq and --template filter the JSON form.
func (f *Factory) Print(data any, renderTable func() error) error {
	if f.Global.Filter != nil {
		return f.Global.Filter.Write(f.IOStreams.Out, Machine(data))
	}
	format := f.OutputFormat()
	if format == "table" {
		if renderTable == nil {
			return WriteJSON(f.IOStreams.Out, Machine(data))
		}
		return renderTable()
	}
	return WriteFormat(f.IOStreams.Out, format, data)
}

// WriteFormat writes data in a machine format — json, yaml, csv or tsv — in the output
// contract's shape (Machine).
func WriteFormat(w io.Writer, format string, data any) error {
	switch format {
	case "json":
		return WriteJSON(w, Machine(data))
	case "yaml":
		return WriteYAML(w, Machine(data))
	case "csv", "tsv":
		return writeRecords(w, format, data)
	}
	return ValidateOutput(format)
}

// PrintJSON writes data as -o json does, through --jq or --template when given: for commands
// whose JSON is not the model Print takes (a raw answer, a manifest).
func (f *Factory) PrintJSON(data any) error {
	if f.Global.Filter != nil {
		return f.Global.Filter.Write(f.IOStreams.Out, data)
	}
	return WriteJSON(f.IOStreams.Out, data)
}

// WriteJSON writes v as indented JSON without HTML escaping.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// WriteYAML writes v as YAML with the same field names and order as its JSON form, so the
// json tags of the model are the one naming contract for both formats.
func WriteYAML(w io.Writer, v any) error {
	var buf bytes.Buffer
	if err := WriteJSON(&buf, v); err != nil {
		return err
	}
	var node yaml.Node
	if err := yaml.Unmarshal(buf.Bytes(), &node); err != nil {
		return fmt.Errorf("converting output to YAML: %w", err)
	}
	plainStyle(&node)
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(&node); err != nil {
		return err
	}
	return enc.Close()
}

// plainStyle drops the flow and quoting styles that parsing JSON leaves on the nodes, so the
// YAML reads like YAML. Strings that would change type without quotes are quoted again by the
// encoder.
func plainStyle(n *yaml.Node) {
	n.Style = 0
	for _, c := range n.Content {
		plainStyle(c)
	}
}

// YAMLError makes one line of a YAML decoding error, keeping every "line N: …" it lists and
// dropping the Go type names, which mean nothing to a merchant.
func YAMLError(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: unmarshal errors:")
	var parts []string
	for _, l := range strings.Split(msg, "\n") {
		l = strings.TrimSpace(l)
		if i := strings.Index(l, " in type "); i >= 0 {
			l = l[:i]
		}
		if l != "" {
			parts = append(parts, l)
		}
	}
	return strings.Join(parts, "; ")
}
