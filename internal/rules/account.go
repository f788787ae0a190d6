package rules

import (
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/mkt-cli/mkt/internal/i18n"
)

// Input-format codes of the seller's account (exit 2).
const (
	CodeCreditCode = "InvalidParameter.CreditCode"
	CodePhone      = "InvalidParameter.Phone"
)

// creditChars are the 31 characters of a unified social credit code (GB 32100-2015): digits
// and upper-case letters without I, O, Z, S and V.
const creditChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// creditWeights are 3^i mod 31, the weights of the first 17 characters.
var creditWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// CreditCheckChar is the check character (the 18th) of the first 17 characters of a unified
// social credit code, and false if they are not 17 valid characters.
func CreditCheckChar(first17 string) (byte, bool) {
	if len(first17) != 17 {
		return 0, false
	}
	sum := 0
	for i := 0; i < 17; i++ {
		v := strings.IndexByte(creditChars, first17[i])
		if v < 0 {
			return 0, false
		}
		sum += v * creditWeights[i]
	}
	return creditChars[(31-sum%31)%31], true
}

// CheckCreditCode checks a unified social credit code (统一社会信用代码, GB 32100-2015): 18
// characters from the code's alphabet whose last is the check character of the others. It
// returns the code upper-cased and without surrounding spaces.
func CheckCreditCode(raw string) (string, *Violation) {
	code := strings.ToUpper(strings.TrimSpace(raw))
	remedy := i18n.M("remedy.creditcode")
	if len(code) != 18 {
		return "", input(CodeCreditCode, i18n.M("rule.creditcode.length", raw, len([]rune(code))), remedy)
	}
	for i := 0; i < 18; i++ {
		if strings.IndexByte(creditChars, code[i]) < 0 {
			return "", input(CodeCreditCode, i18n.M("rule.creditcode.char", raw, string(code[i]), i+1), remedy)
		}
	}
	want, _ := CreditCheckChar(code[:17])
	if code[17] != want {
		return "", input(CodeCreditCode, i18n.M("rule.creditcode.check", raw, string(code[17]), string(want)), remedy)
	}
	return code, nil
}

// Removed counts the kinds of space taken out of an input, to tell the merchant.
type Removed struct {
	ASCII, Tab, FullWidth, Other int
}

// Any reports whether anything was removed.
func (r Removed) Any() bool { return r.ASCII+r.Tab+r.FullWidth+r.Other > 0 }

// Message says what was removed, in both languages.
func (r Removed) Message() i18n.Message {
	return i18n.M("alipay.removed", r.ASCII, r.Tab, r.FullWidth, r.Other)
}

// Alipay account forms.
const (
	AlipayMobile = "mobile"
	AlipayEmail  = "email"
)

var (
	mobileRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^1[3-9][0-9]{9}$`) })
	emailRE  = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^[A-Za-z0-9._%+\-]+@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$`)
	})
	landlineRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^0[1-9][0-9]{1,2}-?[2-9][0-9]{6,7}(?:-[0-9]{1,6})?$`)
	})
	hotlineRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[48]00-?[0-9]{3}-?[0-9]{4}$`) })
)

// NormalizeAlipayAccount checks a settlement account (FAQ 二 Q2): an enterprise Alipay login,
// given as a mainland mobile number or an e-mail address. Spaces — ASCII, tabs, full-width
// (U+3000) and other Unicode spaces — are removed first, and what was removed is returned so
// that the merchant can be told. Anything else invalid is refused with the expected forms.
func NormalizeAlipayAccount(raw string) (account, form string, removed Removed, v *Violation) {
	var b strings.Builder
	for _, r := range raw {
		switch {
		case r == ' ':
			removed.ASCII++
		case r == '\t':
			removed.Tab++
		case r == '\u3000':
			removed.FullWidth++
		case r == '\u00a0' || r == '\u2002' || r == '\u2003' || r == '\u2009' || r == '\u200b' || r == '\ufeff' || r == '\r' || r == '\n':
			removed.Other++
		default:
			b.WriteRune(r)
		}
	}
	account = b.String()
	remedy := i18n.M("remedy.alipay")
	switch {
	case account == "":
		return "", "", removed, rule(CodeAlipayAccount, i18n.M("rule.alipay.empty"), remedy)
	case mobileRE().MatchString(account):
		return account, AlipayMobile, removed, nil
	case strings.Contains(account, "@"):
		if emailRE().MatchString(account) {
			return strings.ToLower(account), AlipayEmail, removed, nil
		}
		return "", "", removed, rule(CodeAlipayAccount, i18n.M("rule.alipay.email", account), remedy)
	case isDigits(account) || strings.HasPrefix(account, "+"):
		if landlineRE().MatchString(account) || hotlineRE().MatchString(account) {
			return "", "", removed, rule(CodeAlipayAccount, i18n.M("rule.alipay.landline", account), remedy)
		}
		return "", "", removed, rule(CodeAlipayAccount, i18n.M("rule.alipay.mobile", account), remedy)
	case landlineRE().MatchString(account) || hotlineRE().MatchString(account):
		return "", "", removed, rule(CodeAlipayAccount, i18n.M("rule.alipay.landline", account), remedy)
	}
	return "", "", removed, rule(CodeAlipayAccount, i18n.M("rule.alipay.form", account), remedy)
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// Phone kinds.
const (
	PhoneHotline  = "hotline" // 400/800
	PhoneLandline = "landline"
	PhoneMobile   = "mobile"
)

// CheckPhone checks a customer-service number buyers call (FAQ 四 Q5): a 400/800 hotline
// (400-xxx-xxxx), a landline with its area code (0571-8502-2088 or 010-12345678, with an
// optional -extension) or a mainland mobile. Spaces and hyphens are allowed where people put
// them; the result is the number as given without spaces.
func CheckPhone(raw string) (string, string, *Violation) {
	s := strings.Join(strings.Fields(strings.ReplaceAll(raw, "\u3000", " ")), "")
	digitsDash := strings.ReplaceAll(s, "-", "")
	remedy := i18n.M("remedy.phone")
	switch {
	case hotlineRE().MatchString(s) || (len(digitsDash) == 10 && hotlineRE().MatchString(digitsDash)):
		return s, PhoneHotline, nil
	case mobileRE().MatchString(digitsDash):
		return s, PhoneMobile, nil
	case landlineRE().MatchString(s) || landlineRE().MatchString(landlineCompact(s)):
		return s, PhoneLandline, nil
	}
	return "", "", input(CodePhone, i18n.M("rule.phone", raw), remedy)
}

// landlineCompact joins the local number's groups (0571-8502-2088 → 0571-85022088) and keeps
// the area-code and extension hyphens.
func landlineCompact(s string) string {
	parts := strings.Split(s, "-")
	if len(parts) < 3 {
		return s
	}
	// area, local groups…, and an extension only when the last group is short.
	last := len(parts)
	ext := ""
	if len(parts[last-1]) <= 4 && len(strings.Join(parts[1:last-1], "")) >= 7 {
		ext = "-" + parts[last-1]
		last--
	}
	return parts[0] + "-" + strings.Join(parts[1:last], "") + ext
}

// Codes of the seller's account refused by state (exit 3).
const (
	CodeOnboardingStatus = "Forbidden.OnboardingStatus"
	CodeCreditPayment    = "Forbidden.CreditPayment"
)

// OnboardingSubmitBlocked refuses a new application while one is in review or approved.
func OnboardingSubmitBlocked(id, status string) *Violation {
	if status == "APPROVED" {
		return rule(CodeOnboardingStatus, i18n.M("rule.onboarding.approved", id), i18n.M("remedy.onboarding.approved"))
	}
	return rule(CodeOnboardingStatus, i18n.M("rule.onboarding.reviewing", id), i18n.M("remedy.onboarding.reviewing"))
}

// OnboardingNotInReview refuses a review decision when no application is in review.
func OnboardingNotInReview(status string) *Violation {
	return rule(CodeOnboardingStatus, i18n.M("rule.onboarding.notreview", i18n.E(i18n.EnumOnboarding, status)), i18n.M("remedy.onboarding.notreview"))
}

// LicenceNumber checks the number of a 增值电信业务经营许可证 (FAQ 一 Q2), e.g. 浙B2-20080224.
func LicenceNumber(n string) *Violation {
	if licenceRE().MatchString(strings.TrimSpace(n)) {
		return nil
	}
	return input(CodeDataAuthorization, i18n.M("rule.licence", n), i18n.M("remedy.onboard.auth"))
}

var licenceRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\p{Han}?[AB][12](?:\.\d)?-\d{8}$`) })

// CreditPaymentOff refuses a credit purchase of a product whose seller turned credit off.
func CreditPaymentOff(code string) *Violation {
	return rule(CodeCreditPayment, i18n.M("rule.credit.off", code), i18n.M("remedy.credit.off", code))
}

// CreditNotListed refuses a credit-payment setting for a product that is not listed.
func CreditNotListed(code, state string) *Violation {
	return rule(CodeProductStatus, i18n.M("rule.credit.notlisted", code, i18n.E(i18n.EnumProductState, string(state))), i18n.M("remedy.credit.notlisted", code))
}

// CodeShop is a shop field out of bounds (exit 2).
const CodeShop = "InvalidParameter.Shop"

// CheckShopName checks a shop name: 1 to 50 characters after trimming.
func CheckShopName(name string) *Violation {
	if n := len([]rune(strings.TrimSpace(name))); n == 0 || n > 50 {
		return input(CodeShop, i18n.M("shop.name"), i18n.M("remedy.shop"))
	}
	return nil
}

// CheckShopIntro checks a shop introduction: at most 2000 characters.
func CheckShopIntro(intro string) *Violation {
	if len([]rune(intro)) > 2000 {
		return input(CodeShop, i18n.M("shop.intro"), i18n.M("remedy.shop"))
	}
	return nil
}

// IsImage reports whether a file name is of a type the shop takes as an image.
func IsImage(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".png", ".jpg", ".jpeg", ".gif", ".webp":
		return true
	}
	return false
}
