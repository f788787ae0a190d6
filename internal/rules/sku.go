package rules

import (
	"strings"

	"github.com/mkt-cli/mkt/internal/i18n"
)

// SKU is one purchasable edition of a product. JSON (the wire, -o json) uses the field names;
// YAML (product files, manifests) uses camelCase.
type SKU struct {
	Code       string `yaml:"code,omitempty"`
	Name       string `yaml:"name"`
	ChargeType string `yaml:"chargeType,omitempty"` // PREPAY or POSTPAY
	Price      string `yaml:"price"`                // yuan, two decimals
}

// Charge types (ProductSku.ChargeType).
const (
	ChargePrepay  = "PREPAY"
	ChargePostpay = "POSTPAY"
)

// NormalizeSKUs checks SKUs and fills defaults: charge type PREPAY, prices with two
// decimals; names and the codes given must be unique. Codes are the marketplace's to assign
// (yuncode…): one left empty is assigned when the product is saved.
func NormalizeSKUs(skus []SKU) ([]SKU, *Violation) {
	out := make([]SKU, len(skus))
	names, codes := map[string]bool{}, map[string]bool{}
	for i, s := range skus {
		s.Name = strings.TrimSpace(s.Name)
		if s.Name == "" || len(s.Name) > 60 {
			return nil, input(CodeProductSku, i18n.M("rule.sku.name", i+1), i18n.M("remedy.sku"))
		}
		s.ChargeType = strings.ToUpper(strings.TrimSpace(s.ChargeType))
		if s.ChargeType == "" {
			s.ChargeType = ChargePrepay
		}
		if s.ChargeType != ChargePrepay && s.ChargeType != ChargePostpay {
			return nil, input(CodeProductSku, i18n.M("rule.sku.charge", s.ChargeType), i18n.M("remedy.sku"))
		}
		price, v := ParsePrice(s.Price)
		if v != nil {
			return nil, v
		}
		s.Price = price
		s.Code = strings.TrimSpace(s.Code)
		if names[s.Name] || (s.Code != "" && codes[s.Code]) {
			return nil, input(CodeProductSku, i18n.M("rule.sku.dup", s.Name), i18n.M("remedy.sku"))
		}
		names[s.Name], codes[s.Code] = true, true
		out[i] = s
	}
	return out, nil
}

// SKUCodesByName fills the empty codes of want from have, SKU by SKU of the same name: the
// codes an edit keeps.
func SKUCodesByName(want, have []SKU) []SKU {
	byName := make(map[string]string, len(have))
	for _, h := range have {
		byName[h.Name] = h.Code
	}
	out := make([]SKU, len(want))
	for i, w := range want {
		if w.Code == "" {
			w.Code = byName[w.Name]
		}
		out[i] = w
	}
	return out
}

// Listing is what the readiness check needs of a product.
type Listing struct {
	Code          string
	Type          ProductType
	SKUs          int
	Periods       int
	DeliveryMode  string
	ProductionURL string
	ActivationURL string
	APIGroup      string
	APIPrefix     string
	ImageID       string
	ImageRegion   string
}

// CheckSubmittable is the readiness check before a product goes to testing or review: it has
// SKUs and validity periods, and the fields its type needs. Everything missing is named at
// once, so one edit completes the product.
func CheckSubmittable(l Listing) *Violation {
	var missing []i18n.Message
	if l.SKUs == 0 {
		missing = append(missing, i18n.M("submit.missing.skus"))
	}
	if l.Periods == 0 {
		missing = append(missing, i18n.M("submit.missing.validity"))
	}
	var delivery *Violation
	switch l.Type {
	case TypeSaaS:
		if delivery = CheckDelivery(l.Type, l.DeliveryMode, l.ProductionURL, l.ActivationURL); delivery != nil && len(missing) > 0 {
			missing = append(missing, i18n.M("submit.missing.delivery"))
		}
	case TypeAPI:
		if l.APIGroup == "" || l.APIPrefix == "" {
			missing = append(missing, i18n.M("submit.missing.api"))
		}
	case TypeImage:
		if l.ImageID == "" || l.ImageRegion == "" {
			missing = append(missing, i18n.M("submit.missing.image"))
		}
	}
	if len(missing) == 0 {
		return delivery // nil, or the delivery's own, more precise, refusal
	}
	what := missing[0]
	for _, m := range missing[1:] {
		what = i18n.M("list.join", what, m)
	}
	return input(CodeProduct, i18n.M("rule.submit.missing", l.Code, what), i18n.M("remedy.submit.missing", l.Code))
}
