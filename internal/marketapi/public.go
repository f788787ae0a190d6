package marketapi

import "encoding/json"

// Answers of the public Market API. Field names are the wire's.

// MeteringEntity is one measured quantity.
type MeteringEntity struct {
	Key           string
	Value         string
	MeteringAssit string `json:"meteringAssit"`
}

// DescribeProduct and DescribeProducts.

// ShopInfo, WangWangs and Telephones keep the real wrapper objects.
type ShopInfo struct {
	Id         int64
	Name       string
	Emails     string
	WangWangs  struct{ WangWang []WangWang }
	Telephones struct{ Telephone []string }
}

// WangWang is a shop's Aliwangwang contact.
type WangWang struct{ UserName, Remark string }

// ProductSku is one SKU of DescribeProduct.
type ProductSku struct {
	Code         string
	Name         string
	ChargeType   string
	Constraints  string
	Hidden       bool
	OrderPeriods struct{ OrderPeriod []OrderPeriod }
	Modules      struct{ Module []Module }
}

// OrderPeriod is a purchasable period of a SKU.
type OrderPeriod struct{ Name, PeriodType string }

// Module is a billable module of a SKU.
type Module struct {
	Id         string
	Code       string
	Name       string
	Properties struct{ Property []Property }
}

// Property is a module's property.
type Property struct {
	Key            string
	Name           string
	ShowType       string
	DisplayUnit    string
	PropertyValues struct{ PropertyValue []PropertyValue }
}

// PropertyValue is one value of a property.
type PropertyValue struct{ Value, DisplayName, Type, Min, Max, Step, Remark string }

// ProductExtra is an extra attribute of a product.
type ProductExtra struct {
	Key, Label, Values, Type string
	Order                    int64
}

// PublicProduct is DescribeProduct's answer.
type PublicProduct struct {
	Code             string
	Name             string
	Type             string
	Status           string
	AuditStatus      string
	AuditFailMsg     string
	AuditTime        int64 `mkt:"time"`
	ShortDescription string
	Description      string
	PicUrl           string
	Score            float64
	UseCount         int64
	FrontCategoryId  int64
	SupplierPk       int64
	GmtCreated       int64
	GmtModified      int64
	ShopInfo         ShopInfo
	ProductSkus      struct{ ProductSku []ProductSku }
	ProductExtras    struct{ ProductExtra []ProductExtra }
}

// ProductItem is one entry of DescribeProducts.
type ProductItem struct {
	Code             string
	Name             string
	CategoryId       int64
	SupplierId       int64
	SupplierName     string
	ShortDescription string
	Tags             string
	ImageUrl         string
	PriceInfo        string
	SuggestedPrice   string
	DeliveryWay      string
	DeliveryDate     string
	WarrantyDate     string
	TargetUrl        string
	OperationSystem  string
	Score            string
}

// ProductList is DescribeProducts' answer.
type ProductList struct {
	PageNumber   int
	PageSize     int
	TotalCount   int
	ProductItems struct{ ProductItem []ProductItem }
}

// Orders, instances, licenses, metering and notifications.

// OrderForIsv is DescribeOrderForIsv's answer.
type OrderForIsv struct {
	OrderId         int64
	AliUid          int64
	ProductCode     string
	ProductName     string
	ProductSkuCode  string
	OrderType       string
	PeriodType      string
	PayStatus       string
	OrderStatus     string
	Quantity        int
	AccountQuantity int64
	OriginalPrice   float64
	TotalPrice      float64
	PaymentPrice    float64
	CouponPrice     float64
	CreatedOn       int64 `mkt:"time"`
	PaidOn          int64 `mkt:"time"`
	InstanceIds     []string
	// Components is a JSON object encoded as a string (package_version, ord_time, order_num).
	Components string
}

// Order is DescribeOrder's answer: the buyer-side view, with the older wrapper objects.
type Order struct {
	OrderId             int64
	AliUid              int64
	ProductCode         string
	ProductName         string
	ProductSkuCode      string
	SupplierCompanyName string
	OrderType           string
	PeriodType          string
	PayStatus           string
	OrderStatus         string
	Quantity            int
	AccountQuantity     int64
	OriginalPrice       float64
	TotalPrice          float64
	PaymentPrice        float64
	CouponPrice         float64
	CreatedOn           int64 `mkt:"time"`
	PaidOn              int64 `mkt:"time"`
	Components          map[string]any
	SupplierTelephones  struct{ Telephone []string }
	InstanceIds         struct{ InstanceId []string }
}

// InstanceForIsv is DescribeInstanceForIsv's answer.
type InstanceForIsv struct {
	InstanceId     int64
	OrderId        int64
	ProductCode    string
	ProductName    string
	ProductSkuCode string
	ProductType    string
	SupplierName   string
	Status         string
	IsTrial        bool
	AutoRenewal    string `mkt:"json"`
	BeganOn        int64  `mkt:"time"`
	EndOn          int64  `mkt:"time"`
	CreatedOn      int64  `mkt:"time"`
	AppJson        string
	HostJson       string
	ExtendJson     string
	ComponentJson  string
	ImageJson      string
	LicenseCode    string
	ActiveAddress  string
	RelationalData struct{ ServiceStatus string }
}

// Instance is DescribeInstance's answer (the buyer-side view, with Modules).
type Instance struct {
	InstanceId     int64
	OrderId        int64
	ProductCode    string
	ProductName    string
	ProductSkuCode string
	ProductType    string
	SupplierName   string
	Status         string
	IsTrial        bool
	AutoRenewal    string `mkt:"json"`
	BeganOn        int64  `mkt:"time"`
	EndOn          int64  `mkt:"time"`
	CreatedOn      int64  `mkt:"time"`
	AppJson        string
	HostJson       string
	ExtendJson     string
	ComponentJson  string
	LicenseCode    string
	ActiveAddress  string
	RelationalData struct{ ServiceStatus string }
	Constraints    string
	Modules        struct{ Module []Module }
}

// InstanceItem is one entry of DescribeInstances.
type InstanceItem struct {
	InstanceId     int64
	OrderId        int64
	ProductCode    string
	ProductName    string
	ProductSkuCode string
	ProductType    string
	SupplierName   string
	Status         string
	BeganOn        int64 `mkt:"time"`
	EndOn          int64 `mkt:"time"`
	CreatedOn      int64 `mkt:"time"`
	AppJson        string
	HostJson       string
	ApiJson        string
	ImageJson      string
	IdaasJson      string
	ExtendJson     string
}

// InstanceList is DescribeInstances' answer.
type InstanceList struct {
	PageNumber    int
	PageSize      int
	TotalCount    int
	InstanceItems struct{ InstanceItem []InstanceItem }
}

// LicenseAttribute is one ExtendArray entry.
type LicenseAttribute struct{ Code, Value string }

// License is DescribeLicense's License object.
type License struct {
	LicenseCode   string
	LicenseStatus string
	InstanceId    string
	ProductCode   string
	ProductSkuId  string
	ProductName   string
	SupplierName  string
	CreateTime    string `mkt:"time"`
	ExpiredTime   string `mkt:"time"`
	ActivateTime  string `mkt:"time"`
	ExtendArray   struct{ LicenseAttribute []LicenseAttribute }
	ExtendInfo    struct {
		AliUid          int64
		AccountQuantity int64
		Email           string
		Mobile          string
	}
}

// MeteringRecord is one element of PushMeteringData's Metering array.
type MeteringRecord struct {
	InstanceId string
	StartTime  string
	EndTime    string
	Entities   []MeteringEntity
}

// Notification is one entry of DescribeFailedNotifications.
type Notification struct {
	NotificationRequestId string
	Action                string
	Message               string
	CreateTime            int64 `mkt:"time"`
}

// DescribeInvoiceForIsv.

// Invoice is one Result[] entry. Numbers are strings, as the real action sends them.
type Invoice struct {
	Id                 string
	InvoiceId          string
	Status             string
	Type               string
	MaterialType       string
	Title              string
	AliyunPk           string
	Price              string
	UserNotice         string
	CheckNotice        string
	CreateTimeStr      string `mkt:"time"`
	ModifiedTimeStr    string `mkt:"time"`
	ModifiedTime       string `mkt:"time"`
	InvoiceList        []InvoiceListItem
	ReceiptUserInfoDto struct{ TaxNumber string }
	UserAddressDto     struct {
		AliyunPk        string
		Addressee       string
		Phone           string
		DeliveryAddress string
		PostalCode      string
		BizType         string
		Emails          string
	}
	EvaluateList []EvaluateItem
}

// InvoiceListItem is an invoice issued for a request.
type InvoiceListItem struct{ Id, InvoiceAmount string }

// EvaluateItem is an order a request covers.
type EvaluateItem struct {
	Id           string
	OutBizId     string
	OrderType    string
	ProductCode  string
	ProductName  string
	Amount       string
	BizTimeStr   string `mkt:"time"`
	RealAliyunPk string
	RealAliyunId string
	Agent        bool
}

// InvoicePage is DescribeInvoiceForIsv's answer.
type InvoicePage struct {
	Code       string
	Success    bool
	PageNumber string
	PageSize   string
	Count      string
	Result     []Invoice
	NextToken  string
	MaxResults int
}

// Commodity is what DescribePrice (and CreateOrder) price: a product's SKU for a duration.
type Commodity struct {
	Components   struct{ PackageVersion string } `json:"-"`
	ProductCode  string                          `json:"productCode"`
	SkuCode      string                          `json:"skuCode"` // prepay or postpay
	Duration     int                             `json:"duration"`
	PricingCycle string                          `json:"pricingCycle"` // Month or Year
	Quantity     int                             `json:"quantity"`
}

// MarshalJSON writes the commodity as the API takes it: components.package_version is the SKU.
func (c Commodity) MarshalJSON() ([]byte, error) {
	type plain Commodity
	return json.Marshal(struct {
		plain
		Components map[string]string `json:"components"`
	}{plain(c), map[string]string{"package_version": c.Components.PackageVersion}})
}

// UnmarshalJSON reads the API's form.
func (c *Commodity) UnmarshalJSON(b []byte) error {
	type plain Commodity
	var v struct {
		plain
		Components map[string]string `json:"components"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*c = Commodity(v.plain)
	c.Components.PackageVersion = v.Components["package_version"]
	return nil
}

// Price is DescribePrice's answer.
type Price struct {
	ProductCode       string
	OriginalPrice     float64
	TradePrice        float64
	DiscountPrice     float64
	Currency          string
	Cycle             string
	Duration          int
	Cuxiao            bool
	ExpressionCode    string
	ExpressionMessage string
	InfoTitle         string
	PromotionRules    struct{ PromotionRule []PromotionRule }
	Coupons           struct{ Coupon []Coupon }
}

// PromotionRule is a promotion that applies to a price.
type PromotionRule struct{ Title, Name, RuleId string }

// Coupon is a coupon the buyer may use.
type Coupon struct {
	CouponOptionCode, CouponOptionNo, CouponName, CouponDesc string
	IsSelected                                               bool
	CanPromFee                                               float64
}

// CreatedOrder is CreateOrder's answer.
type CreatedOrder struct {
	OrderId     string
	InstanceIds struct{ InstanceId []string }
}

// AutoRenewAnswer is AutoRenewInstance's answer.
type AutoRenewAnswer struct {
	Success bool
	Data    bool
}

// APIUsage is one buyer's usage of one API product (DescribeApiMetering).
type APIUsage struct {
	AliyunPk      int64
	ProductCode   string
	ProductName   string
	TotalQuota    int64
	TotalUsage    int64
	TotalCapacity int64
	Unit          string
}

// APIMetering is DescribeApiMetering's answer.
type APIMetering struct {
	Code       string
	Success    bool
	Fatal      bool
	Message    string
	Version    string
	PageNumber int64
	PageSize   int64
	Count      int64
	Result     []APIUsage
}

// DistributionProduct is one product of DescribeDistributionProducts: a listed product
// promoters earn SubmissionRadio percent on. The numbers are strings, as the metadata has them.
type DistributionProduct struct {
	Code               string
	Name               string
	Type               string
	FirstCategoryName  string
	SecondCategoryName string
	ImageUrl           string
	ShortDescription   string
	Price              string
	Score              string
	TradeCount         string
	UserCommentCount   string
	SubmissionRadio    string
	SupplierName       string
	SupplierUId        string
}

// DistributionProducts is DescribeDistributionProducts' answer.
type DistributionProducts struct {
	PageNumber int
	PageSize   int
	TotalCount int
	Results    []DistributionProduct
}

// DistributionLink is a product's promotion link.
type DistributionLink struct{ Code, Name, Url string }

// DistributionLinks is DescribeDistributionProductsLink's answer.
type DistributionLinks struct {
	Success    bool
	TotalCount int64
	Result     []DistributionLink
}

// CrossAccountAuth is who granted the vendor which roles when (CrossAccountVerifyToken).
type CrossAccountAuth struct {
	Uid       string
	Name      string
	AuthTime  int64 `mkt:"time"`
	AuthRoles []string
}

// CrossAccountVerified is CrossAccountVerifyToken's answer; Result is absent when Success is
// false.
type CrossAccountVerified struct {
	Success bool
	Code    string
	Message string
	Result  *CrossAccountAuth `json:",omitempty"`
}
