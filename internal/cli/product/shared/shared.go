// Package shared holds what the product commands share: the product file, the field flags
// with their pre-flight checks, and the printers.
package shared

import (
	"bytes"
	"io"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/iostreams"
	"github.com/mkt-cli/mkt/internal/manifest"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/rules"
)

// Spec is a product file (--from-file product.yaml): the same fields as a manifest's
// products. Unknown fields are refused.
type Spec = manifest.ProductSpec

// ReadSpec reads a product file ("-" is standard input). YAML errors carry line numbers.
func ReadSpec(path string, stdin io.Reader) (*Spec, error) {
	data, err := cmdutil.ReadInput(path, stdin, cmdutil.MaxInputBytes)
	if err != nil {
		return nil, err
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var s Spec
	if err := dec.Decode(&s); err != nil && err != io.EOF {
		return nil, cmdutil.FlagError("product.file.parse", path, cmdutil.YAMLError(err))
	}
	return &s, nil
}

// Fields are the product fields as flags, shared by create and edit.
type Fields struct {
	Name, Type, Summary, Description                 string
	Category                                         int64
	SKUs, Validity                                   []string
	Delivery, ProductionURL, ActivationURL           string
	APIGroup, APIPrefix, ImageID, ImageRegion, TplID string
	FromFile                                         string
}

// Register adds the field flags to cmd; withType adds --type (create only).
func (fl *Fields) Register(cmd *cobra.Command, withType, withProductionURL bool) {
	f := cmd.Flags()
	f.StringVar(&fl.Name, "name", "", "product name (≤ 60 characters)")
	if withType {
		f.StringVar(&fl.Type, "type", "", "saas, api, image or service")
		_ = cmd.RegisterFlagCompletionFunc("type", cobra.FixedCompletions([]string{"saas", "api", "image", "service"}, cobra.ShellCompDirectiveNoFileComp))
	}
	f.Int64Var(&fl.Category, "category", 0, "category ID")
	f.StringVar(&fl.Summary, "summary", "", "short description (≤ 200 characters)")
	f.StringVar(&fl.Description, "description", "", "description")
	f.StringArrayVar(&fl.SKUs, "sku", nil, "SKU as NAME:PRICE[:prepay|postpay], repeatable (replaces all SKUs)")
	f.StringSliceVar(&fl.Validity, "validity", nil, "validity periods: 1m 3m 6m 1y 2y, by commas or spaces, e.g. 1m,3m,1y (replaces all)")
	f.StringVar(&fl.Delivery, "delivery", "", "SaaS delivery: spi or license")
	if withProductionURL {
		f.StringVar(&fl.ProductionURL, "production-url", "", "SaaS/API production (SPI) URL")
	}
	f.StringVar(&fl.ActivationURL, "activation-url", "", "SaaS license activation page URL")
	f.StringVar(&fl.APIGroup, "api-group", "", "API gateway group")
	f.StringVar(&fl.APIPrefix, "api-prefix", "", "API access prefix (globally unique)")
	f.StringVar(&fl.ImageID, "image-id", "", "image ID (m-…)")
	f.StringVar(&fl.ImageRegion, "image-region", "", "image region, e.g. cn-hangzhou")
	f.StringVar(&fl.TplID, "delivery-template", "", "delivery template ID (service products)")
	f.StringVarP(&fl.FromFile, "from-file", "f", "", "read fields from a product YAML file (- for stdin); flags override it")
	_ = cmd.RegisterFlagCompletionFunc("delivery", cobra.FixedCompletions([]string{"spi", "license"}, cobra.ShellCompDirectiveNoFileComp))
}

// ParseSKU reads NAME:PRICE[:CHARGE].
func ParseSKU(s string) (rules.SKU, error) {
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return rules.SKU{}, cmdutil.FlagError("product.sku.format", s).WithRemedy("remedy.sku")
	}
	sku := rules.SKU{Name: parts[0], Price: parts[1]}
	if len(parts) == 3 {
		sku.ChargeType = parts[2]
	}
	return sku, nil
}

// Input builds the request from the file (if any) and the flags that were set, and runs the
// pre-flight rules that need no marketplace state, all of them: probs lists every problem
// found (err is a file that cannot be read). t is the product's type (for create, from --type
// or the file; for edit, from the code's prefix).
func (fl *Fields) Input(cmd *cobra.Command, stdin io.Reader, t rules.ProductType) (in market.ProductInput, _ rules.ProductType, probs []error, err error) {
	spec := &Spec{}
	if fl.FromFile != "" {
		if spec, err = ReadSpec(fl.FromFile, stdin); err != nil {
			return in, t, nil, err
		}
	}
	problem := func(v *rules.Violation) {
		if v != nil {
			probs = append(probs, cmdutil.RuleViolation(v))
		}
	}
	changed := cmd.Flags().Changed
	str := func(flag, fromFile, fromFlag string) *string {
		if changed(flag) {
			v := fromFlag
			return &v
		}
		if fromFile != "" {
			v := fromFile
			return &v
		}
		return nil
	}
	typ := spec.Type
	if changed("type") {
		typ = fl.Type
	}
	if typ != "" {
		if pt, ok := rules.ParseType(typ); ok {
			t = pt
			in.Type = string(pt)
		} else {
			probs = append(probs, cmdutil.FlagError("product.type.invalid", typ))
		}
	}
	in.Name = str("name", spec.Name, fl.Name)
	in.ShortDescription = str("summary", spec.Summary, fl.Summary)
	in.Description = str("description", spec.Description, fl.Description)
	if changed("category") {
		in.CategoryId = &fl.Category
	} else if spec.Category != 0 {
		in.CategoryId = &spec.Category
	}
	in.DeliveryMode = str("delivery", spec.Delivery, fl.Delivery)
	in.ProductionUrl = str("production-url", spec.ProductionURL, fl.ProductionURL)
	in.ActivationUrl = str("activation-url", spec.ActivationURL, fl.ActivationURL)
	in.ApiGroup = str("api-group", spec.APIGroup, fl.APIGroup)
	in.ApiPrefix = str("api-prefix", spec.APIPrefix, fl.APIPrefix)
	in.ImageId = str("image-id", spec.ImageID, fl.ImageID)
	in.ImageRegion = str("image-region", spec.ImageRegion, fl.ImageRegion)
	in.DeliveryTemplateId = str("delivery-template", spec.DeliveryTemplate, fl.TplID)

	skus := spec.Skus
	if changed("sku") {
		skus = nil
		for _, s := range fl.SKUs {
			sku, err := ParseSKU(s)
			if err != nil {
				probs = append(probs, err)
				continue
			}
			skus = append(skus, sku)
		}
	}
	if skus != nil {
		norm, v := rules.NormalizeSKUs(skus)
		problem(v)
		in.Skus = norm
	}
	validity := spec.Validity
	if changed("validity") {
		validity = fl.Validity
	}
	if validity != nil {
		ps, v := rules.ParsePeriods(t, validity)
		problem(v)
		in.ValidityPeriods = rules.PeriodStrings(ps)
	}
	// URL and field checks that need no state: the same codes as the sandbox's.
	for _, u := range []struct {
		field string
		url   *string
	}{{"production URL", in.ProductionUrl}, {"activation URL", in.ActivationUrl}} {
		if u.url != nil && *u.url != "" {
			problem(rules.CheckURL(u.field, *u.url))
		}
	}
	if in.DeliveryMode != nil && *in.DeliveryMode != "" && *in.DeliveryMode != rules.DeliverySPI && *in.DeliveryMode != rules.DeliveryLicense {
		problem(rules.CheckDelivery(rules.TypeSaaS, *in.DeliveryMode, "", ""))
	}
	if in.ApiPrefix != nil && *in.ApiPrefix != "" {
		problem(rules.CheckAPIPrefix(*in.ApiPrefix))
	}
	return in, t, probs, nil
}

// TypeOf is the type a code's prefix says.
func TypeOf(code string) rules.ProductType {
	t, _ := rules.TypeOfCode(code)
	return t
}

// StateStyle is how a state is coloured on a terminal. Tables apply it only there, so a pipe
// pays nothing for it.
func StateStyle(st *iostreams.Styles, state string) lipgloss.Style {
	switch rules.State(state) {
	case rules.StateListed:
		return st.Success
	case rules.StateRejected:
		return st.Error
	case rules.StateTesting, rules.StateReviewing:
		return st.Warning
	}
	return st.Muted
}

// FormatSKUs is "Basic ¥99.00, Pro ¥299.00 (postpay)".
func FormatSKUs(skus []marketapi.SKU) string {
	var parts []string
	for _, s := range skus {
		p := s.Name
		if s.Price != "" { // the public API shows no prices
			p += " ¥" + s.Price
		}
		if s.ChargeType == rules.ChargePostpay {
			p += " (postpay)"
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, ", ")
}

// TypeLabel is a product type as a merchant reads it: as --type takes it in English (saas),
// by its name in Chinese (SaaS, 镜像).
func TypeLabel(f *cmdutil.Factory, t string) string {
	if f.Lang() == i18n.ZH {
		return f.Enum(i18n.EnumProductType, t)
	}
	return strings.ToLower(t)
}

// PrintProduct prints one product: the typed model for -o json|yaml, a field list otherwise.
func PrintProduct(f *cmdutil.Factory, p marketapi.Product) error {
	return f.Print(p, func() error {
		ios := f.IOStreams
		st := ios.Styles()
		lang := f.Lang()
		t := ios.NewTable()
		row := func(key, value string, style *lipgloss.Style) {
			if value == "" {
				return
			}
			t.AddStyledField(i18n.T(lang, key), st.Bold)
			if style != nil {
				t.AddStyledField(value, *style)
			} else {
				t.AddField(value)
			}
			t.EndRow()
		}
		state := StateStyle(st, p.Status)
		row("product.f.code", p.Code, &st.ID)
		row("product.f.name", p.Name, nil)
		row("product.f.type", TypeLabel(f, p.Type), nil)
		row("product.f.status", f.EnumBeside(i18n.EnumProductState, p.Status), &state)
		if p.AuditFailMsg != "" {
			row("product.f.audit", p.AuditFailMsg, &st.Error)
		}
		if p.CategoryId != 0 {
			row("product.f.category", strconv.FormatInt(p.CategoryId, 10), nil)
		}
		row("product.f.summary", p.ShortDescription, nil)
		row("product.f.delivery", f.EnumBeside(i18n.EnumDelivery, p.DeliveryMode), nil)
		row("product.f.produrl", p.ProductionUrl, nil)
		row("product.f.activurl", p.ActivationUrl, nil)
		if p.ApiGroup != "" || p.ApiPrefix != "" {
			v := p.ApiGroup + " / " + p.ApiPrefix
			if p.ApiPrefixBound {
				v += " " + i18n.T(lang, "product.f.bound")
			}
			row("product.f.api", v, nil)
		}
		if p.ImageId != "" {
			row("product.f.image", p.ImageId+" ("+p.ImageRegion+")", nil)
		}
		row("product.f.template", p.DeliveryTemplateId, nil)
		row("product.f.skus", FormatSKUs(p.Skus), nil)
		row("product.f.validity", i18n.Periods(lang, p.ValidityPeriods), nil)
		if a := p.Agreement; a != nil {
			v := a.TemplateId
			if a.FileId != "" {
				v = a.FileName + " (" + a.FileId + ")"
				if a.TemplateId != "" {
					v = a.TemplateId + " → " + v // a template, filled in
				}
			}
			row("product.f.agreement", v, nil)
		}
		row("product.f.created", f.FormatTime(p.CreateTime), &st.Muted)
		row("product.f.modified", f.FormatTime(p.ModifyTime), &st.Muted)
		return t.Render()
	})
}

// PrintCode prints what a mutation changed: the product on a terminal or with -o json|yaml,
// only its code in a pipe (so CODE=$(mkt product create …) works).
func PrintCode(f *cmdutil.Factory, p marketapi.Product) error {
	if f.OutputFormat() == "table" && !f.IOStreams.IsStdoutTTY() {
		_, err := io.WriteString(f.IOStreams.Out, p.Code+"\n")
		return err
	}
	return PrintProduct(f, p)
}

// Mutate runs one product mutation with the run's client, reports it with the catalog key
// (given the product it returned), and prints the product the way mutations do (PrintCode).
func Mutate(f *cmdutil.Factory, do func(*market.Client) (marketapi.Product, error), key string, args func(marketapi.Product) []any) error {
	client, err := f.Client()
	if err != nil {
		return err
	}
	p, err := do(client)
	if err != nil {
		return err
	}
	f.Success(key, args(p)...)
	return PrintCode(f, p)
}
