package market

import (
	"context"
	"net/url"
	"strconv"
)

// The seller's account (mkt's seller extension, docs/api.md): onboarding, shop, settlement
// account, credit payment, settlements.

// Onboarding application states.
const (
	OnboardingNone      = "NONE"
	OnboardingReviewing = "REVIEWING"
	OnboardingApproved  = "APPROVED"
	OnboardingRejected  = "REJECTED"
)

// OnboardingApplication is the seller's application to sell on the marketplace (入驻申请).
type OnboardingApplication struct {
	ApplicationId       string
	Status              string // NONE, REVIEWING, APPROVED, REJECTED
	CompanyName         string `json:",omitempty"`
	CreditCode          string `json:",omitempty"`
	ContactName         string `json:",omitempty"`
	ContactMobile       string `json:",omitempty"`
	ContactEmail        string `json:",omitempty"`
	AuthorizationType   string `json:",omitempty"` // STATEMENT or LICENCE (FAQ 一 Q2)
	AuthorizationFileId string `json:",omitempty"`
	LicenceNumber       string `json:",omitempty"`
	OperationPlanFileId string `json:",omitempty"`
	AuditMessage        string `json:",omitempty"`
	SubmitTime          string `json:",omitempty"`
	AuditTime           string `json:",omitempty"`
}

// OnboardingResult is the answer of SubmitOnboarding, DescribeOnboarding and
// SandboxReviewOnboarding.
type OnboardingResult struct {
	RequestId   string `json:",omitempty"`
	Application OnboardingApplication
}

// ShopContacts are the channels buyers use to reach the seller (FAQ 四 Q5).
type ShopContacts struct {
	Wangwang  string `json:",omitempty"`
	Hotline   string `json:",omitempty"`
	TicketUrl string `json:",omitempty"`
}

// Shop is the seller's shop page (店铺装修, FAQ 二 Q1).
type Shop struct {
	Name         string `json:",omitempty"`
	LogoFileId   string `json:",omitempty"`
	BannerFileId string `json:",omitempty"`
	Introduction string `json:",omitempty"`
	Contacts     ShopContacts
	Decorated    bool   // name, logo and introduction are set
	ModifyTime   string `json:",omitempty"`
}

// ShopResult is the answer of DescribeShop, ModifyShop and ModifyShopContacts.
type ShopResult struct {
	RequestId string `json:",omitempty"`
	Shop      Shop
}

// Settlement account states.
const (
	AccountNone      = "NONE"
	AccountVerifying = "VERIFYING"
	AccountBound     = "BOUND"
	AccountFailed    = "FAILED"
)

// SettlementAccount is the enterprise Alipay account the marketplace pays into (FAQ 二 Q2).
type SettlementAccount struct {
	Account     string `json:",omitempty"`
	AccountType string `json:",omitempty"` // mobile or email
	CompanyName string `json:",omitempty"`
	Status      string // NONE, VERIFYING, BOUND, FAILED
	FailReason  string `json:",omitempty"`
	ModifyTime  string `json:",omitempty"`
}

// SettlementAccountResult is the answer of the settlement-account actions.
type SettlementAccountResult struct {
	RequestId string `json:",omitempty"`
	Account   SettlementAccount
}

// CreditProduct is one product's credit-payment (信控支付) setting.
type CreditProduct struct {
	Code    string
	Name    string
	Enabled bool
}

// CreditPayment is the credit-payment settings: listed products support it by default (FAQ 四 Q7).
type CreditPayment struct {
	Products []CreditProduct
}

// CreditPaymentResult is the answer of DescribeCreditPayment and ModifyCreditPayment.
type CreditPaymentResult struct {
	RequestId string `json:",omitempty"`
	Credit    CreditPayment
}

// Settlement states.
const (
	SettlementSettled    = "SETTLED"
	SettlementHeldCredit = "HELD_CREDIT"
)

// Settlement is what the marketplace settles to the seller for one order.
type Settlement struct {
	OrderId     int64
	ProductCode string
	Amount      string
	PayMethod   string // BALANCE or CREDIT
	Status      string // SETTLED, HELD_CREDIT
	PaidTime    string
	SettleTime  string `json:",omitempty"`
}

// SettlementsResult is the answer of DescribeSettlements.
type SettlementsResult struct {
	RequestId   string `json:",omitempty"`
	TotalCount  int
	PageNumber  int
	PageSize    int
	Settlements []Settlement
}

// OnboardingInput is what SubmitOnboarding sends.
type OnboardingInput struct {
	CompanyName, CreditCode, ContactName, ContactMobile, ContactEmail string
	AuthorizationType, AuthorizationFileId, LicenceNumber             string
	OperationPlanFileId                                               string
}

// SubmitOnboarding submits the onboarding application; token makes a retry one application.
func (c *Client) SubmitOnboarding(ctx context.Context, in OnboardingInput, token string) (OnboardingApplication, error) {
	form := url.Values{}
	for k, v := range map[string]string{"CompanyName": in.CompanyName, "CreditCode": in.CreditCode, "ContactName": in.ContactName,
		"ContactMobile": in.ContactMobile, "ContactEmail": in.ContactEmail, "AuthorizationType": in.AuthorizationType,
		"AuthorizationFileId": in.AuthorizationFileId, "LicenceNumber": in.LicenceNumber, "OperationPlanFileId": in.OperationPlanFileId} {
		if v != "" {
			form.Set(k, v)
		}
	}
	var r OnboardingResult
	err := c.Call(ctx, Request{Action: "SubmitOnboarding", Idempotent: true, ClientToken: token, Form: form}, &r)
	return r.Application, err
}

// Onboarding returns the current application (Status NONE when there is none).
func (c *Client) Onboarding(ctx context.Context) (OnboardingApplication, error) {
	var r OnboardingResult
	err := c.Call(ctx, Request{Action: "DescribeOnboarding"}, &r)
	return r.Application, err
}

// ReviewOnboarding is the sandbox's operations team deciding on the application.
func (c *Client) ReviewOnboarding(ctx context.Context, decision, reason string) (OnboardingApplication, error) {
	var r OnboardingResult
	err := c.Call(ctx, Request{Action: "SandboxReviewOnboarding", Form: url.Values{"Decision": {decision}, "Reason": {reason}}}, &r)
	return r.Application, err
}

// Shop returns the shop.
func (c *Client) Shop(ctx context.Context) (Shop, error) {
	var r ShopResult
	err := c.Call(ctx, Request{Action: "DescribeShop"}, &r)
	return r.Shop, err
}

// ModifyShop changes the shop fields present in form (Name, Introduction, LogoFileId,
// BannerFileId).
func (c *Client) ModifyShop(ctx context.Context, form url.Values, token string) (Shop, error) {
	var r ShopResult
	err := c.Call(ctx, Request{Action: "ModifyShop", Idempotent: true, ClientToken: token, Form: form}, &r)
	return r.Shop, err
}

// ModifyShopContacts changes the contact channels present in form (Wangwang, Hotline, TicketUrl).
func (c *Client) ModifyShopContacts(ctx context.Context, form url.Values, token string) (Shop, error) {
	var r ShopResult
	err := c.Call(ctx, Request{Action: "ModifyShopContacts", Idempotent: true, ClientToken: token, Form: form}, &r)
	return r.Shop, err
}

// ModifySettlementAccount binds the enterprise Alipay account; verification follows.
func (c *Client) ModifySettlementAccount(ctx context.Context, account, company, token string) (SettlementAccount, error) {
	var r SettlementAccountResult
	err := c.Call(ctx, Request{Action: "ModifySettlementAccount", Idempotent: true, ClientToken: token,
		Form: url.Values{"Account": {account}, "CompanyName": {company}}}, &r)
	return r.Account, err
}

// SettlementAccount returns the settlement account and its verification state.
func (c *Client) SettlementAccount(ctx context.Context) (SettlementAccount, error) {
	var r SettlementAccountResult
	err := c.Call(ctx, Request{Action: "DescribeSettlementAccount"}, &r)
	return r.Account, err
}

// CreditPayment returns the credit-payment settings of the listed products.
func (c *Client) CreditPayment(ctx context.Context) (CreditPayment, error) {
	var r CreditPaymentResult
	err := c.Call(ctx, Request{Action: "DescribeCreditPayment"}, &r)
	return r.Credit, err
}

// ModifyCreditPayment turns credit payment on or off, for one product or (code "") all listed.
func (c *Client) ModifyCreditPayment(ctx context.Context, code string, enabled bool, token string) (CreditPayment, error) {
	form := url.Values{"Enabled": {strconv.FormatBool(enabled)}}
	if code != "" {
		form.Set("ProductCode", code)
	}
	var r CreditPaymentResult
	err := c.Call(ctx, Request{Action: "ModifyCreditPayment", Idempotent: true, ClientToken: token, Form: form}, &r)
	return r.Credit, err
}

// Settlements returns one page of settlements (status "" for all).
func (c *Client) Settlements(ctx context.Context, status string, page, size int) (SettlementsResult, error) {
	form := url.Values{"PageNumber": {strconv.Itoa(page)}, "PageSize": {strconv.Itoa(size)}}
	if status != "" {
		form.Set("Status", status)
	}
	var r SettlementsResult
	err := c.Call(ctx, Request{Action: "DescribeSettlements", Form: form}, &r)
	return r, err
}

// RepayCredit is the sandbox's buyer repaying a credit-paid order, which releases its settlement.
func (c *Client) RepayCredit(ctx context.Context, orderID int64) (Settlement, error) {
	var r struct{ Settlement Settlement }
	err := c.Call(ctx, Request{Action: "SandboxRepayCredit", Form: url.Values{"OrderId": {strconv.FormatInt(orderID, 10)}}}, &r)
	return r.Settlement, err
}
