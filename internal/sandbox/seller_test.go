package sandbox

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"testing"

	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

const testPlan = "# 运营计划\n\n## 上架商品的时间点\n\n2027-01-15 云CRM\n\n## 商品给用户提供的价值\n\n省时\n\n## 入驻后的运营动作\n\n直播\n\n## 年度营收目标\n\n500 万元\n"

func TestOnboardingLifeCycle(t *testing.T) {
	_, s := newSeller(t, "en")
	ctx := context.Background()
	plan, err := s.c.UploadFile(ctx, "plan.md", []byte(testPlan), "")
	if err != nil {
		t.Fatal(err)
	}
	scan, err := s.c.UploadFile(ctx, "statement.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "")
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.c.Onboarding(ctx)
	if err != nil || a.Status != marketapi.OnboardingNone {
		t.Fatalf("before: %+v %v", a, err)
	}
	in := market.OnboardingInput{CompanyName: "杭州示例科技有限公司", CreditCode: "91330100799655058B", ContactName: "王五",
		ContactMobile: "13800138000", AuthorizationType: "STATEMENT", AuthorizationFileId: scan.FileId, OperationPlanFileId: plan.FileId}

	bad := in
	bad.CreditCode = "91330100799655058A"
	if _, err := s.c.SubmitOnboarding(ctx, bad, ""); !isCode(err, "InvalidParameter.CreditCode") {
		t.Fatalf("bad credit code: %v", err)
	}
	empty, _ := s.c.UploadFile(ctx, "empty-plan.md", []byte("# plan\n"), "")
	bad = in
	bad.OperationPlanFileId = empty.FileId
	if _, err := s.c.SubmitOnboarding(ctx, bad, ""); !isCode(err, "InvalidParameter.OperationPlan") {
		t.Fatalf("empty plan: %v", err)
	}
	bad = in
	bad.AuthorizationType, bad.LicenceNumber = "LICENCE", "12345"
	if _, err := s.c.SubmitOnboarding(ctx, bad, ""); !isCode(err, "InvalidParameter.DataAuthorization") {
		t.Fatalf("bad licence: %v", err)
	}

	// Twice with one token: one application.
	a1, err := s.c.SubmitOnboarding(ctx, in, "tok-1")
	if err != nil || a1.Status != marketapi.OnboardingReviewing {
		t.Fatalf("submit: %+v %v", a1, err)
	}
	a2, err := s.c.SubmitOnboarding(ctx, in, "tok-1")
	if err != nil || a2.ApplicationId != a1.ApplicationId {
		t.Fatalf("replay: %+v %v", a2, err)
	}
	if _, err := s.c.SubmitOnboarding(ctx, in, "tok-2"); !isCode(err, "Forbidden.OnboardingStatus") {
		t.Fatalf("second while reviewing: %v", err)
	}
	r, err := s.c.ReviewOnboarding(ctx, "reject", "运营计划过于简单")
	if err != nil || r.Status != marketapi.OnboardingRejected || r.AuditMessage != "运营计划过于简单" {
		t.Fatalf("reject: %+v %v", r, err)
	}
	a3, err := s.c.SubmitOnboarding(ctx, in, "tok-3")
	if err != nil || a3.ApplicationId == a1.ApplicationId {
		t.Fatalf("resubmit: %+v %v", a3, err)
	}
	if r, err := s.c.ReviewOnboarding(ctx, "approve", ""); err != nil || r.Status != marketapi.OnboardingApproved {
		t.Fatalf("approve: %+v %v", r, err)
	}
}

func TestShopAndSettlementAccount(t *testing.T) {
	_, s := newSeller(t, "en")
	ctx := context.Background()
	logo, _ := s.c.UploadFile(ctx, "logo.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "")
	doc, _ := s.c.UploadFile(ctx, "intro.pdf", []byte("%PDF-1.4"), "")
	if _, err := s.c.ModifyShop(ctx, marketapi.ShopChange{LogoFileId: &doc.FileId}, ""); !isCode(err, "InvalidParameter.FileType") {
		t.Fatalf("pdf logo: %v", err)
	}
	sh, err := s.c.ModifyShop(ctx, marketapi.ShopChange{Name: ptr("示例科技"), LogoFileId: &logo.FileId, Introduction: ptr("CRM 专家")}, "")
	if err != nil || !sh.Decorated {
		t.Fatalf("shop: %+v %v", sh, err)
	}
	if _, err := s.c.ModifyShopContacts(ctx, marketapi.ContactsChange{Hotline: ptr("12345")}, ""); !isCode(err, "InvalidParameter.Phone") {
		t.Fatalf("bad hotline: %v", err)
	}
	sh, err = s.c.ModifyShopContacts(ctx, marketapi.ContactsChange{Hotline: ptr("400-123-4567"), Wangwang: ptr("示例科技"), TicketUrl: ptr("https://isv.example.com/ticket")}, "")
	if err != nil || sh.Contacts.Hotline != "400-123-4567" || sh.Name != "示例科技" {
		t.Fatalf("contacts: %+v %v", sh, err)
	}

	if _, err := s.c.ModifySettlementAccount(ctx, "0571-85022088", "示例科技", ""); !isCode(err, "InvalidParameter.AlipayAccount") {
		t.Fatalf("landline: %v", err)
	}
	a, err := s.c.ModifySettlementAccount(ctx, "138\u30000013 8000", "示例科技", "")
	if err != nil || a.Account != "13800138000" || a.Status != marketapi.AccountVerifying {
		t.Fatalf("set: %+v %v", a, err)
	}
	if a, err = s.c.SettlementAccount(ctx); err != nil || a.Status != marketapi.AccountBound {
		t.Fatalf("verified: %+v %v", a, err)
	}
	// An account the sandbox is told is wrong fails verification, with the reason.
	if err := s.do("SandboxFailSettlementAccount", url.Values{"Account": {"finance@example.com"}, "Reason": {"not this company's"}}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := s.c.ModifySettlementAccount(ctx, "finance@example.com", "示例科技", ""); err != nil {
		t.Fatal(err)
	}
	if a, err = s.c.SettlementAccount(ctx); err != nil || a.Status != marketapi.AccountFailed || a.FailReason != "not this company's" {
		t.Fatalf("failed: %+v %v", a, err)
	}
}

func isCode(err error, code string) bool {
	var ae *market.APIError
	return errors.As(err, &ae) && ae.Code == code
}

func ptr(s string) *string { return &s }

// The public answers name the seller as its shop says: ShopInfo, SupplierName and the
// supplier's telephone follow `mkt shop`, as production's follow the seller console.
func TestPublicAnswersNameTheShop(t *testing.T) {
	_, s := newSeller(t, "en")
	ctx := context.Background()
	prod := listedProduct(t, s, url.Values{"DeliveryMode": {"license"}, "ActivationUrl": {"https://isv.example.com/activate"}})
	res := purchase(t, s, "SandboxPurchase", url.Values{"Code": {prod.Code}})
	if p, err := s.c.PublicProduct(ctx, prod.Code); err != nil || p.ShopInfo.Name != "Sandbox Seller" {
		t.Fatalf("before: %+v %v", p.ShopInfo, err)
	}
	if _, err := s.c.ModifyShop(ctx, marketapi.ShopChange{Name: ptr("示例科技")}, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := s.c.ModifyShopContacts(ctx, marketapi.ContactsChange{Hotline: ptr("400-123-4567"), Wangwang: ptr("示例客服")}, ""); err != nil {
		t.Fatal(err)
	}
	p, err := s.c.PublicProduct(ctx, prod.Code)
	if err != nil || p.ShopInfo.Name != "示例科技" || len(p.ShopInfo.Telephones.Telephone) != 1 || p.ShopInfo.Telephones.Telephone[0] != "400-123-4567" ||
		len(p.ShopInfo.WangWangs.WangWang) != 1 || p.ShopInfo.WangWangs.WangWang[0].UserName != "示例客服" {
		t.Errorf("DescribeProduct ShopInfo: %+v %v", p.ShopInfo, err)
	}
	var inst struct{ SupplierName string }
	if err := s.c.Call(ctx, market.Request{Action: "DescribeInstanceForIsv", Query: url.Values{"InstanceId": {fmt.Sprint(res.InstanceId)}}}, &inst); err != nil || inst.SupplierName != "示例科技" {
		t.Errorf("DescribeInstanceForIsv SupplierName: %+v %v", inst, err)
	}
	var order struct {
		SupplierCompanyName string
		SupplierTelephones  struct{ Telephone []string }
	}
	if err := s.c.Call(ctx, market.Request{Action: "DescribeOrder", Query: url.Values{"OrderId": {fmt.Sprint(res.OrderId)}}}, &order); err != nil ||
		order.SupplierCompanyName != "示例科技" || len(order.SupplierTelephones.Telephone) != 1 {
		t.Errorf("DescribeOrder: %+v %v", order, err)
	}
	var lic struct{ License struct{ SupplierName string } }
	if err := s.c.Call(ctx, market.Request{Action: "DescribeLicense", Query: url.Values{"LicenseCode": {res.LicenseCode}}}, &lic); err != nil || lic.License.SupplierName != "示例科技" {
		t.Errorf("DescribeLicense: %+v %v", lic, err)
	}
	var list struct {
		ProductItems struct {
			ProductItem []struct{ SupplierName string }
		}
	}
	if err := s.c.Call(ctx, market.Request{Action: "DescribeProducts", Query: url.Values{"PageSize": {"5"}}}, &list); err != nil ||
		len(list.ProductItems.ProductItem) == 0 || list.ProductItems.ProductItem[0].SupplierName != "示例科技" {
		t.Errorf("DescribeProducts: %+v %v", list, err)
	}
}
