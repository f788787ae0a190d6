package marketapi

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
)

// metadata is the part of the public API metadata (a checked-in copy of
// market-2015-11-01-api-docs.json) that the table must agree with.
type metadata struct {
	Info struct {
		Product string `json:"product"`
		Version string `json:"version"`
	} `json:"info"`
	Apis map[string]struct {
		Methods    []string `json:"methods"`
		SystemTags struct {
			OperationType string `json:"operationType"`
		} `json:"systemTags"`
		Parameters []struct {
			Name string `json:"name"`
		} `json:"parameters"`
	} `json:"apis"`
}

func loadMetadata(t *testing.T) metadata {
	t.Helper()
	b, err := os.ReadFile("testdata/market-2015-11-01-api-docs.json")
	if err != nil {
		t.Fatal(err)
	}
	var m metadata
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// The public rows are exactly the metadata's actions, with its methods, its read/write nature
// and its ClientToken parameter.
func TestPublicRowsMatchMetadata(t *testing.T) {
	m := loadMetadata(t)
	if m.Info.Version != Version || m.Info.Product != APIProduct {
		t.Fatalf("metadata of %s %s, table %s %s", m.Info.Product, m.Info.Version, APIProduct, Version)
	}
	pubs := OfKind(Public)
	if len(pubs) != len(m.Apis) || len(pubs) != 31 {
		t.Errorf("%d public rows, metadata has %d actions", len(pubs), len(m.Apis))
	}
	for _, a := range pubs {
		api, ok := m.Apis[a.Name]
		if !ok {
			t.Errorf("%s: public in the table, absent from the metadata", a.Name)
			continue
		}
		want := map[string]bool{}
		for _, meth := range api.Methods {
			want[strings.ToUpper(meth)] = true
		}
		if len(want) != len(a.Methods) {
			t.Errorf("%s: methods %v, metadata %v", a.Name, a.Methods, api.Methods)
		}
		for _, meth := range a.Methods {
			if !want[meth] {
				t.Errorf("%s: method %s not in metadata %v", a.Name, meth, api.Methods)
			}
		}
		if want["POST"] && a.Sends() != "POST" {
			t.Errorf("%s: sends %s though POST is allowed", a.Name, a.Sends())
		}
		op := api.SystemTags.OperationType
		if readOnly := op == "get" || op == "list"; readOnly != a.ReadOnly {
			t.Errorf("%s: ReadOnly %v, metadata operation %q", a.Name, a.ReadOnly, op)
		}
		token := slices.ContainsFunc(api.Parameters, func(p struct {
			Name string `json:"name"`
		}) bool {
			return p.Name == "ClientToken"
		})
		if token != a.ClientToken {
			t.Errorf("%s: ClientToken %v, metadata %v", a.Name, a.ClientToken, token)
		}
		if a.Version != Version {
			t.Errorf("%s: version %s", a.Name, a.Version)
		}
	}
	for name := range m.Apis {
		if a, ok := Lookup(name); !ok || a.Kind != Public {
			t.Errorf("%s: in the metadata, not a public row", name)
		}
	}
}

func TestTableRows(t *testing.T) {
	seen := map[string]bool{}
	for _, a := range table {
		if seen[a.Key()] {
			t.Errorf("%s: two rows", a.Key())
		}
		seen[a.Key()] = true
		if a.Product != APIProduct && a.Product != NestProduct && a.Product != STSProduct {
			t.Errorf("%s: product %q", a.Name, a.Product)
		}
		if p, ok := ProductOfVersion(a.Version); !ok || p != a.Product {
			t.Errorf("%s: version %s is not %s's", a.Key(), a.Version, a.Product)
		}
		if len(a.Methods) == 0 || a.Version == "" || a.Kind == 0 {
			t.Errorf("%s: incomplete row %+v", a.Name, a)
		}
		if strings.HasPrefix(a.Name, "Sandbox") != (a.Kind == SandboxOnly) {
			t.Errorf("%s: sandbox-only actions, and only they, are named Sandbox*", a.Name)
		}
		if a.Kind != Public && a.ReadOnly && a.ClientToken {
			t.Errorf("%s: a read takes no ClientToken", a.Name)
		}
	}
	// The first round's client list named actions nothing served; these must take tokens.
	for _, n := range []string{"ModifyCreditPayment", "ModifySettlementAccount", "SubmitOnboarding", "ModifyShop"} {
		if a, ok := Lookup(n); !ok || !a.ClientToken {
			t.Errorf("%s: must take a ClientToken", n)
		}
	}
	if _, ok := Lookup("BindSettlementAccount"); ok {
		t.Error("BindSettlementAccount is served by nothing")
	}
}

// The ComputeNestSupplier rows are the reference's actions (testdata/computenest-actions.txt,
// taken from ../shared/reference/computenest-supplier-api.md: name, methods), public, each
// change with a ClientToken where the reference lists one.
func TestNestRowsMatchReference(t *testing.T) {
	b, err := os.ReadFile("testdata/computenest-actions.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		want[f[0]] = f[1:]
	}
	rows := OfProduct(NestProduct, Public)
	if len(rows) != len(want) || len(rows) != 25 {
		t.Errorf("%d ComputeNestSupplier rows, the reference has %d", len(rows), len(want))
	}
	for _, a := range rows {
		w, ok := want[a.Name]
		if !ok {
			t.Errorf("%s: not in the reference", a.Name)
			continue
		}
		methods, token := strings.Split(w[0], "|"), w[1] == "token"
		if !slices.Equal(a.Methods, methods) {
			t.Errorf("%s: methods %v, reference %v", a.Name, a.Methods, methods)
		}
		if a.ClientToken != token {
			t.Errorf("%s: ClientToken %v, reference %v", a.Name, a.ClientToken, token)
		}
		// GetUploadCredentials issues a credential (and the sandbox a place to put a file).
		readOnly := (strings.HasPrefix(a.Name, "Get") || strings.HasPrefix(a.Name, "List")) && a.Name != "GetUploadCredentials"
		if a.ReadOnly != readOnly {
			t.Errorf("%s: ReadOnly %v", a.Name, a.ReadOnly)
		}
	}
	// Both products have a PushMeteringData: each is found under its own product.
	m, _ := Lookup("PushMeteringData")
	n, _ := LookupIn(NestProduct, "PushMeteringData")
	if m.Version != Version || n.Version != NestVersion {
		t.Errorf("PushMeteringData: Market %s, ComputeNestSupplier %s", m.Version, n.Version)
	}
}
