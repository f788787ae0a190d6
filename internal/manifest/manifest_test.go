package manifest

import (
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

func env(vars map[string]string) func(string) (string, bool) {
	return func(k string) (string, bool) { v, ok := vars[k]; return v, ok }
}

func tree(t *testing.T, src string) *yaml.Node {
	t.Helper()
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(src), &root); err != nil {
		t.Fatal(err)
	}
	return &root
}

func TestInterpolate(t *testing.T) {
	src := "# ${NOT_SET} in a comment stays\nurl: ${URL}/spi\nprice: $$5\nmissing: ${NOPE}\n"
	root := tree(t, src)
	probs := Interpolate(root, env(map[string]string{"URL": "https://isv.example.com"}))
	if len(probs) != 1 || probs[0].Line != 4 || !strings.Contains(probs[0].Msg.In(i18n.EN), "${NOPE} is not set") {
		t.Fatalf("problems = %v", probs)
	}
	var got map[string]string
	root.Decode(&got)
	if got["url"] != "https://isv.example.com/spi" || got["price"] != "$5" || got["missing"] != "${NOPE}" {
		t.Fatalf("got %v", got)
	}
	// An empty value is a value: only an unset variable is a problem.
	if probs := Interpolate(tree(t, "a: ${EMPTY}"), env(map[string]string{"EMPTY": ""})); len(probs) != 0 {
		t.Fatalf("empty variable refused: %v", probs)
	}
}

// Nothing leaks through a manifest: credential variables are never substituted, a value that
// holds a credential in force is refused whatever its variable, values go in as data (a newline
// cannot add a product), and a manifest's vars list is all it may name.
func TestInterpolationCannotLeak(t *testing.T) {
	secret := "s3cr3t-value-123456"
	vars := env(map[string]string{"MKT_ACCESS_KEY_SECRET": secret, "MKT_SECURITY_TOKEN": "tok-1234567890", "COPY": "x" + secret,
		"GITHUB_TOKEN": "ghp_x", "NAME": "App\n  - key: evil\n    name: Injected", "CATEGORY": "42", "URL": "https://a.example.com"})
	for _, tc := range []struct {
		src, want string
	}{
		{"name: ${MKT_ACCESS_KEY_SECRET}", "credential variable"},
		{"summary: \"${MKT_SECURITY_TOKEN}\"", "credential variable"},
		{"name: ${GITHUB_TOKEN}", "credential variable"},
		{"name: ${COPY}", "holds a credential in force"},
		{"vars: [URL]\nname: ${CATEGORY}", "not declared"},
	} {
		probs := Interpolate(tree(t, tc.src), vars)
		if len(probs) != 1 || !strings.Contains(probs[0].Msg.In(i18n.EN), tc.want) || probs[0].Line == 0 {
			t.Errorf("%q: %v, want %q with its line", tc.src, probs, tc.want)
		}
	}
	src := good + "  - key: second\n    name: ${NAME}\n    type: saas\n    category: ${CATEGORY}\n    delivery: spi\n    productionUrl: ${URL}/spi\n    validity: [1m]\n    skus: [{name: Basic, price: \"1\"}]\n"
	m, err := Parse([]byte(src), vars)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Products) != 2 || m.Products[1].Name != "App\n  - key: evil\n    name: Injected" || m.Products[1].Category != 42 {
		t.Fatalf("products %+v", m.Products)
	}
	// A problem found after interpolation is reported at the manifest's own line.
	_, err = Parse([]byte(good+"    sumary: ${URL}\n"), vars)
	if probs, ok := err.(Problems); !ok || len(probs) != 1 || probs[0].Line != 13 {
		t.Fatalf("unknown field after interpolation: %v", err)
	}
}

const good = `apiVersion: mkt/v1
kind: Listing
products:
  - key: app
    name: App
    type: saas
    delivery: spi
    productionUrl: https://isv.example.com/spi
    validity: [1m]
    skus:
      - name: Basic
        price: "9"
`

func TestParseReportsAllProblemsWithPositions(t *testing.T) {
	src := strings.Replace(good, "    name: App\n", "    name: App\n    sumary: x\n    category: abc\n", 1)
	_, err := Parse([]byte(src), env(nil))
	probs, ok := err.(Problems)
	if !ok || len(probs) != 2 {
		t.Fatalf("err = %v", err)
	}
	got := probs.In(i18n.EN)
	for _, want := range []string{"line 6, column 5: YAML: field sumary not found", "line 7, column 15: YAML: cannot unmarshal !!str `abc`"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	// Rule problems are all reported too, in file order, in both languages.
	src = strings.Replace(good, `price: "9"`, `price: free`, 1) + "  - key: svc\n    name: S\n    type: service\n    validity: [1m]\n"
	_, err = Parse([]byte(src), env(nil))
	probs, _ = err.(Problems)
	if len(probs) != 2 || probs[0].Line != 4 || probs[1].Line != 13 {
		t.Fatalf("problems = %v", err)
	}
	if zh := probs.In(i18n.ZH); !strings.Contains(zh, "第 4 行：") || !strings.Contains(zh, "第 13 行：") {
		t.Fatalf("zh = %s", zh)
	}
	// The API's 60-character name rule is the plan's too: counted in characters, not bytes.
	src = good + "  - key: long\n    name: " + strings.Repeat("发", 61) + "\n    type: service\n    validity: [1y]\n" +
		"  - key: sixty\n    name: " + strings.Repeat("发", 60) + "\n    type: service\n    validity: [1y]\n"
	_, err = Parse([]byte(src), env(nil))
	probs, _ = err.(Problems)
	if len(probs) != 1 || !strings.Contains(probs.In(i18n.EN), "61 characters; at most 60") {
		t.Fatalf("a 61-character name: %v", err)
	}
}

func TestParseNormalizes(t *testing.T) {
	m, err := Parse([]byte(good), env(nil))
	if err != nil {
		t.Fatal(err)
	}
	in := desired(m.Products[0])
	if len(in.Skus) != 1 || in.Skus[0].Price != "9.00" || in.Skus[0].Code != "" {
		t.Fatalf("skus = %+v", in.Skus)
	}
}

func TestTokenIsContentDerived(t *testing.T) {
	a := Token("app", "create", map[string]string{"Name": "App"})
	if a != Token("app", "create", map[string]string{"Name": "App"}) {
		t.Fatal("token not stable")
	}
	for _, other := range []string{
		Token("app2", "create", map[string]string{"Name": "App"}),
		Token("app", "submit", map[string]string{"Name": "App"}),
		Token("app", "create", map[string]string{"Name": "App 2"}),
	} {
		if other == a {
			t.Fatal("different entries share a token")
		}
	}
	if len(a) > 64 || !strings.HasPrefix(a, "mkt-") {
		t.Fatalf("token %q", a)
	}
}

func TestPlan(t *testing.T) {
	m, err := Parse([]byte(good+"bundles:\n  - name: suite\n    products: [app]\n    discount: 10%\n"), env(nil))
	if err == nil {
		t.Fatal("a one-product bundle was accepted")
	}
	m, err = Parse([]byte(good), env(nil))
	if err != nil {
		t.Fatal(err)
	}

	plan := MakePlan(m, Snapshot{})
	if len(plan.Items) != 1 || plan.Items[0].Action != Create {
		t.Fatalf("empty marketplace: %+v", plan.Items)
	}

	cur := marketapi.Product{Code: "cmgj00000001", Name: "App", Type: "SAAS", Status: "DRAFT", DeliveryMode: "spi",
		ProductionUrl: "https://isv.example.com/spi", ValidityPeriods: []string{"1m"},
		Skus:        []marketapi.SKU{{Code: "sku1", Name: "Basic", ChargeType: "PREPAY", Price: "9.00"}},
		ExternalKey: ExternalKey("app")}
	plan = MakePlan(m, Snapshot{Products: []marketapi.Product{cur}})
	if it := plan.Items[0]; it.Action != Unchanged || it.Code != cur.Code {
		t.Fatalf("same product: %+v", it)
	}

	moved := cur
	moved.ProductionUrl = "https://old.example.com/spi"
	plan = MakePlan(m, Snapshot{Products: []marketapi.Product{moved}})
	it := plan.Items[0]
	if it.Action != Update || len(it.Changes) != 1 || it.Changes[0].Field != "productionUrl" ||
		it.Changes[0].Old != "https://old.example.com/spi" || it.Changes[0].New != "https://isv.example.com/spi" {
		t.Fatalf("draft with another URL: %+v", it)
	}

	moved.Status = "LISTED"
	plan = MakePlan(m, Snapshot{Products: []marketapi.Product{moved}})
	plan.Localize(i18n.EN)
	if it := plan.Items[0]; it.Action != Blocked || it.Block.Code != "Forbidden.ProductionUrlLocked" || !strings.Contains(it.Block.Next, "reject") {
		t.Fatalf("listed with another URL: %+v", it)
	}

	retyped := cur
	retyped.Type = "API"
	if it := MakePlan(m, Snapshot{Products: []marketapi.Product{retyped}}).Items[0]; it.Action != Blocked {
		t.Fatalf("type change: %+v", it)
	}
}

func TestExportRoundTrip(t *testing.T) {
	cur := marketapi.Product{Code: "cmgj00000001", Name: "Pay ${AMOUNT} $5 now", Type: "SAAS", Status: "LISTED", DeliveryMode: "spi",
		ProductionUrl: "https://isv.example.com/spi", ValidityPeriods: []string{"1m", "1y"},
		Skus: []marketapi.SKU{{Code: "sku1", Name: "Basic", ChargeType: "PREPAY", Price: "9.00"}}}
	snap := Snapshot{Products: []marketapi.Product{cur}}
	b, err := Encode(Export(snap))
	if err != nil {
		t.Fatal(err)
	}
	// Whether AMOUNT is set or not, the exported name reads back as itself ($$ is a literal $).
	for _, vars := range []map[string]string{nil, {"AMOUNT": "5"}} {
		m, err := Parse(b, env(vars))
		if err != nil {
			t.Fatalf("exported manifest does not parse: %v\n%s", err, b)
		}
		// Adopting a listed product plans nothing: recording its key is no edit.
		for _, it := range MakePlan(m, snap).Items {
			if it.Action != Unchanged || len(it.Changes) > 0 {
				t.Errorf("exported manifest plans %s %+v\n%s", it.Action, it.Changes, b)
			}
		}
	}
}

func TestLoadRefusesWhatIsNotAFile(t *testing.T) {
	if _, err := Load("/dev/zero", nil, env(nil)); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("/dev/zero: %v", err)
	}
	if _, err := Load("-", strings.NewReader(strings.Repeat("#", MaxBytes+1)), env(nil)); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("a huge stdin: %v", err)
	}
}

// One validity grammar in files too: a list, or one string with commas or spaces.
func TestValidityGrammar(t *testing.T) {
	for _, v := range []string{`[1m, 3m, 1y]`, `"1m, 3m 1y"`, `1m,3m,12m`, `["1m 3m", 1y]`} {
		src := strings.Replace(good, "validity: [1m]", "validity: "+v, 1)
		if src == good {
			t.Fatal("the fixture has no 'validity: [1m]' line")
		}
		m, err := Parse([]byte(src), env(nil))
		if err != nil {
			t.Fatalf("%s: %v", v, err)
		}
		if got := strings.Join(desired(m.Products[0]).ValidityPeriods, " "); got != "1m 3m 1y" {
			t.Errorf("%s: %s", v, got)
		}
	}
	src := strings.Replace(good, "validity: [1m]", "validity: 1m 2m", 1)
	if _, err := Parse([]byte(src), env(nil)); err == nil || !strings.Contains(err.Error(), "not a period buyers can order") {
		t.Errorf("2m: %v", err)
	}
}
