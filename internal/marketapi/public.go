package marketapi

// Answers of the public Market API. Field names are the wire's.

// Instance is DescribeInstanceForIsv's answer.
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
	AutoRenewal    string
	BeganOn        int64
	EndOn          int64
	CreatedOn      int64
	AppJson        string
	HostJson       string
	ExtendJson     string
	ComponentJson  string
	ImageJson      string
	LicenseCode    string
	ActiveAddress  string
	RelationalData struct{ ServiceStatus string }
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
	BeganOn        int64
	EndOn          int64
	CreatedOn      int64
	AppJson        string
	HostJson       string
	ApiJson        string
	ImageJson      string
	IdaasJson      string
	ExtendJson     string
}

// Order is DescribeOrderForIsv's answer.
type Order struct {
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
	CreatedOn       int64
	PaidOn          int64
	InstanceIds     []string
	Components      any
}

// License is DescribeLicense's License.
type License struct {
	LicenseCode   string
	LicenseStatus string
	InstanceId    string
	ProductCode   string
	ProductSkuId  string
	ProductName   string
	SupplierName  string
	CreateTime    string
	ExpiredTime   string
	ActivateTime  string
	ExtendArray   struct {
		LicenseAttribute []struct{ Code, Value string }
	}
	ExtendInfo struct {
		AliUid          int64
		AccountQuantity int64
		Email           string
		Mobile          string
	}
}

// Notification is one failed SPI notification.
type Notification struct {
	NotificationRequestId string
	Action                string
	Message               string
	CreateTime            int64
}

// MeteringEntity is one measured quantity.
type MeteringEntity struct {
	Key           string
	Value         string
	MeteringAssit string `json:"meteringAssit"`
}

// MeteringRecord is one usage record of PushMeteringData.
type MeteringRecord struct {
	InstanceId string
	StartTime  string
	EndTime    string
	Entities   []MeteringEntity
}

// Invoice is one DescribeInvoiceForIsv Result[] entry. Its numbers are strings on the wire,
// and stay strings here.
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
	CreateTimeStr      string
	ModifiedTimeStr    string
	ModifiedTime       string
	InvoiceList        []struct{ Id, InvoiceAmount string }
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
	EvaluateList []struct {
		Id           string
		OutBizId     string
		OrderType    string
		ProductCode  string
		ProductName  string
		Amount       string
		BizTimeStr   string
		RealAliyunPk string
		RealAliyunId string
		Agent        bool
	}
}
