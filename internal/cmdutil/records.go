package cmdutil

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"reflect"
	"strings"
)

// -o csv and -o tsv print the machine form (Machine) as records: one per item of a list (one
// for a single object), one column per field, nested objects' fields as dotted names
// (shopInfo.name), lists and deeper values as compact JSON in their cell. csv has a header
// line and RFC 4180 quoting; tsv has no header (it is for cut, awk and read, like az -o tsv)
// and tabs or line breaks inside a value become spaces.

// recordWriter writes the records of one output.
type recordWriter struct {
	tsv  bool
	w    io.Writer
	csv  *csv.Writer
	cols []string
}

func newRecordWriter(w io.Writer, format string) *recordWriter {
	r := &recordWriter{w: w, tsv: format == "tsv"}
	if !r.tsv {
		r.csv = csv.NewWriter(w)
	}
	return r
}

// header fixes the columns and writes the csv header line.
func (r *recordWriter) header(cols []string) error {
	r.cols = cols
	if r.tsv {
		return nil
	}
	return r.csv.Write(cols)
}

// row writes one machine value under the columns.
func (r *recordWriter) row(v any) error {
	cells := make([]string, len(r.cols))
	for i, c := range r.cols {
		cells[i] = cell(lookup(v, c))
	}
	if r.tsv {
		clean := strings.NewReplacer("\t", " ", "\r\n", " ", "\n", " ", "\r", " ")
		for i := range cells {
			cells[i] = clean.Replace(cells[i])
		}
		_, err := io.WriteString(r.w, strings.Join(cells, "\t")+"\n")
		return err
	}
	return r.csv.Write(cells)
}

func (r *recordWriter) flush() error {
	if r.csv != nil {
		r.csv.Flush()
		return r.csv.Error()
	}
	return nil
}

// writeRecords prints data (any model) as csv or tsv.
func writeRecords(w io.Writer, format string, data any) error {
	m := Machine(data)
	items, isList := m.([]any)
	if !isList {
		items = []any{m}
	}
	var cols []string
	seen := map[string]bool{}
	add := func(c string) {
		for p := c; ; {
			if seen[p] {
				return // the column or a parent of it (a map printed whole) is there
			}
			i := strings.LastIndexByte(p, '.')
			if i < 0 {
				break
			}
			p = p[:i]
		}
		seen[c] = true
		cols = append(cols, c)
	}
	// The type's own fields first (an omitted empty field still has its column), then any
	// the items add.
	for _, c := range typeColumns(reflect.TypeOf(data)) {
		add(c)
	}
	for _, it := range items {
		for _, c := range columns("", it) {
			add(c)
		}
	}
	rw := newRecordWriter(w, format)
	if err := rw.header(cols); err != nil {
		return err
	}
	for _, it := range items {
		if err := rw.row(it); err != nil {
			return err
		}
	}
	return rw.flush()
}

// typeColumns are the columns of a struct type (or of a list's element type), from its zero
// value with every field kept.
func typeColumns(t reflect.Type) []string {
	for t != nil && (t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array) {
		t = t.Elem()
	}
	if t == nil || t.Kind() != reflect.Struct || t == timeType {
		return nil
	}
	return columns("", walker{keepEmpty: true}.value(reflect.New(t).Elem()))
}

// columns are the dotted paths of v's scalar fields (a scalar itself is one column, "value").
func columns(prefix string, v any) []string {
	o, ok := v.(*Object)
	if !ok {
		if prefix == "" {
			return []string{"value"}
		}
		return []string{prefix}
	}
	var out []string
	for _, k := range o.Keys {
		p := k
		if prefix != "" {
			p = prefix + "." + k
		}
		if inner, ok := o.Vals[k].(*Object); ok && len(inner.Keys) > 0 {
			out = append(out, columns(p, inner)...)
			continue
		}
		out = append(out, p)
	}
	return out
}

// lookup follows a dotted column path into v.
func lookup(v any, path string) any {
	if _, ok := v.(*Object); !ok && path == "value" {
		return v
	}
	for _, part := range strings.Split(path, ".") {
		o, ok := v.(*Object)
		if !ok {
			return nil
		}
		if v, ok = o.Vals[part]; !ok {
			return nil
		}
	}
	return v
}

// cell is a value's text in a record.
func cell(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case bool:
		if x {
			return "true"
		}
		return "false"
	case json.Number:
		return string(x)
	}
	b, err := marshalNoEscape(v)
	if err != nil {
		return ""
	}
	return string(b)
}
