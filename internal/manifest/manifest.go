// Package manifest is listings as code: a versioned YAML file with the desired products and
// bundles, parsed with line numbers, checked against every rule before anything is sent,
// compared with the marketplace into a plan, and applied.
package manifest

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/rules"
)

// APIVersion and Kind head every manifest.
const (
	APIVersion = "mkt/v1"
	Kind       = "Listing"
)

// Schema is the manifest's JSON Schema (mkt apply --schema; docs/reference/manifest.schema.json).
//
//go:embed schema.json
var Schema string

// Manifest is a listing file.
type Manifest struct {
	APIVersion string `yaml:"apiVersion"`
	Kind       string `yaml:"kind"`
	// Vars, when given, are the only environment variables ${VAR} may name.
	Vars     []string  `yaml:"vars,omitempty"`
	Products []Product `yaml:"products"`
	Bundles  []Bundle  `yaml:"bundles"`
	Shop     *Shop     `yaml:"shop,omitempty"`
	// Services are Compute Nest services kept in computenest-cli's files, applied with the
	// listing (internal/nest): their API is public, so they apply live too.
	Services []Service `yaml:"services,omitempty"`
	// Dir is the directory the manifest's relative paths start from ("" for standard input:
	// the working directory).
	Dir string `yaml:"-"`
}

// Service is a Compute Nest service of the manifest: its computenest-cli config (relative to
// the manifest), the name it is found by, and the ${Name} values of its config.
type Service struct {
	Key         string            `yaml:"key"`
	File        string            `yaml:"file"`
	ServiceName string            `yaml:"serviceName,omitempty"`
	Parameters  map[string]string `yaml:"parameters,omitempty"`
	line        int
}

// Line is where the service is in the manifest.
func (s Service) Line() int { return s.line }

// Shop is the shop page and the contacts buyers use (FAQ 二 Q1, 四 Q5). Fields left out are
// left alone; the logo and banner images are set with mkt shop edit.
type Shop struct {
	Name         string        `yaml:"name,omitempty"`
	Introduction string        `yaml:"introduction,omitempty"`
	Contacts     *ShopContacts `yaml:"contacts,omitempty"`
	line         int
}

// ShopContacts are the channels buyers use after a purchase.
type ShopContacts struct {
	Wangwang  string `yaml:"wangwang,omitempty"`
	Hotline   string `yaml:"hotline,omitempty"`
	TicketURL string `yaml:"ticketUrl,omitempty"`
}

// ProductSpec is a product's fields as files give them: a product file (mkt product create
// --from-file) and each product of a manifest. Fields left out are left alone.
type ProductSpec struct {
	Name             string      `yaml:"name"`
	Type             string      `yaml:"type"`
	Category         int64       `yaml:"category,omitempty"`
	Summary          string      `yaml:"summary,omitempty"`
	Description      string      `yaml:"description,omitempty"`
	Skus             []rules.SKU `yaml:"skus,omitempty"`
	Validity         Periods     `yaml:"validity,omitempty"`
	Delivery         string      `yaml:"delivery,omitempty"`
	ProductionURL    string      `yaml:"productionUrl,omitempty"`
	ActivationURL    string      `yaml:"activationUrl,omitempty"`
	APIGroup         string      `yaml:"apiGroup,omitempty"`
	APIPrefix        string      `yaml:"apiPrefix,omitempty"`
	ImageID          string      `yaml:"imageId,omitempty"`
	ImageRegion      string      `yaml:"imageRegion,omitempty"`
	DeliveryTemplate string      `yaml:"deliveryTemplate,omitempty"`
}

// Product is a product as the manifest wants it. Key is the manifest's own name for it,
// recorded on the product (ExternalKey) so reruns find it; Code pins an existing product.
type Product struct {
	Key         string `yaml:"key"`
	Code        string `yaml:"code,omitempty"`
	ProductSpec `yaml:",inline"`
	Agreement   string `yaml:"agreementTemplate,omitempty"`
	// AgreementFill fills the template's blanks: company, support, hours, productName, date,
	// or a blank by its own text ("30": "60"). The product's name and today fill theirs.
	AgreementFill map[string]string `yaml:"agreementFill,omitempty"`
	line          int
}

// Bundle is a bundle of manifest products, named by their keys.
type Bundle struct {
	Name     string   `yaml:"name"`
	Products []string `yaml:"products"`
	Discount string   `yaml:"discount,omitempty"`
	Price    string   `yaml:"price,omitempty"`
	line     int
}

// Problem is one thing wrong with a manifest, with its line when known.
type Problem struct {
	Line int
	Col  int // 0 when the parser does not say
	Msg  i18n.Message
}

// Problems is every problem of a manifest: the CLI prints them all and exits 2.
type Problems []Problem

func (p Problems) Error() string { return p.In(i18n.EN) }

// In renders the problems in lang, one per line.
func (p Problems) In(lang i18n.Lang) string {
	var b strings.Builder
	for i, pr := range p {
		if i > 0 {
			b.WriteByte('\n')
		}
		switch {
		case pr.Line > 0 && pr.Col > 0:
			b.WriteString(i18n.M("manifest.at.col", pr.Line, pr.Col).In(lang))
		case pr.Line > 0:
			b.WriteString(i18n.M("manifest.at", pr.Line).In(lang))
		}
		b.WriteString(pr.Msg.In(lang))
	}
	return b.String()
}

// envRef and lineRE are compiled on first use: package-level regexps cost every run's start-up.
var envRef = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)\}`) })

// credentialName matches the names of variables that hold credentials: they are never
// substituted, so a manifest (printed by plan in every pull request, published by apply) cannot
// carry one out.
var credentialName = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(SECRET|TOKEN|PASSWORD|PASSWD|PRIVATE|ACCESS_?KEY|SPI_KEY|CREDENTIAL)`)
})

// secretsInForce are the credential variables whose values may not appear in a manifest,
// whatever variable carries them.
var secretsInForce = []string{"MKT_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALICLOUD_ACCESS_KEY_SECRET",
	"MKT_SECURITY_TOKEN", "ALIBABA_CLOUD_SECURITY_TOKEN", "MKT_SPI_KEY"}

// Interpolate replaces ${VAR} in the values of a parsed YAML tree with the variable's value;
// $$ is a literal $. Values go in as data — a value with a newline or a colon stays one string
// and cannot add fields or products. A variable that is not set is a problem, never an empty
// string; so is a credential variable, a value that holds a credential in force, and a variable
// the manifest's `vars` does not declare.
func Interpolate(root *yaml.Node, getenv func(string) (string, bool)) Problems {
	var probs Problems
	declared := declaredVars(root)
	var secrets []string
	for _, name := range secretsInForce {
		if v, ok := getenv(name); ok && len(v) >= 8 {
			secrets = append(secrets, v)
		}
	}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		for _, c := range n.Content {
			walk(c)
		}
		if n.Kind != yaml.ScalarNode || !strings.Contains(n.Value, "$") {
			return
		}
		changed := false
		n.Value = envRef().ReplaceAllStringFunc(n.Value, func(m string) string {
			if m == "$$" {
				changed = true
				return "$"
			}
			name := m[2 : len(m)-1]
			switch {
			case credentialName().MatchString(name):
				probs = append(probs, Problem{Line: n.Line, Col: n.Column, Msg: i18n.M("manifest.env.credential", name)})
				return m
			case declared != nil && !declared[name]:
				probs = append(probs, Problem{Line: n.Line, Col: n.Column, Msg: i18n.M("manifest.env.undeclared", name)})
				return m
			}
			v, ok := getenv(name)
			if !ok {
				probs = append(probs, Problem{Line: n.Line, Col: n.Column, Msg: i18n.M("manifest.env.missing", name)})
				return m
			}
			for _, sec := range secrets {
				if strings.Contains(v, sec) {
					probs = append(probs, Problem{Line: n.Line, Col: n.Column, Msg: i18n.M("manifest.env.secretvalue", name)})
					return m
				}
			}
			changed = true
			return v
		})
		// A plain scalar is typed by what it holds once substituted (category: ${CATEGORY} is a
		// number); a quoted one stays a string.
		if changed && n.Style == 0 {
			n.Tag = ""
		}
	}
	walk(root)
	return probs
}

// declaredVars is the manifest's `vars` list, or nil when it has none.
func declaredVars(root *yaml.Node) map[string]bool {
	if len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		return nil
	}
	top := root.Content[0].Content
	for i := 0; i+1 < len(top); i += 2 {
		if top[i].Value == "vars" && top[i+1].Kind == yaml.SequenceNode {
			out := map[string]bool{}
			for _, v := range top[i+1].Content {
				out[v.Value] = true
			}
			return out
		}
	}
	return nil
}

// Load reads, interpolates, parses and checks a manifest.
func Load(path string, stdin io.Reader, getenv func(string) (string, bool)) (*Manifest, error) {
	var r io.Reader = stdin
	if path != "-" {
		// A FIFO or a device (/dev/zero) would block or never end: a manifest is a file.
		if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
			return nil, Problems{{Msg: i18n.M("manifest.notfile", path)}}
		}
		fh, err := os.Open(path)
		if err != nil {
			return nil, Problems{{Msg: i18n.M("manifest.read", path, i18n.OSErr(err))}}
		}
		defer fh.Close()
		r = fh
	}
	src, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return nil, Problems{{Msg: i18n.M("manifest.read", path, i18n.OSErr(err))}}
	}
	if len(src) > MaxBytes {
		return nil, Problems{{Msg: i18n.M("manifest.toolarge", path, MaxBytes>>20)}}
	}
	m, err := Parse(src, getenv)
	if err == nil && path != "-" {
		m.Dir = filepath.Dir(path)
	}
	return m, err
}

// MaxBytes bounds a manifest file.
const MaxBytes = 16 << 20

// Parse parses src, interpolates its values, decodes (unknown fields refused) and checks it.
func Parse(src []byte, getenv func(string) (string, bool)) (*Manifest, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		p := yamlProblem(err)
		p.Col = syntaxColumn(src, p)
		return nil, Problems{p}
	}
	if len(root.Content) == 0 {
		return nil, Problems{{Msg: i18n.M("manifest.empty")}}
	}
	if probs := Interpolate(&root, getenv); len(probs) > 0 {
		return nil, probs
	}
	// The interpolated tree, written out and decoded strictly; a problem's line is mapped back
	// to the manifest's own.
	out, err := yaml.Marshal(&root)
	if err != nil {
		return nil, Problems{yamlProblem(err)}
	}
	var m Manifest
	dec := yaml.NewDecoder(bytes.NewReader(out))
	dec.KnownFields(true)
	if err := dec.Decode(&m); err != nil {
		if err == io.EOF {
			return nil, Problems{{Msg: i18n.M("manifest.empty")}}
		}
		back := lineMap(out, &root)
		probs := yamlProblems(err)
		for i := range probs {
			probs[i].Line = back[probs[i].Line]
			probs[i].Col = nodeColumn(&root, probs[i])
		}
		return nil, probs
	}
	recordLines(&root, &m)
	if probs := m.Check(); len(probs) > 0 {
		return nil, probs
	}
	return &m, nil
}

// lineMap maps the lines of out (root written out) to root's own lines, node by node.
func lineMap(out []byte, root *yaml.Node) map[int]int {
	var again yaml.Node
	m := map[int]int{}
	if yaml.Unmarshal(out, &again) != nil {
		return m
	}
	var walk func(a, b *yaml.Node)
	walk = func(a, b *yaml.Node) {
		if _, seen := m[a.Line]; !seen {
			m[a.Line] = b.Line
		}
		for i := 0; i < len(a.Content) && i < len(b.Content); i++ {
			walk(a.Content[i], b.Content[i])
		}
	}
	walk(&again, root)
	return m
}

var lineRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^line (\d+): (.*)$`) })

func yamlProblem(err error) Problem {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if m := lineRE().FindStringSubmatch(msg); m != nil {
		var n int
		fmt.Sscan(m[1], &n)
		return Problem{Line: n, Msg: i18n.M("manifest.yaml", m[2])}
	}
	return Problem{Msg: i18n.M("manifest.yaml", msg)}
}

func yamlProblems(err error) Problems {
	var out Problems
	if te, ok := err.(*yaml.TypeError); ok {
		for _, e := range te.Errors {
			p := yamlProblem(fmt.Errorf("%s", e))
			if i := strings.Index(p.Msg.Args[0].(string), " in type "); i >= 0 {
				p.Msg.Args[0] = p.Msg.Args[0].(string)[:i]
			}
			out = append(out, p)
		}
		return out
	}
	return Problems{yamlProblem(err)}
}

var (
	fieldRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^field (\S+) not found`) })
	valueRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile("^cannot unmarshal \\S+ `([^`]*?)(?:\\.\\.\\.)?` into")
	})
)

// nodeColumn finds the column of a decoding problem (an unknown field, a value of the wrong
// type) in the parsed tree: the node on the problem's line that the message names.
func nodeColumn(root *yaml.Node, p Problem) int {
	msg, _ := p.Msg.Args[0].(string)
	var want string
	if m := fieldRE().FindStringSubmatch(msg); m != nil {
		want = m[1]
	} else if m := valueRE().FindStringSubmatch(msg); m != nil {
		want = m[1]
	} else {
		return 0
	}
	col := 0
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if col > 0 {
			return
		}
		if n.Line == p.Line && n.Kind == yaml.ScalarNode && strings.HasPrefix(n.Value, want) {
			col = n.Column
			return
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(root)
	return col
}

// syntaxColumn points at the character a syntax error is about when the message says which
// (a tab in the indentation); the YAML parser itself reports lines only.
func syntaxColumn(src []byte, p Problem) int {
	msg, _ := p.Msg.Args[0].(string)
	if p.Line == 0 || !strings.Contains(msg, "tab character") {
		return 0
	}
	lines := bytes.Split(src, []byte("\n"))
	if p.Line > len(lines) {
		return 0
	}
	if i := bytes.IndexByte(lines[p.Line-1], '\t'); i >= 0 {
		return i + 1
	}
	return 0
}

// recordLines notes the line of each product and bundle, for problems found after decoding.
func recordLines(root *yaml.Node, m *Manifest) {
	if len(root.Content) == 0 {
		return
	}
	doc := root.Content[0]
	for i := 0; i+1 < len(doc.Content); i += 2 {
		seq := doc.Content[i+1]
		switch doc.Content[i].Value {
		case "products":
			for j, n := range seq.Content {
				if j < len(m.Products) {
					m.Products[j].line = n.Line
				}
			}
		case "bundles":
			for j, n := range seq.Content {
				if j < len(m.Bundles) {
					m.Bundles[j].line = n.Line
				}
			}
		case "shop":
			if m.Shop != nil {
				m.Shop.line = doc.Content[i].Line
			}
		case "services":
			for j, n := range seq.Content {
				if j < len(m.Services) {
					m.Services[j].line = n.Line
				}
			}
		}
	}
}

// Check runs every rule up front and returns all problems, in file order.
func (m *Manifest) Check() Problems {
	var probs Problems
	add := func(line int, key string, args ...any) {
		probs = append(probs, Problem{Line: line, Msg: i18n.M(key, args...)})
	}
	addV := func(line int, v *rules.Violation, who string) {
		probs = append(probs, Problem{Line: line, Msg: i18n.M("manifest.rule", who, v.Code, v.Msg)})
	}
	if m.APIVersion != APIVersion {
		add(1, "manifest.apiversion", m.APIVersion, APIVersion)
	}
	if m.Kind != Kind {
		add(1, "manifest.kind", m.Kind, Kind)
	}
	keys := map[string]int{}
	codes := map[string]bool{}
	// checkKey checks a service's or product's key: present, valid, and unique across both.
	checkKey := func(key string, line int) {
		switch {
		case key == "":
			add(line, "manifest.key.missing")
		case !validKey(key):
			add(line, "manifest.key.invalid", key)
		case keys[key] > 0:
			add(line, "manifest.key.duplicate", key, keys[key])
		default:
			keys[key] = line
		}
	}
	for _, sv := range m.Services {
		checkKey(sv.Key, sv.line)
		if sv.File == "" {
			add(sv.line, "manifest.service.file")
		}
	}
	for _, p := range m.Products {
		who := p.Key
		if p.Key == "" {
			who = "?"
		}
		checkKey(p.Key, p.line)
		if p.Code != "" {
			if codes[p.Code] {
				add(p.line, "manifest.code.duplicate", p.Code)
			}
			codes[p.Code] = true
			if _, ok := rules.TypeOfCode(p.Code); !ok {
				add(p.line, "manifest.code.invalid", who, p.Code)
			}
		}
		if strings.TrimSpace(p.Name) == "" {
			add(p.line, "manifest.name.missing", who)
		} else if v := rules.CheckProductName(p.Name); v != nil {
			addV(p.line, v, who)
		}
		t, ok := rules.ParseType(p.Type)
		if !ok {
			add(p.line, "manifest.type.invalid", who, p.Type)
			continue
		}
		if ct, ok := rules.TypeOfCode(p.Code); p.Code != "" && ok && ct != t {
			add(p.line, "manifest.code.type", who, p.Code, string(t))
		}
		if _, v := rules.NormalizeSKUs(p.Skus); v != nil {
			addV(p.line, v, who)
		}
		if len(p.Validity) > 0 {
			if _, v := rules.ParsePeriods(t, p.Validity); v != nil {
				addV(p.line, v, who)
			}
		}
		if t == rules.TypeSaaS && (p.Delivery != "" || p.ProductionURL != "" || p.ActivationURL != "") {
			mode := p.Delivery
			if mode == "" && p.ProductionURL != "" {
				mode = rules.DeliverySPI
			} else if mode == "" {
				mode = rules.DeliveryLicense
			}
			if v := rules.CheckDelivery(t, mode, p.ProductionURL, p.ActivationURL); v != nil {
				addV(p.line, v, who)
			}
		} else if t != rules.TypeSaaS && p.Delivery != "" {
			addV(p.line, rules.CheckDelivery(t, p.Delivery, "", ""), who)
		}
		if t == rules.TypeAPI && p.ProductionURL != "" {
			if v := rules.CheckURL("production URL", p.ProductionURL); v != nil {
				addV(p.line, v, who)
			}
		}
		if p.APIPrefix != "" {
			if t != rules.TypeAPI {
				add(p.line, "manifest.field.type", who, "apiPrefix", "api")
			} else if v := rules.CheckAPIPrefix(p.APIPrefix); v != nil {
				addV(p.line, v, who)
			}
		}
		if (p.ImageID != "" || p.ImageRegion != "") && t != rules.TypeImage {
			add(p.line, "manifest.field.type", who, "imageId/imageRegion", "image")
		}
		if p.DeliveryTemplate != "" {
			if v := rules.DeliveryTemplateApplies(who, t); v != nil {
				addV(p.line, v, who)
			}
		}
	}
	names := map[string]bool{}
	for _, b := range m.Bundles {
		who := b.Name
		if strings.TrimSpace(b.Name) == "" {
			add(b.line, "manifest.bundle.name")
			who = "?"
		} else if names[b.Name] {
			add(b.line, "manifest.bundle.duplicate", b.Name)
		}
		names[b.Name] = true
		for _, k := range b.Products {
			if keys[k] == 0 {
				add(b.line, "manifest.bundle.ref", who, k)
			}
		}
		if v := rules.CheckBundle(b.Products, nil); v != nil {
			addV(b.line, v, who)
		}
		if b.Discount != "" && b.Price != "" {
			add(b.line, "manifest.bundle.pricing", who)
		}
		if b.Discount != "" {
			if _, v := rules.ParseDiscount(b.Discount); v != nil {
				addV(b.line, v, who)
			}
		}
		if b.Price != "" {
			if _, v := rules.ParsePrice(b.Price); v != nil {
				addV(b.line, v, who)
			}
		}
	}
	if sh := m.Shop; sh != nil {
		if sh.Name != "" {
			if v := rules.CheckShopName(sh.Name); v != nil {
				addV(sh.line, v, "shop")
			}
		}
		if v := rules.CheckShopIntro(sh.Introduction); v != nil {
			addV(sh.line, v, "shop")
		}
		if c := sh.Contacts; c != nil {
			if c.Hotline != "" {
				if _, _, v := rules.CheckPhone(c.Hotline); v != nil {
					addV(sh.line, v, "shop")
				}
			}
			if c.TicketURL != "" {
				if v := rules.CheckURL("ticket URL", c.TicketURL); v != nil {
					addV(sh.line, v, "shop")
				}
			}
		}
	}
	sort.SliceStable(probs, func(i, j int) bool { return probs[i].Line < probs[j].Line })
	return probs
}

func validKey(k string) bool {
	if len(k) == 0 || len(k) > 64 {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || (i > 0 && (c == '-' || c == '_' || c == '.'))) {
			return false
		}
	}
	return true
}

// ExternalKey is how a manifest product is recorded on the marketplace product.
func ExternalKey(key string) string { return "manifest:" + key }

// Periods are validity periods as a file writes them: a list (validity: [1m, 3m]) or one
// string in the validity grammar (validity: "1m, 3m 1y"), like the flags and arguments.
type Periods []string

// UnmarshalYAML takes a sequence or a scalar.
func (p *Periods) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		*p = rules.SplitPeriods([]string{n.Value})
		return nil
	}
	var list []string
	if err := n.Decode(&list); err != nil {
		return err
	}
	*p = list
	return nil
}
