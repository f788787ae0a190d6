package rules

import (
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/mkt-cli/mkt/internal/i18n"
)

// ProductType is mkt's name for the four kinds of product.
type ProductType string

// The product types, their code prefixes and their public DescribeProduct Type.
const (
	TypeSaaS    ProductType = "SAAS"
	TypeAPI     ProductType = "API"
	TypeImage   ProductType = "IMAGE"
	TypeService ProductType = "SERVICE"
)

// Types lists the product types.
var Types = []ProductType{TypeSaaS, TypeAPI, TypeImage, TypeService}

// ParseType accepts saas|api|image|service in any case.
func ParseType(s string) (ProductType, bool) {
	t := ProductType(strings.ToUpper(strings.TrimSpace(s)))
	for _, k := range Types {
		if t == k {
			return t, true
		}
	}
	return "", false
}

// CodePrefix is the marketplace's product-code prefix for the type.
func (t ProductType) CodePrefix() string {
	switch t {
	case TypeSaaS:
		return "cmgj"
	case TypeAPI:
		return "cmapi"
	case TypeImage:
		return "cmjj"
	case TypeService:
		return "cmfw"
	}
	return ""
}

// PublicType is the type the public DescribeProduct reports.
func (t ProductType) PublicType() string {
	switch t {
	case TypeSaaS:
		return "APP"
	case TypeAPI:
		return "API_SERVICE"
	case TypeImage:
		return "MIRROR"
	case TypeService:
		return "SERVICE"
	}
	return ""
}

// TypeOfCode infers the type from a product code's prefix.
func TypeOfCode(code string) (ProductType, bool) {
	// cmapi before any shorter prefix it could be confused with.
	for _, t := range []ProductType{TypeAPI, TypeSaaS, TypeImage, TypeService} {
		if strings.HasPrefix(code, t.CodePrefix()) {
			return t, true
		}
	}
	return "", false
}

// State is a product's place in its life cycle (docs/products.md).
type State string

// The product states.
const (
	StateDraft     State = "DRAFT"
	StateTesting   State = "TESTING"
	StateReviewing State = "REVIEWING"
	StateRejected  State = "REJECTED"
	StateListed    State = "LISTED"
	StateDelisted  State = "DELISTED"
	StateDeleted   State = "DELETED"
)

// States lists the states a product can be found in.
var States = []State{StateDraft, StateTesting, StateReviewing, StateRejected, StateListed, StateDelisted}

// ParseState accepts a state name in any case.
func ParseState(s string) (State, bool) {
	st := State(strings.ToUpper(strings.TrimSpace(s)))
	for _, k := range append(States, StateDeleted) {
		if st == k {
			return st, true
		}
	}
	return "", false
}

// Step is something that can be done to a product.
type Step string

// The steps. Submit-for-test, submit-for-review, delist and delete are the seller's; approve
// and reject are the operations team's.
const (
	StepSubmitTest   Step = "submit-test"
	StepSubmitReview Step = "submit-review"
	StepApprove      Step = "approve"
	StepReject       Step = "reject"
	StepDelist       Step = "delist"
	StepDelete       Step = "delete"
	StepEdit         Step = "edit"
)

// transitions: from each state, the steps allowed and where they lead.
var transitions = map[State]map[Step]State{
	StateDraft:     {StepSubmitTest: StateTesting, StepSubmitReview: StateReviewing, StepDelete: StateDeleted, StepEdit: StateDraft},
	StateTesting:   {StepSubmitReview: StateReviewing, StepReject: StateRejected, StepDelete: StateDeleted, StepEdit: StateTesting},
	StateReviewing: {StepApprove: StateListed, StepReject: StateRejected},
	StateRejected:  {StepSubmitTest: StateTesting, StepSubmitReview: StateReviewing, StepDelete: StateDeleted, StepEdit: StateRejected},
	StateListed:    {StepDelist: StateDelisted, StepReject: StateRejected},
	StateDelisted:  {StepSubmitTest: StateTesting, StepSubmitReview: StateReviewing, StepDelete: StateDeleted, StepEdit: StateDelisted},
}

// stepCommands are the commands behind the seller's steps, for remedies.
var stepCommands = map[Step]string{
	StepSubmitTest:   "mkt product submit %s --for test",
	StepSubmitReview: "mkt product submit %s --for review",
	StepDelist:       "mkt product delist %s",
	StepDelete:       "mkt product delete %s",
	StepEdit:         "mkt product edit %s",
	StepApprove:      "mkt sandbox review product %s --approve",
	StepReject:       "mkt sandbox review product %s --reject --reason …",
}

// NextSteps lists, in a stable order, the steps allowed from a state.
func NextSteps(s State) []Step {
	var out []Step
	for _, st := range []Step{StepEdit, StepSubmitTest, StepSubmitReview, StepDelist, StepDelete, StepApprove, StepReject} {
		if _, ok := transitions[s][st]; ok {
			out = append(out, st)
		}
	}
	return out
}

func nextStepCommands(code string, s State) string {
	var cmds []string
	for _, st := range NextSteps(s) {
		cmds = append(cmds, fmt.Sprintf(stepCommands[st], code))
	}
	if len(cmds) == 0 {
		return "—"
	}
	return strings.Join(cmds, "; ")
}

// Purchasable refuses a purchase of a product buyers cannot buy: only a listed product can be
// bought, and one in testing as a test order.
func Purchasable(code string, s State) *Violation {
	if s == StateListed || s == StateTesting {
		return nil
	}
	return rule(CodeProductStatus, i18n.M("rule.purchase.status", code, i18n.E(i18n.EnumProductState, string(s))), i18n.M("remedy.status.next", nextStepCommands(code, s)))
}

// Transition checks that step may be taken from state, for a product of type t, and returns
// the new state. Image products cannot be delisted, only deleted (FAQ 三 Q7), and a listed
// image product may be deleted.
func Transition(code string, t ProductType, from State, step Step) (State, *Violation) {
	if step == StepDelist && t == TypeImage {
		return from, rule(CodeImageDelist, i18n.M("rule.image.delist", code), i18n.M("remedy.image.delist", code))
	}
	if step == StepDelete && t == TypeImage && from == StateListed {
		return StateDeleted, nil
	}
	to, ok := transitions[from][step]
	if !ok {
		return from, rule(CodeProductStatus, i18n.M("rule.status", code, i18n.E(i18n.EnumProductState, string(from)), i18n.E(i18n.EnumProductStep, string(step))), i18n.M("remedy.status.next", nextStepCommands(code, from)))
	}
	return to, nil
}

// URLLocked is FAQ 三 Q1: the production URL cannot change while the product is in testing,
// in review or listed; operations must reject the product first.
func URLLocked(code string, s State) *Violation {
	switch s {
	case StateTesting, StateReviewing, StateListed:
		return rule(CodeURLLocked, i18n.M("rule.url.locked", code, i18n.E(i18n.EnumProductState, string(s))), i18n.M("remedy.url.locked", code))
	}
	return nil
}

// CheckURL validates a production or activation URL: absolute http(s), a host, no
// credentials, no fragment.
func CheckURL(field, raw string) *Violation {
	bad := func(why i18n.Message) *Violation {
		return input(CodeURL, i18n.M("rule.url.invalid", i18n.N(i18n.EnumURLField, field), raw, why), i18n.M("remedy.url"))
	}
	if strings.TrimSpace(raw) != raw || raw == "" {
		return bad(i18n.M("url.why.empty"))
	}
	u, err := url.Parse(raw)
	switch {
	case err != nil:
		return bad(i18n.M("url.why.parse"))
	case u.Scheme != "http" && u.Scheme != "https":
		return bad(i18n.M("url.why.scheme"))
	case u.Host == "" || u.Hostname() == "":
		return bad(i18n.M("url.why.host"))
	case u.User != nil:
		return bad(i18n.M("url.why.user"))
	case u.Fragment != "" || strings.Contains(raw, "#"):
		return bad(i18n.M("url.why.fragment"))
	}
	return nil
}

// Delivery modes of SaaS products (FAQ 三 "接入 SAAS 产品都有哪种方式").
const (
	DeliverySPI     = "spi"
	DeliveryLicense = "license"
)

// CheckDelivery checks the type-specific fields: a SaaS product is delivered by SPI (needs a
// production URL) or by license code (needs an activation page URL); the others carry no
// delivery mode.
func CheckDelivery(t ProductType, mode, productionURL, activationURL string) *Violation {
	if t != TypeSaaS {
		if mode != "" {
			return rule(CodeDeliveryMode, i18n.M("rule.delivery.notsaas", string(t)), i18n.M("remedy.delivery"))
		}
		return nil
	}
	switch mode {
	case DeliverySPI:
		if productionURL == "" {
			return rule(CodeDeliveryMode, i18n.M("rule.delivery.spi"), i18n.M("remedy.delivery"))
		}
		return CheckURL("production URL", productionURL)
	case DeliveryLicense:
		if activationURL == "" {
			return rule(CodeDeliveryMode, i18n.M("rule.delivery.license"), i18n.M("remedy.delivery"))
		}
		return CheckURL("activation URL", activationURL)
	}
	return rule(CodeDeliveryMode, i18n.M("rule.delivery.mode", mode), i18n.M("remedy.delivery"))
}

// APIPrefixBound is FAQ 三 Q4: an API product's name maps one-to-one to its API gateway group
// prefix; once the prefix is bound the name cannot change.
func APIPrefixBound(code, prefix string) *Violation {
	return rule(CodeAPIPrefixBound, i18n.M("rule.api.bound", code, prefix), i18n.M("remedy.api.bound", code))
}

// CheckAPIPrefix validates an API access prefix: 3–40 lower-case letters, digits and hyphens,
// starting with a letter.
func CheckAPIPrefix(prefix string) *Violation {
	ok := len(prefix) >= 3 && len(prefix) <= 40 && prefix[0] >= 'a' && prefix[0] <= 'z'
	for i := 0; ok && i < len(prefix); i++ {
		c := prefix[i]
		ok = 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-'
	}
	if !ok {
		return input(CodeProduct, i18n.M("rule.api.prefix", prefix), i18n.M("remedy.api.prefix"))
	}
	return nil
}

// DeliveryTemplateApplies is FAQ 三 Q5: delivery templates are for service products.
func DeliveryTemplateApplies(code string, t ProductType) *Violation {
	if t != TypeService {
		return rule(CodeDeliveryTemplate, i18n.M("rule.template.service", code, string(t)), i18n.M("remedy.template.service"))
	}
	return nil
}

// AgreementTemplateFits is FAQ 三 Q3 with the templates' own scope: a template written for
// one type of product (a SaaS product's terms, an API's) is not the agreement of another.
// An empty templateType fits any product.
func AgreementTemplateFits(code string, t ProductType, templateID, templateType string) *Violation {
	if templateType == "" || ProductType(templateType) == t {
		return nil
	}
	return rule(CodeAgreement, i18n.M("rule.agreement.type", templateID, i18n.N(i18n.EnumProductType, templateType), code, i18n.N(i18n.EnumProductType, string(t))),
		i18n.M("remedy.agreement.type"))
}

// UnfilledAgreement refuses an agreement with blanks left in it (【公司名称】, [Company name]).
func UnfilledAgreement(blanks []string) *Violation {
	if len(blanks) == 0 {
		return nil
	}
	quoted := make([]string, len(blanks))
	for i, b := range blanks {
		quoted[i] = "【" + b + "】"
	}
	return input(CodeAgreement, i18n.M("rule.agreement.blanks", len(blanks), strings.Join(quoted, " ")), i18n.M("remedy.agreement.blanks"))
}

// MaxProductName is the longest product name the marketplace takes, in characters.
const MaxProductName = 60

// CodeProductName is a product name out of bounds (exit 2), the code the API answers.
const CodeProductName = "InvalidParameter.Name"

// CheckProductName checks a product name: 1 to 60 characters after trimming, as the API
// checks it — so that a plan refuses what the apply would meet.
func CheckProductName(name string) *Violation {
	if n := utf8.RuneCountInString(strings.TrimSpace(name)); n == 0 || n > MaxProductName {
		return input(CodeProductName, i18n.M("rule.product.name", n, MaxProductName), i18n.M("remedy.product.name"))
	}
	return nil
}

// Review outcomes a wait reports.
const (
	OutcomeListed   = "listed"
	OutcomeRejected = "rejected"
	OutcomePending  = "pending"
)

// ReviewOutcome is what a product's state says of its review: listed or rejected (decided),
// pending (in review), or — any other state — nothing to wait for (ok false).
func ReviewOutcome(s State) (outcome string, ok bool) {
	switch s {
	case StateListed:
		return OutcomeListed, true
	case StateRejected:
		return OutcomeRejected, true
	case StateReviewing:
		return OutcomePending, true
	}
	return "", false
}

// ProductState is a product's code with its state, for a message.
type ProductState struct {
	Code  string
	State State
}

// NotInReview refuses a wait on products that are not in review (a draft, one in testing):
// nothing would ever decide them.
func NotInReview(products []ProductState) *Violation {
	if len(products) == 0 {
		return nil
	}
	return rule(CodeProductStatus, i18n.M("product.wait.notinreview", stateList(products)), i18n.M("remedy.product.wait"))
}

type stateList []ProductState

func (l stateList) In(lang i18n.Lang) string {
	parts := make([]string, len(l))
	for i, p := range l {
		if lang == i18n.ZH {
			parts[i] = p.Code + "（" + i18n.Enum(lang, i18n.EnumProductState, string(p.State)) + "）"
		} else {
			parts[i] = p.Code + " (" + string(p.State) + ")"
		}
	}
	sep := ", "
	if lang == i18n.ZH {
		sep = "、"
	}
	return strings.Join(parts, sep)
}
