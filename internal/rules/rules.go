// Package rules holds the marketplace's rules from the seller FAQ as pure functions: no I/O.
// The sandbox enforces them and the client runs them as pre-flight checks, so a merchant gets
// the same code, message (Chinese and English) and remedy either way.
package rules

import (
	"github.com/mkt-cli/mkt/internal/i18n"
)

// Rule codes (docs/products.md). Forbidden.* and these InvalidParameter.* codes exit 3.
const (
	CodeDataAuthorization = "InvalidParameter.DataAuthorization"
	CodeOperationPlan     = "InvalidParameter.OperationPlan"
	CodeAlipayAccount     = "InvalidParameter.AlipayAccount"
	CodeURLLocked         = "Forbidden.ProductionUrlLocked"
	CodeDeliveryMode      = "InvalidParameter.DeliveryMode"
	CodeBundle            = "InvalidParameter.Bundle"
	CodeAPIPrefixBound    = "Forbidden.ApiPrefixBound"
	CodeDeliveryTemplate  = "InvalidParameter.DeliveryTemplate"
	CodeValidity          = "InvalidParameter.Validity"
	CodeImageDelist       = "Forbidden.ImageDelist"
	CodeProductStatus     = "Forbidden.ProductStatus"
	CodeAgreement         = "InvalidParameter.Agreement"
)

// Input-format codes: bad input rather than a marketplace rule (exit 2).
const (
	CodeURL        = "InvalidParameter.Url"
	CodeProduct    = "InvalidParameter.Product"
	CodeProductSku = "InvalidParameter.Sku"
)

// Violation is a refusal: a stable code, a message and a next step in both languages.
type Violation struct {
	Code   string
	Msg    i18n.Message
	Remedy i18n.Message
	// Rule is true for marketplace rules (exit 3), false for malformed input (exit 2).
	Rule bool
}

func (v *Violation) Error() string { return v.Code + ": " + v.Msg.String() }

func rule(code string, msg, remedy i18n.Message) *Violation {
	return &Violation{Code: code, Msg: msg, Remedy: remedy, Rule: true}
}

func input(code string, msg, remedy i18n.Message) *Violation {
	return &Violation{Code: code, Msg: msg, Remedy: remedy}
}

// IsRuleCode reports whether code is one of the marketplace-rule codes (exit 3).
func IsRuleCode(code string) bool {
	switch code {
	case CodeDataAuthorization, CodeOperationPlan, CodeAlipayAccount, CodeURLLocked, CodeDeliveryMode,
		CodeBundle, CodeAPIPrefixBound, CodeDeliveryTemplate, CodeValidity, CodeImageDelist, CodeProductStatus, CodeAgreement, CodeNestStatus:
		return true
	}
	return false
}
