package rules

import (
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/i18n"
)

func code(v *Violation) string {
	if v == nil {
		return ""
	}
	return v.Code
}

func TestTransitions(t *testing.T) {
	cases := []struct {
		typ  ProductType
		from State
		step Step
		to   State
		code string
	}{
		{TypeSaaS, StateDraft, StepSubmitTest, StateTesting, ""},
		{TypeSaaS, StateDraft, StepSubmitReview, StateReviewing, ""},
		{TypeSaaS, StateTesting, StepSubmitReview, StateReviewing, ""},
		{TypeSaaS, StateTesting, StepSubmitTest, StateTesting, CodeProductStatus},
		{TypeSaaS, StateReviewing, StepApprove, StateListed, ""},
		{TypeSaaS, StateReviewing, StepReject, StateRejected, ""},
		{TypeSaaS, StateReviewing, StepDelete, StateReviewing, CodeProductStatus},
		{TypeSaaS, StateReviewing, StepEdit, StateReviewing, CodeProductStatus},
		{TypeSaaS, StateRejected, StepSubmitReview, StateReviewing, ""},
		{TypeSaaS, StateListed, StepDelist, StateDelisted, ""},
		{TypeSaaS, StateListed, StepReject, StateRejected, ""},
		{TypeSaaS, StateListed, StepDelete, StateListed, CodeProductStatus},
		{TypeSaaS, StateListed, StepApprove, StateListed, CodeProductStatus},
		{TypeSaaS, StateDelisted, StepSubmitReview, StateReviewing, ""},
		{TypeSaaS, StateDelisted, StepDelete, StateDeleted, ""},
		{TypeSaaS, StateDraft, StepApprove, StateDraft, CodeProductStatus},
		{TypeSaaS, StateDeleted, StepSubmitTest, StateDeleted, CodeProductStatus},
		// FAQ 三 Q7: image products are deleted, never delisted — even a listed one.
		{TypeImage, StateListed, StepDelist, StateListed, CodeImageDelist},
		{TypeImage, StateListed, StepDelete, StateDeleted, ""},
		{TypeImage, StateDraft, StepDelist, StateDraft, CodeImageDelist},
		{TypeAPI, StateListed, StepDelist, StateDelisted, ""},
	}
	for _, c := range cases {
		to, v := Transition("cmgj00000001", c.typ, c.from, c.step)
		if to != c.to || code(v) != c.code {
			t.Errorf("%s %s --%s--> %s %s, want %s %s", c.typ, c.from, c.step, to, code(v), c.to, c.code)
		}
	}
	_, v := Transition("cmgj00000001", TypeSaaS, StateListed, StepSubmitTest)
	if !strings.Contains(v.Remedy.String(), "mkt product delist cmgj00000001") || !strings.Contains(v.Msg.String(), "LISTED") {
		t.Errorf("illegal transition must name the state and the next steps: %s / %s", v.Msg, v.Remedy)
	}
	if !v.Rule {
		t.Error("a state refusal is a rule")
	}
}

func TestURLLocked(t *testing.T) {
	for s, locked := range map[State]bool{StateDraft: false, StateTesting: true, StateReviewing: true, StateRejected: false, StateListed: true, StateDelisted: false} {
		v := URLLocked("cmgj1", s)
		if (v != nil) != locked {
			t.Errorf("%s: locked=%v", s, v != nil)
		}
		if v != nil && (v.Code != CodeURLLocked || !strings.Contains(v.Remedy.String(), "--reject")) {
			t.Errorf("%s: %v %s", s, v, v.Remedy)
		}
	}
}

func TestCheckURL(t *testing.T) {
	ok := []string{"https://api.example.com/spi", "http://127.0.0.1:8080/spi?x=1", "https://例子.中国/spi"}
	bad := []string{"", " https://x.com", "ftp://x.com", "https://", "//x.com/spi", "x.com/spi",
		"https://user:pass@x.com/spi", "https://user@x.com/", "https://x.com/spi#top", "https://x.com/#", "javascript:alert(1)"}
	for _, u := range ok {
		if v := CheckURL("production URL", u); v != nil {
			t.Errorf("%q refused: %v", u, v)
		}
	}
	for _, u := range bad {
		if v := CheckURL("production URL", u); v == nil || v.Code != CodeURL || v.Rule {
			t.Errorf("%q accepted or misclassified: %v", u, v)
		}
	}
}

func TestCheckDelivery(t *testing.T) {
	cases := []struct {
		typ               ProductType
		mode, prod, activ string
		code              string
	}{
		{TypeSaaS, "spi", "https://x.com/spi", "", ""},
		{TypeSaaS, "license", "", "https://x.com/activate", ""},
		{TypeSaaS, "spi", "", "https://x.com/activate", CodeDeliveryMode},
		{TypeSaaS, "license", "https://x.com/spi", "", CodeDeliveryMode},
		{TypeSaaS, "", "https://x.com/spi", "", CodeDeliveryMode},
		{TypeSaaS, "email", "https://x.com/spi", "", CodeDeliveryMode},
		{TypeSaaS, "spi", "https://u:p@x.com/spi", "", CodeURL},
		{TypeAPI, "spi", "https://x.com/spi", "", CodeDeliveryMode},
		{TypeService, "", "", "", ""},
	}
	for _, c := range cases {
		if got := code(CheckDelivery(c.typ, c.mode, c.prod, c.activ)); got != c.code {
			t.Errorf("%+v: %q", c, got)
		}
	}
}

func TestParsePeriods(t *testing.T) {
	cases := []struct {
		typ   ProductType
		specs []string
		want  string
		code  string
	}{
		{TypeSaaS, []string{"1y", "1m", "3m", "1m"}, "1m 3m 1y", ""},
		{TypeSaaS, []string{"1y", "12m"}, "1y", ""},                           // the same period once
		{TypeSaaS, []string{"1m,3m", "6m 1y", "2y、1m"}, "1m 3m 6m 1y 2y", ""}, // one grammar: commas, spaces or both
		{TypeSaaS, []string{" 1m , 3m "}, "1m 3m", ""},
		{TypeSaaS, []string{"24m"}, "2y", ""},
		{TypeService, []string{"3m", "6m", "1y"}, "3m 6m 1y", ""},
		{TypeService, []string{"1m"}, "", CodeValidity},  // FAQ 三 Q6: at least 3 months
		{TypeService, []string{"90d"}, "", CodeValidity}, // not an order period
		{TypeSaaS, []string{"7d"}, "", CodeValidity},
		{TypeSaaS, []string{"13w"}, "", CodeValidity},
		{TypeSaaS, []string{"2m"}, "", CodeValidity},
		{TypeSaaS, []string{"permanent"}, "", CodeValidity},
		{TypeSaaS, []string{"长期"}, "", CodeValidity},
		{TypeSaaS, []string{"0"}, "", CodeValidity},
		{TypeSaaS, []string{"5y"}, "", CodeValidity},
		{TypeSaaS, []string{"6y"}, "", CodeValidity},
		{TypeSaaS, []string{"1.5m"}, "", CodeValidity},
		{TypeSaaS, []string{"0m"}, "", CodeValidity},
		{TypeSaaS, []string{"01m"}, "", CodeValidity},
		{TypeSaaS, []string{"1q"}, "", CodeValidity},
		{TypeSaaS, nil, "", CodeValidity},
		{TypeSaaS, []string{" , "}, "", CodeValidity},
	}
	for _, c := range cases {
		ps, v := ParsePeriods(c.typ, c.specs)
		if code(v) != c.code || strings.Join(PeriodStrings(ps), " ") != c.want {
			t.Errorf("%s %v: %v %v", c.typ, c.specs, PeriodStrings(ps), v)
		}
	}
	_, v := ParsePeriods(TypeSaaS, []string{"permanent"})
	if !v.Rule || !strings.Contains(v.Msg.In(i18n.ZH), "长期") || !strings.Contains(v.Msg.In(i18n.EN), "long-term") {
		t.Errorf("long-term refusal: %v", v)
	}
	_, v = ParsePeriods(TypeSaaS, []string{"1.5m"})
	if v.Rule {
		t.Error("a malformed period is bad input, not a rule")
	}
}

func TestCheckBundle(t *testing.T) {
	states := map[string]BundleMember{
		"cmgj1": {StateListed, true}, "cmgj2": {StateDraft, true}, "cmgj3": {StateDeleted, true}, "cmgj9": {StateListed, false},
	}
	lookup := func(c string) (BundleMember, bool) { m, ok := states[c]; return m, ok }
	cases := []struct {
		codes []string
		code  string
	}{
		{[]string{"cmgj1", "cmgj2"}, ""},
		{[]string{"cmgj1", "cmgj1"}, CodeBundle}, // two copies of one product
		{[]string{"cmgj1"}, CodeBundle},
		{nil, CodeBundle},
		{[]string{"cmgj1", "cmgj3"}, CodeBundle}, // a deleted product
		{[]string{"cmgj1", "cmgj404"}, CodeBundle},
		{[]string{"cmgj1", "cmgj9"}, CodeBundle}, // another seller's
	}
	for _, c := range cases {
		if got := code(CheckBundle(c.codes, lookup)); got != c.code {
			t.Errorf("%v: %q", c.codes, got)
		}
	}
	if v := CheckBundle([]string{"a", "a"}, nil); code(v) != CodeBundle {
		t.Error("pre-flight misses duplicates")
	}
	if Sellable([]State{StateListed, StateListed}) != true || Sellable([]State{StateListed, StateDelisted}) || Sellable([]State{StateListed}) {
		t.Error("Sellable")
	}
	for in, want := range map[string]int{"10%": 10, "1": 1, "90%": 90} {
		if n, v := ParseDiscount(in); v != nil || n != want {
			t.Errorf("ParseDiscount(%q) = %d %v", in, n, v)
		}
	}
	for _, bad := range []string{"0%", "91%", "ten", "-5%"} {
		if _, v := ParseDiscount(bad); v == nil {
			t.Errorf("ParseDiscount(%q) accepted", bad)
		}
	}
}

func TestSKUsAndPrices(t *testing.T) {
	for in, want := range map[string]string{"99": "99.00", "99.5": "99.50", "0": "0.00", "0.01": "0.01"} {
		if got, v := ParsePrice(in); v != nil || got != want {
			t.Errorf("ParsePrice(%q) = %q %v", in, got, v)
		}
	}
	for _, bad := range []string{"-1", "1.234", "1e3", "abc", "", "1/2", "100000001"} {
		if _, v := ParsePrice(bad); v == nil {
			t.Errorf("ParsePrice(%q) accepted", bad)
		}
	}
	skus, v := NormalizeSKUs([]SKU{{Name: "Basic", Price: "99"}, {Name: "Pro", Price: "299", ChargeType: "postpay"}})
	if v != nil || skus[0].Code != "" || skus[0].ChargeType != ChargePrepay || skus[1].ChargeType != ChargePostpay || skus[1].Price != "299.00" {
		t.Errorf("%+v %v", skus, v)
	}
	if _, v := NormalizeSKUs([]SKU{{Name: "A", Price: "1", Code: "c"}, {Name: "B", Price: "2", Code: "c"}}); v == nil {
		t.Error("duplicate codes accepted")
	}
	if got := SKUCodesByName([]SKU{{Name: "A"}, {Name: "B", Code: "kept"}, {Name: "C"}}, []SKU{{Name: "A", Code: "yuncode1"}, {Name: "B", Code: "yuncode2"}}); got[0].Code != "yuncode1" || got[1].Code != "kept" || got[2].Code != "" {
		t.Errorf("SKUCodesByName = %+v", got)
	}
	if _, v := NormalizeSKUs([]SKU{{Name: "A", Price: "1"}, {Name: "A", Price: "2"}}); v == nil {
		t.Error("duplicate SKU names accepted")
	}
	if _, v := NormalizeSKUs([]SKU{{Name: "A", Price: "1", ChargeType: "monthly"}}); v == nil {
		t.Error("bad charge type accepted")
	}
}

func TestSubmittableAndTypes(t *testing.T) {
	base := Listing{Code: "cmgj1", Type: TypeSaaS, SKUs: 1, Periods: 1, DeliveryMode: "spi", ProductionURL: "https://x.com/spi"}
	if v := CheckSubmittable(base); v != nil {
		t.Fatal(v)
	}
	noSKU := base
	noSKU.SKUs = 0
	api := Listing{Code: "cmapi1", Type: TypeAPI, SKUs: 1, Periods: 1}
	img := Listing{Code: "cmjj1", Type: TypeImage, SKUs: 1, Periods: 1, ImageID: "m-1"}
	for _, l := range []Listing{noSKU, api, img} {
		if CheckSubmittable(l) == nil {
			t.Errorf("%+v submittable", l)
		}
	}
	for code, want := range map[string]ProductType{"cmgj0001": TypeSaaS, "cmapi0001": TypeAPI, "cmjj0001": TypeImage, "cmfw0001": TypeService} {
		if got, ok := TypeOfCode(code); !ok || got != want {
			t.Errorf("TypeOfCode(%s) = %s", code, got)
		}
	}
	if DeliveryTemplateApplies("cmgj1", TypeSaaS) == nil || DeliveryTemplateApplies("cmfw1", TypeService) != nil {
		t.Error("DeliveryTemplateApplies")
	}
	if CheckAPIPrefix("weather-api") != nil || CheckAPIPrefix("Weather") == nil || CheckAPIPrefix("ab") == nil || CheckAPIPrefix("1abc") == nil {
		t.Error("CheckAPIPrefix")
	}
	if !IsRuleCode(CodeURLLocked) || IsRuleCode(CodeURL) {
		t.Error("IsRuleCode")
	}
}

// Everything a product lacks is named in one refusal, in the merchant's language.
func TestCheckSubmittableNamesEverything(t *testing.T) {
	v := CheckSubmittable(Listing{Code: "cmapi10000002", Type: TypeAPI})
	if v == nil {
		t.Fatal("an empty API product is submittable")
	}
	en, zh := v.Msg.In(i18n.EN), v.Msg.In(i18n.ZH)
	for _, want := range []string{"SKUs (--sku)", "validity periods", "--api-group"} {
		if !strings.Contains(en, want) {
			t.Errorf("en %q lacks %q", en, want)
		}
	}
	if !strings.Contains(zh, "规格（--sku）；有效期") || strings.Contains(zh, "SKUs") {
		t.Errorf("zh: %q", zh)
	}
	// Only the delivery missing: the delivery's own, more precise refusal.
	if v := CheckSubmittable(Listing{Code: "cmgj1", Type: TypeSaaS, SKUs: 1, Periods: 1}); v == nil || v.Code == CodeProduct {
		t.Errorf("delivery only: %+v", v)
	}
	if v := CheckSubmittable(Listing{Code: "cmgj1", Type: TypeSaaS, SKUs: 1, Periods: 1, DeliveryMode: "license", ActivationURL: "https://a.example.com"}); v != nil {
		t.Errorf("complete: %+v", v)
	}
}
