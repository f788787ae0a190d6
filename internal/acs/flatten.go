package acs

import (
	"encoding/json"
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"
)

// Flatten writes x in RPC style under prefix, as darabonba's openapiutil.Query does: an
// object's fields as prefix.Field, a list's items as prefix.1, prefix.2, …, scalars as text.
// x is anything encoding/json encodes; empty strings and nulls are left out.
func Flatten(v url.Values, prefix string, x any) error {
	b, err := json.Marshal(x)
	if err != nil {
		return err
	}
	var tree any
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.UseNumber()
	if err := dec.Decode(&tree); err != nil {
		return err
	}
	flatten(v, prefix, tree)
	return nil
}

func flatten(v url.Values, prefix string, x any) {
	join := func(k string) string {
		if prefix == "" {
			return k
		}
		return prefix + "." + k
	}
	switch t := x.(type) {
	case nil:
	case map[string]any:
		for k, e := range t {
			flatten(v, join(k), e)
		}
	case []any:
		for i, e := range t {
			flatten(v, join(strconv.Itoa(i+1)), e)
		}
	case string:
		if t != "" {
			v.Set(prefix, t)
		}
	case json.Number:
		v.Set(prefix, t.String())
	case bool:
		v.Set(prefix, strconv.FormatBool(t))
	default:
		v.Set(prefix, fmt.Sprint(t))
	}
}

// Unflatten reads back what Flatten wrote under prefix into out (anything encoding/json
// decodes): prefix.N segments become list items in N order, others object fields, scalars
// strings (out's fields are strings). It reports whether any parameter was under prefix.
func Unflatten(v url.Values, prefix string, out any) (bool, error) {
	root := map[string]any{}
	found := false
	for k, vs := range v {
		rest, ok := strings.CutPrefix(k, prefix+".")
		if !ok || len(vs) == 0 {
			continue
		}
		found = true
		put(root, strings.Split(rest, "."), vs[0])
	}
	if !found {
		return false, nil
	}
	b, err := json.Marshal(listify(root))
	if err != nil {
		return true, err
	}
	return true, json.Unmarshal(b, out)
}

func put(m map[string]any, path []string, val string) {
	if len(path) == 1 {
		m[path[0]] = val
		return
	}
	next, ok := m[path[0]].(map[string]any)
	if !ok {
		next = map[string]any{}
		m[path[0]] = next
	}
	put(next, path[1:], val)
}

// listify turns objects whose keys are all 1, 2, … into lists, in order.
func listify(x any) any {
	m, ok := x.(map[string]any)
	if !ok {
		return x
	}
	for k, e := range m {
		m[k] = listify(e)
	}
	idx := make([]int, 0, len(m))
	for k := range m {
		n, err := strconv.Atoi(k)
		if err != nil || n < 1 {
			return m
		}
		idx = append(idx, n)
	}
	if len(idx) == 0 {
		return m
	}
	sort.Ints(idx)
	out := make([]any, 0, len(idx))
	for _, n := range idx {
		out = append(out, m[strconv.Itoa(n)])
	}
	return out
}
