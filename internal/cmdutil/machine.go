package cmdutil

import (
	"bytes"
	"encoding"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// The machine-output contract (docs/output.md): whatever a command prints with -o json, -o
// yaml, -o csv, -o tsv, --jq or --template is its model passed through Machine, so every
// command follows the same rules whatever type it prints:
//
//   - field names are camelCase (a struct field's JSON name with its leading capitals lowered:
//     CategoryId → categoryId, URL → url); keys of maps are data and stay as they are;
//   - every time is RFC 3339 in UTC (time.Time values, and wire fields tagged mkt:"time" —
//     epoch milliseconds, or "2006-01-02 15:04:05" in Beijing time); an unset time is null;
//   - wire fields tagged mkt:"bool" ("true"/"false" strings) are booleans, and those tagged
//     mkt:"json" (a JSON document sent as a string) are that document, or null when unset;
//   - fields keep their declaration order.
//
// Raw API answers (mkt api) are not models and are printed as the API sent them.

// Object is a JSON object whose keys keep their order.
type Object struct {
	Keys []string
	Vals map[string]any
}

func newObject(n int) *Object {
	return &Object{Keys: make([]string, 0, n), Vals: make(map[string]any, n)}
}

func (o *Object) set(k string, v any) {
	if _, ok := o.Vals[k]; !ok {
		o.Keys = append(o.Keys, k)
	}
	o.Vals[k] = v
}

// MarshalJSON writes the object with its keys in order.
func (o *Object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range o.Keys {
		if i > 0 {
			b.WriteByte(',')
		}
		kb, _ := json.Marshal(k)
		b.Write(kb)
		b.WriteByte(':')
		vb, err := marshalNoEscape(o.Vals[k])
		if err != nil {
			return nil, err
		}
		b.Write(vb)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func marshalNoEscape(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// beijing is the marketplace's own time zone, in which its wire sends zone-less times.
var beijing = time.FixedZone("CST", 8*3600)

// Machine returns v as the machine-output contract shapes it: nil, bool, string, json.Number,
// []any or *Object.
func Machine(v any) any {
	if m, ok := v.(*Object); ok {
		return m
	}
	return walker{}.value(reflect.ValueOf(v))
}

// walker turns a Go value into the contract's shape; keepEmpty keeps omitempty fields (the
// columns of -o csv are those of the type, not of its first row).
type walker struct{ keepEmpty bool }

var (
	timeType      = reflect.TypeOf(time.Time{})
	rawType       = reflect.TypeOf(json.RawMessage{})
	numberType    = reflect.TypeOf(json.Number(""))
	objectType    = reflect.TypeOf(&Object{})
	marshalerType = reflect.TypeOf((*json.Marshaler)(nil)).Elem()
	textType      = reflect.TypeOf((*encoding.TextMarshaler)(nil)).Elem()
)

func (w walker) value(v reflect.Value) any {
	if !v.IsValid() {
		return nil
	}
	switch v.Type() {
	case timeType:
		t := v.Interface().(time.Time)
		if t.IsZero() {
			return nil
		}
		return t.UTC().Format(time.RFC3339)
	case rawType:
		return decodeOrdered(v.Bytes())
	case numberType:
		return v.Interface()
	case objectType:
		return v.Interface()
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return w.value(v.Elem())
	}
	if v.Type().Implements(marshalerType) {
		b, err := v.Interface().(json.Marshaler).MarshalJSON()
		if err != nil {
			return nil
		}
		return decodeOrdered(b)
	}
	if v.Type().Implements(textType) {
		b, err := v.Interface().(encoding.TextMarshaler).MarshalText()
		if err != nil {
			return nil
		}
		return string(b)
	}
	switch v.Kind() {
	case reflect.Bool:
		return v.Bool()
	case reflect.String:
		return v.String()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return json.Number(strconv.FormatInt(v.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return json.Number(strconv.FormatUint(v.Uint(), 10))
	case reflect.Float32, reflect.Float64:
		return json.Number(strconv.FormatFloat(v.Float(), 'g', -1, v.Type().Bits()))
	case reflect.Slice:
		if v.IsNil() {
			return []any{}
		}
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return base64.StdEncoding.EncodeToString(v.Bytes())
		}
		fallthrough
	case reflect.Array:
		out := make([]any, v.Len())
		for i := range out {
			out[i] = w.value(v.Index(i))
		}
		return out
	case reflect.Map:
		keys := v.MapKeys()
		names := make([]string, len(keys))
		for i, k := range keys {
			names[i] = fmt.Sprint(k.Interface())
		}
		idx := make([]int, len(keys))
		for i := range idx {
			idx[i] = i
		}
		sort.Slice(idx, func(a, b int) bool { return names[idx[a]] < names[idx[b]] })
		o := newObject(len(keys))
		for _, i := range idx {
			o.set(names[i], w.value(v.MapIndex(keys[i])))
		}
		return o
	case reflect.Struct:
		o := newObject(v.NumField())
		w.structFields(o, v)
		return o
	}
	return nil
}

// machineStruct adds v's fields to o as encoding/json would name and omit them, camelCased and
// converted by their mkt tags; an embedded struct's fields are promoted, the outer ones win.
func (w walker) structFields(o *Object, v reflect.Value) {
	t := v.Type()
	var embedded []reflect.Value
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		tag := sf.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		fv := v.Field(i)
		if sf.Anonymous && name == "" {
			ft := sf.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
				if fv.IsNil() {
					continue
				}
				fv = fv.Elem()
			}
			if ft.Kind() == reflect.Struct && ft != timeType {
				embedded = append(embedded, fv)
				continue
			}
		}
		if !sf.IsExported() {
			continue
		}
		if strings.Contains(","+opts+",", ",omitempty,") && !w.keepEmpty && isEmpty(fv) {
			continue
		}
		if name == "" {
			name = sf.Name
		}
		o.set(CamelCase(name), w.convert(sf.Tag.Get("mkt"), fv))
	}
	for _, e := range embedded {
		inner := newObject(e.NumField())
		w.structFields(inner, e)
		for _, k := range inner.Keys {
			if _, taken := o.Vals[k]; !taken {
				o.set(k, inner.Vals[k])
			}
		}
	}
}

// wireTime reads a time as the wire sends it — epoch milliseconds (a number or a string of
// digits), RFC 3339, or "2006-01-02 15:04:05" in Beijing time — as RFC 3339 in UTC; unset
// (0 or "") is null, and what does not read as a time is kept as it is.
func wireTime(v reflect.Value) any {
	var s string
	switch v.Kind() {
	case reflect.Int, reflect.Int32, reflect.Int64:
		if v.Int() <= 0 {
			return nil
		}
		return time.UnixMilli(v.Int()).UTC().Format(time.RFC3339)
	case reflect.String:
		s = strings.TrimSpace(v.String())
	default:
		return walker{}.value(v)
	}
	if s == "" {
		return nil
	}
	if ms, err := strconv.ParseInt(s, 10, 64); err == nil {
		if ms <= 0 {
			return nil
		}
		return time.UnixMilli(ms).UTC().Format(time.RFC3339)
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC().Format(time.RFC3339)
	}
	for _, layout := range []string{"2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02 15:04"} {
		if t, err := time.ParseInLocation(layout, s, beijing); err == nil {
			return t.UTC().Format(time.RFC3339)
		}
	}
	return s
}

// convert applies a field's mkt tag: the wire's epoch milliseconds, Beijing-time strings and
// "true"/"false" strings become times and booleans.
func (w walker) convert(tag string, v reflect.Value) any {
	switch tag {
	case "time":
		return wireTime(v)
	case "json":
		// A JSON document the wire sends as a string (an instance's auto-renewal settings):
		// the document itself; unset ("" or "false") is null.
		raw := strings.TrimSpace(v.String())
		if raw == "" || raw == "false" || raw == "null" {
			return nil
		}
		if json.Valid([]byte(raw)) {
			return decodeOrdered([]byte(raw))
		}
		return raw
	case "bool":
		switch strings.ToLower(strings.TrimSpace(v.String())) {
		case "true", "1", "yes", "y":
			return true
		case "false", "0", "no", "n", "":
			return false
		}
		return v.String()
	}
	return w.value(v)
}

func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool:
		return !v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() == 0
	case reflect.Float32, reflect.Float64:
		return v.Float() == 0
	case reflect.Interface, reflect.Pointer:
		return v.IsNil()
	}
	return false
}

// CamelCase lowers a name's leading capitals: Code → code, CategoryId → categoryId, URL →
// url, HTTPStatus → httpStatus, SKUs → skus. Names that start lower-case are kept.
func CamelCase(s string) string {
	r := []rune(s)
	n := 0
	for n < len(r) && unicode.IsUpper(r[n]) {
		n++
	}
	switch {
	case n == 0:
		return s
	case n == len(r) || (n > 1 && string(r[n:]) == "s"):
		return strings.ToLower(s)
	case n > 1 && unicode.IsLower(r[n]):
		n-- // the last capital starts the next word
	}
	for i := 0; i < n; i++ {
		r[i] = unicode.ToLower(r[i])
	}
	return string(r)
}

// decodeOrdered decodes JSON keeping its objects' key order (numbers as json.Number); what
// does not decode is kept as a string.
func decodeOrdered(b []byte) any {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	v, err := decodeValue(dec)
	if err != nil {
		return string(b)
	}
	return v
}

func decodeValue(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch d := tok.(type) {
	case json.Delim:
		switch d {
		case '{':
			o := newObject(4)
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				val, err := decodeValue(dec)
				if err != nil {
					return nil, err
				}
				o.set(kt.(string), val)
			}
			_, err := dec.Token()
			return o, err
		case '[':
			out := []any{}
			for dec.More() {
				val, err := decodeValue(dec)
				if err != nil {
					return nil, err
				}
				out = append(out, val)
			}
			_, err := dec.Token()
			return out, err
		}
	}
	return tok, nil
}
