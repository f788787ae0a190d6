package sandbox_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/sandbox"
)

// schema is the part of the public metadata's response schemas the test reads.
type schema struct {
	Type       string             `json:"type"`
	Properties map[string]*schema `json:"properties"`
	Items      *schema            `json:"items"`
}

func loadSchemas(t *testing.T) map[string]*schema {
	t.Helper()
	b, err := os.ReadFile("../marketapi/testdata/market-2015-11-01-api-docs.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Apis map[string]struct {
			Responses map[string]struct {
				Schema *schema `json:"schema"`
			} `json:"responses"`
		} `json:"apis"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	out := map[string]*schema{}
	for name, a := range doc.Apis {
		out[name] = a.Responses["200"].Schema
	}
	return out
}

// conform lists where v differs from s: missing fields, extra fields, wrong types.
func conform(path string, s *schema, v any) []string {
	var out []string
	typeOf := func(v any) string {
		switch x := v.(type) {
		case nil:
			return "null"
		case bool:
			return "boolean"
		case string:
			return "string"
		case json.Number:
			if _, err := strconv.ParseInt(string(x), 10, 64); err == nil {
				return "integer"
			}
			return "number"
		case []any:
			return "array"
		case map[string]any:
			return "object"
		}
		return fmt.Sprintf("%T", v)
	}
	got := typeOf(v)
	want := s.Type
	switch {
	case want == "" || want == "any" || got == "null":
	case want == "number" && got == "integer":
	case want != got:
		return append(out, fmt.Sprintf("%s: %s, metadata says %s", path, got, want))
	}
	switch x := v.(type) {
	case map[string]any:
		for k, sub := range s.Properties {
			if _, ok := x[k]; !ok {
				out = append(out, path+"."+k+": missing")
				continue
			}
			out = append(out, conform(path+"."+k, sub, x[k])...)
		}
		for k := range x {
			if _, ok := s.Properties[k]; !ok && len(s.Properties) > 0 && !(path == strings.SplitN(path, ".", 2)[0] && k == "RequestId") {
				out = append(out, path+"."+k+": not in the metadata")
			}
		}
	case []any:
		if s.Items != nil {
			for i, e := range x {
				if i > 0 {
					break // one element shows the shape
				}
				out = append(out, conform(path+"[]", s.Items, e)...)
			}
		}
	}
	return out
}

// TestPublicAnswersMatchTheMetadata calls all 31 public actions (everyPublicCall) and compares
// each answer with the public metadata's response schema: no missing field, no extra field, no
// wrong type.
func TestPublicAnswersMatchTheMetadata(t *testing.T) {
	schemas := loadSchemas(t)
	store, err := sandbox.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	srv := httptest.NewServer(sandbox.NewServer(store))
	defer srv.Close()
	c := market.New(market.Options{Endpoint: srv.URL, Credential: mustCredential(t, store), Retry: market.RetryPolicy{MaxAttempts: 1}})
	ctx := context.Background()
	for _, pc := range everyPublicCall(t, c) {
		t.Run(pc.Action, func(t *testing.T) {
			resp, err := c.Do(ctx, market.Request{Action: pc.Action, Query: pc.Params})
			if err != nil {
				t.Fatal(err)
			}
			dec := json.NewDecoder(strings.NewReader(string(resp.Body)))
			dec.UseNumber()
			var v any
			if err := dec.Decode(&v); err != nil {
				t.Fatal(err)
			}
			if schemas[pc.Action] == nil {
				t.Fatalf("no response schema for %s in the metadata", pc.Action)
			}
			for _, problem := range conform(pc.Action, schemas[pc.Action], v) {
				t.Error(problem)
			}
		})
	}
}
