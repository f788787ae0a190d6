package market

import (
	"context"
	"net/url"
	"strconv"

	"github.com/mkt-cli/mkt/internal/marketapi"
)

// The seller's account (mkt's seller extension, docs/api.md): onboarding, shop, settlement
// account, credit payment, settlements.

// OnboardingInput is what SubmitOnboarding sends.
type OnboardingInput struct {
	CompanyName, CreditCode, ContactName, ContactMobile, ContactEmail string
	AuthorizationType, AuthorizationFileId, LicenceNumber             string
	OperationPlanFileId                                               string
}

// SubmitOnboarding submits the onboarding application; token makes a retry one application.
func (c *Client) SubmitOnboarding(ctx context.Context, in OnboardingInput, token string) (marketapi.OnboardingApplication, error) {
	form := url.Values{}
	for k, v := range map[string]string{"CompanyName": in.CompanyName, "CreditCode": in.CreditCode, "ContactName": in.ContactName,
		"ContactMobile": in.ContactMobile, "ContactEmail": in.ContactEmail, "AuthorizationType": in.AuthorizationType,
		"AuthorizationFileId": in.AuthorizationFileId, "LicenceNumber": in.LicenceNumber, "OperationPlanFileId": in.OperationPlanFileId} {
		if v != "" {
			form.Set(k, v)
		}
	}
	var r marketapi.OnboardingResult
	err := c.Call(ctx, Request{Action: "SubmitOnboarding", ClientToken: token, Form: form}, &r)
	return r.Application, err
}

// Onboarding returns the current application (Status NONE when there is none).
func (c *Client) Onboarding(ctx context.Context) (marketapi.OnboardingApplication, error) {
	var r marketapi.OnboardingResult
	err := c.Call(ctx, Request{Action: "DescribeOnboarding"}, &r)
	return r.Application, err
}

// ReviewOnboarding is the sandbox's operations team deciding on the application.
func (c *Client) ReviewOnboarding(ctx context.Context, decision, reason string) (marketapi.OnboardingApplication, error) {
	var r marketapi.OnboardingResult
	err := c.Call(ctx, Request{Action: "SandboxReviewOnboarding", Form: url.Values{"Decision": {decision}, "Reason": {reason}}}, &r)
	return r.Application, err
}

// Shop returns the shop.
func (c *Client) Shop(ctx context.Context) (marketapi.Shop, error) {
	var r marketapi.ShopResult
	err := c.Call(ctx, Request{Action: "DescribeShop"}, &r)
	return r.Shop, err
}

// ModifyShop changes the shop's fields that ch sets. An empty token is derived from the
// change, so the same change sent twice is made once.
func (c *Client) ModifyShop(ctx context.Context, ch marketapi.ShopChange, token string) (marketapi.Shop, error) {
	form := ch.Form()
	if token == "" {
		token = ContentToken("shop", form.Encode())
	}
	var r marketapi.ShopResult
	err := c.Call(ctx, Request{Action: "ModifyShop", ClientToken: token, Form: form}, &r)
	return r.Shop, err
}

// ModifyShopContacts changes the contact channels that ch sets (token as for ModifyShop).
func (c *Client) ModifyShopContacts(ctx context.Context, ch marketapi.ContactsChange, token string) (marketapi.Shop, error) {
	form := ch.Form()
	if token == "" {
		token = ContentToken("contacts", form.Encode())
	}
	var r marketapi.ShopResult
	err := c.Call(ctx, Request{Action: "ModifyShopContacts", ClientToken: token, Form: form}, &r)
	return r.Shop, err
}

// ListSettlements follows DescribeSettlements' pages (status "" for all), handing each page to
// fn until it returns false.
func (c *Client) ListSettlements(ctx context.Context, status string, fn func([]marketapi.Settlement) bool) error {
	seen := 0
	for page := 1; ; page++ {
		res, err := c.Settlements(ctx, status, page, 100)
		if err != nil {
			return err
		}
		seen += len(res.Settlements)
		if !fn(res.Settlements) || len(res.Settlements) == 0 || seen >= res.TotalCount {
			return nil
		}
	}
}

// FailSettlementAccount makes the sandbox's verification of account fail with reason.
func (c *Client) FailSettlementAccount(ctx context.Context, account, reason string) error {
	return c.Call(ctx, Request{Action: "SandboxFailSettlementAccount", Form: url.Values{"Account": {account}, "Reason": {reason}}}, nil)
}

// ModifySettlementAccount binds the enterprise Alipay account; verification follows.
func (c *Client) ModifySettlementAccount(ctx context.Context, account, company, token string) (marketapi.SettlementAccount, error) {
	var r marketapi.SettlementAccountResult
	err := c.Call(ctx, Request{Action: "ModifySettlementAccount", ClientToken: token,
		Form: url.Values{"Account": {account}, "CompanyName": {company}}}, &r)
	return r.Account, err
}

// SettlementAccount returns the settlement account and its verification state.
func (c *Client) SettlementAccount(ctx context.Context) (marketapi.SettlementAccount, error) {
	var r marketapi.SettlementAccountResult
	err := c.Call(ctx, Request{Action: "DescribeSettlementAccount"}, &r)
	return r.Account, err
}

// CreditPayment returns the credit-payment settings of the listed products.
func (c *Client) CreditPayment(ctx context.Context) (marketapi.CreditPayment, error) {
	var r marketapi.CreditPaymentResult
	err := c.Call(ctx, Request{Action: "DescribeCreditPayment"}, &r)
	return r.Credit, err
}

// ModifyCreditPayment turns credit payment on or off, for one product or (code "") all listed.
func (c *Client) ModifyCreditPayment(ctx context.Context, code string, enabled bool, token string) (marketapi.CreditPayment, error) {
	form := url.Values{"Enabled": {strconv.FormatBool(enabled)}}
	if code != "" {
		form.Set("ProductCode", code)
	}
	var r marketapi.CreditPaymentResult
	err := c.Call(ctx, Request{Action: "ModifyCreditPayment", ClientToken: token, Form: form}, &r)
	return r.Credit, err
}

// Settlements returns one page of settlements (status "" for all).
func (c *Client) Settlements(ctx context.Context, status string, page, size int) (marketapi.SettlementsResult, error) {
	form := url.Values{"PageNumber": {strconv.Itoa(page)}, "PageSize": {strconv.Itoa(size)}}
	if status != "" {
		form.Set("Status", status)
	}
	var r marketapi.SettlementsResult
	err := c.Call(ctx, Request{Action: "DescribeSettlements", Form: form}, &r)
	return r, err
}

// RepayCredit is the sandbox's buyer repaying a credit-paid order, which releases its settlement.
func (c *Client) RepayCredit(ctx context.Context, orderID int64) (marketapi.Settlement, error) {
	var r struct{ Settlement marketapi.Settlement }
	err := c.Call(ctx, Request{Action: "SandboxRepayCredit", Form: url.Values{"OrderId": {strconv.FormatInt(orderID, 10)}}}, &r)
	return r.Settlement, err
}

// InvoiceRequest is a buyer's invoice request played by the sandbox (SandboxRequestInvoice):
// for Orders, or Count requests seeded over Spread.
type InvoiceRequest struct {
	Orders                 []string
	Type, Title, TaxNumber string
	Count                  int
	Spread                 string
}

// InvoiceRequested is SandboxRequestInvoice's answer.
type InvoiceRequested struct {
	Invoice *struct {
		Id, Price     string
		CreateTimeStr string `mkt:"time"`
	} `json:",omitempty"`
	Seeded         int   `json:",omitempty"`
	FirstInvoiceId int64 `json:",omitempty"`
}

// RequestInvoice has the sandbox's buyer ask for an invoice.
func (c *Client) RequestInvoice(ctx context.Context, r InvoiceRequest) (InvoiceRequested, error) {
	p := url.Values{}
	if r.Count > 0 {
		p.Set("Count", strconv.Itoa(r.Count))
		if r.Spread != "" {
			p.Set("Spread", r.Spread)
		}
	}
	for i, o := range r.Orders {
		p.Set("OrderIds."+strconv.Itoa(i+1), o)
	}
	for k, v := range map[string]string{"Type": r.Type, "Title": r.Title, "TaxNumber": r.TaxNumber} {
		if v != "" {
			p.Set(k, v)
		}
	}
	var out InvoiceRequested
	return out, c.Call(ctx, Request{Action: "SandboxRequestInvoice", Form: p}, &out)
}
