package create

import (
	"strconv"
	"strings"

	"github.com/mkt-cli/mkt/internal/cli/product/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/rules"
)

// promptMissing asks for each field the flags left out, in the order the console's form has
// them: the type, the name, the SKUs, the validity periods, then what the type needs. Every
// answer is checked by the rule that checks the flag, and asked again until it passes; all but
// the type and the name may be left empty, for later (a draft need not be complete).
func promptMissing(f *cmdutil.Factory, p cmdutil.Prompter, in *market.ProductInput, t rules.ProductType) (rules.ProductType, error) {
	ask := func(dst **string, title, placeholder string, validate func(string) error) error {
		if *dst != nil && **dst != "" {
			return nil
		}
		v, err := p.Input(f.T(title), placeholder, validate)
		if err != nil {
			return err
		}
		if v = strings.TrimSpace(v); v != "" {
			*dst = &v
		}
		return nil
	}
	if in.Type == "" {
		v, err := p.Select(f.T("prompt.type"), []cmdutil.Choice{
			{Label: f.T("prompt.type.saas"), Value: string(rules.TypeSaaS)},
			{Label: f.T("prompt.type.api"), Value: string(rules.TypeAPI)},
			{Label: f.T("prompt.type.image"), Value: string(rules.TypeImage)},
			{Label: f.T("prompt.type.service"), Value: string(rules.TypeService)},
		})
		if err != nil {
			return t, err
		}
		t, in.Type = rules.ProductType(v), v
	}
	if err := ask(&in.Name, "prompt.name", "", cmdutil.Required); err != nil {
		return t, err
	}
	if len(in.Skus) == 0 {
		v, err := p.Input(f.T("prompt.skus"), "basic:99 pro:299", optional(func(s string) error {
			_, err := parseSKUs(s)
			return err
		}))
		if err != nil {
			return t, err
		}
		if strings.TrimSpace(v) != "" {
			if in.Skus, err = parseSKUs(v); err != nil {
				return t, err
			}
		}
	}
	if len(in.ValidityPeriods) == 0 {
		check := func(s string) ([]rules.Period, error) {
			ps, v := rules.ParsePeriods(t, rules.SplitPeriods([]string{s}))
			if v != nil {
				return nil, cmdutil.RuleViolation(v)
			}
			if len(ps) == 0 {
				return nil, cmdutil.FlagError("prompt.required")
			}
			return ps, nil
		}
		hint := "1m 3m 1y"
		if t == rules.TypeService {
			hint = "3m 6m 1y" // at least 3 months (FAQ 三 Q6)
		}
		v, err := p.Input(f.T("prompt.validity"), hint, optional(func(s string) error { _, err := check(s); return err }))
		if err != nil {
			return t, err
		}
		if strings.TrimSpace(v) != "" {
			ps, err := check(v)
			if err != nil {
				return t, err
			}
			in.ValidityPeriods = rules.PeriodStrings(ps)
		}
	}
	url := func(field string) func(string) error {
		return func(s string) error { return cmdutil.RuleViolation(rules.CheckURL(field, s)) }
	}
	switch t {
	case rules.TypeSaaS:
		if in.DeliveryMode == nil || *in.DeliveryMode == "" {
			v, err := p.Select(f.T("prompt.delivery"), []cmdutil.Choice{
				{Label: f.T("prompt.delivery.spi"), Value: rules.DeliverySPI},
				{Label: f.T("prompt.delivery.license"), Value: rules.DeliveryLicense},
			})
			if err != nil {
				return t, err
			}
			in.DeliveryMode = &v
		}
		if *in.DeliveryMode == rules.DeliverySPI {
			return t, ask(&in.ProductionUrl, "prompt.produrl", "https://isv.example.com/spi", optional(url("production URL")))
		}
		return t, ask(&in.ActivationUrl, "prompt.activurl", "https://isv.example.com/activate", optional(url("activation URL")))
	case rules.TypeAPI:
		if err := ask(&in.ApiGroup, "prompt.apigroup", "", nil); err != nil {
			return t, err
		}
		return t, ask(&in.ApiPrefix, "prompt.apiprefix", "", optional(func(s string) error { return cmdutil.RuleViolation(rules.CheckAPIPrefix(s)) }))
	case rules.TypeImage:
		if err := ask(&in.ImageId, "prompt.imageid", "m-…", nil); err != nil {
			return t, err
		}
		return t, ask(&in.ImageRegion, "prompt.imageregion", "cn-hangzhou", nil)
	case rules.TypeService:
		return t, ask(&in.DeliveryTemplateId, "prompt.template", "401", optional(func(s string) error {
			if _, err := strconv.ParseInt(s, 10, 64); err != nil {
				return cmdutil.FlagError("prompt.template.id")
			}
			return nil
		}))
	}
	return t, nil
}

// parseSKUs reads "basic:99 pro:299" (spaces or commas) as --sku does, and normalizes them.
func parseSKUs(s string) ([]rules.SKU, error) {
	var skus []rules.SKU
	for _, one := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '，' || r == '、' }) {
		sku, err := shared.ParseSKU(one)
		if err != nil {
			return nil, err
		}
		skus = append(skus, sku)
	}
	if len(skus) == 0 {
		return nil, cmdutil.FlagError("prompt.required")
	}
	norm, v := rules.NormalizeSKUs(skus)
	if v != nil {
		return nil, cmdutil.RuleViolation(v)
	}
	return norm, nil
}

// optional lets an answer be left empty (for later), and checks it otherwise.
func optional(validate func(string) error) func(string) error {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		return validate(s)
	}
}
