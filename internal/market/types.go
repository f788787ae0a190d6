package market

import "github.com/mkt-cli/mkt/internal/rules"

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
	CreateTime         string
	ModifyTime         string
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
	CreateTime string
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
	CreateTime string
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
	Content    string `json:",omitempty"`
}

// AgreementTemplatePage is DescribeAgreementTemplates' answer.
type AgreementTemplatePage struct {
	RequestId string `json:",omitempty"`
	Templates []AgreementTemplate
}
