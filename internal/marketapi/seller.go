package marketapi

import (
	"net/http"
	"strings"

	"github.com/mkt-cli/mkt/internal/rules"
)

// The seller actions' models (mkt's extension, docs/api.md). Field names are the wire's
// (PascalCase, like the public actions); -o json prints them as they are.

// SKU is one purchasable edition of a product (the rules package checks it).
type SKU = rules.SKU

// Agreement is a product's user agreement: a built-in template or an uploaded file.
type Agreement struct {
	TemplateId string `json:",omitempty"`
	FileId     string `json:",omitempty"`
	FileName   string `json:",omitempty"`
}

// Product is a product as its seller sees it.
type Product struct {
	Code               string
	Name               string
	Type               string // SAAS, API, IMAGE, SERVICE
	Status             string // DRAFT, TESTING, REVIEWING, REJECTED, LISTED, DELISTED, DELETED
	CategoryId         int64
	ShortDescription   string
	Description        string
	DeliveryMode       string `json:",omitempty"` // SaaS: spi or license
	ProductionUrl      string `json:",omitempty"`
	ActivationUrl      string `json:",omitempty"`
	ApiGroup           string `json:",omitempty"`
	ApiPrefix          string `json:",omitempty"`
	ApiPrefixBound     bool   `json:",omitempty"`
	ImageId            string `json:",omitempty"`
	ImageRegion        string `json:",omitempty"`
	DeliveryTemplateId string `json:",omitempty"`
	Skus               []SKU
	ValidityPeriods    []string
	Agreement          *Agreement `json:",omitempty"`
	AuditFailMsg       string     `json:",omitempty"`
	ExternalKey        string     `json:",omitempty"`
	CreateTime         string     `mkt:"time"`
	ModifyTime         string     `mkt:"time"`
}

// ProductResult is the answer of the actions that return one product.
type ProductResult struct {
	RequestId string `json:",omitempty"`
	Product   Product
}

// ProductPage is DescribeProductsForIsv's answer.
type ProductPage struct {
	RequestId  string `json:",omitempty"`
	Products   []Product
	NextToken  string
	MaxResults int
	TotalCount int
}

// BundleProduct is a product in a bundle, with its current state.
type BundleProduct struct {
	Code   string
	Name   string
	Status string
}

// Bundle is a product bundle (商品组合).
type Bundle struct {
	BundleId   string
	Name       string
	Products   []BundleProduct
	Discount   int    `json:",omitempty"` // percent off
	Price      string `json:",omitempty"` // a fixed price instead
	Sellable   bool   // every product in it is listed
	CreateTime string `mkt:"time"`
}

// BundleResult is the answer of the actions that return one bundle.
type BundleResult struct {
	RequestId string `json:",omitempty"`
	Bundle    Bundle
}

// BundlePage is DescribeProductBundles' answer.
type BundlePage struct {
	RequestId  string `json:",omitempty"`
	Bundles    []Bundle
	NextToken  string
	MaxResults int
	TotalCount int
}

// TemplateField is one form field of a delivery step.
type TemplateField struct {
	Key         string // TFD0, TFD1 …
	Title       string
	Required    bool
	MaxLength   int    `json:",omitempty"`
	Placeholder string `json:",omitempty"`
}

// TemplateStep is one node of a delivery flow.
type TemplateStep struct {
	Name           string
	OperatorRole   string // Provider (the seller) or Custom (the buyer)
	Fields         []TemplateField
	NeedAttachment bool
	AllowRollback  bool
	AutoFinish     bool
}

// DeliveryTemplate is a delivery-centre template for service products (交付模板).
type DeliveryTemplate struct {
	TemplateId string
	Name       string
	Steps      []TemplateStep
	CreateTime string `mkt:"time"`
}

// DeliveryTemplateResult is CreateDeliveryTemplate's answer.
type DeliveryTemplateResult struct {
	RequestId string `json:",omitempty"`
	Template  DeliveryTemplate
}

// DeliveryTemplatePage is DescribeDeliveryTemplates' answer.
type DeliveryTemplatePage struct {
	RequestId  string `json:",omitempty"`
	Templates  []DeliveryTemplate
	NextToken  string
	MaxResults int
	TotalCount int
}

// AgreementTemplate is a built-in agreement template.
type AgreementTemplate struct {
	TemplateId string
	Name       string
	Language   string
	// ProductType is the type of product the template is written for (SAAS, API, SERVICE).
	ProductType string `json:",omitempty"`
	Content     string `json:",omitempty"`
}

// AgreementTemplatePage is DescribeAgreementTemplates' answer.
type AgreementTemplatePage struct {
	RequestId string `json:",omitempty"`
	Templates []AgreementTemplate
}

// The seller's account: onboarding, shop, settlement account, credit payment, settlements.

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
	PaidTime    string `mkt:"time"`
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

// UploadedFile is UploadFile's answer.
type UploadedFile struct {
	FileId      string
	FileName    string
	ContentType string
	Size        int64
	Sha256      string
	CreateTime  string `mkt:"time"`
	// FileUrl is the file's presigned download link, valid for a year.
	FileUrl string
}

// MaxUploadBytes bounds one uploaded file.
const MaxUploadBytes = 10 << 20

// UploadExtensions are the file types the marketplace takes as materials.
var UploadExtensions = map[string]string{
	".pdf": "application/pdf", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
	".gif": "image/gif", ".webp": "image/webp", ".txt": "text/plain", ".md": "text/markdown",
	".html": "text/html", ".doc": "application/msword", ".zip": "application/zip",
	".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}

// AgreementExtensions are the file types an uploaded agreement may have.
var AgreementExtensions = map[string]bool{".pdf": true, ".doc": true, ".docx": true, ".md": true, ".html": true, ".txt": true}

// sniffed are the extensions whose content has a signature to check, and the type
// http.DetectContentType finds in it.
var sniffed = map[string]string{
	".pdf": "application/pdf", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
	".gif": "image/gif", ".webp": "image/webp", ".zip": "application/zip", ".docx": "application/zip",
}

// ContentMatches reports whether content is what a file named with ext claims to be: a PDF
// starts as one, an image is that image, a .docx is a zip. Text and .doc files have no
// signature to check.
func ContentMatches(ext string, content []byte) bool {
	want, ok := sniffed[strings.ToLower(ext)]
	if !ok {
		return true
	}
	return strings.HasPrefix(http.DetectContentType(content), want)
}
