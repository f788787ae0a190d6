package market

import (
	"context"
	"encoding/json"
	"net/url"
	"strconv"
)

// Typed calls for what buyers bought. The answers are decoded into maps' typed mirrors below,
// with the public actions' field names.

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

// Purchase is the answer of the sandbox's purchase actions.
type Purchase struct {
	OrderId     int64
	OrderBizId  int64
	InstanceId  int64
	Status      string
	LicenseCode string `json:",omitempty"`
	EndOn       string
	Spi         *struct {
		Action        string
		Calls         int
		IsvInstanceId string `json:",omitempty"`
		Error         string `json:",omitempty"`
	} `json:",omitempty"`
}

func (c *Client) one(ctx context.Context, action, key, value string, out any) error {
	return c.Call(ctx, Request{Action: action, Query: url.Values{key: {value}}}, out)
}

// GetInstance is DescribeInstanceForIsv.
func (c *Client) GetInstance(ctx context.Context, id string) (Instance, error) {
	var i Instance
	return i, c.one(ctx, "DescribeInstanceForIsv", "InstanceId", id, &i)
}

// ListInstances follows DescribeInstances' pages; codes narrows to products.
func (c *Client) ListInstances(ctx context.Context, codes, productType string, fn func([]InstanceItem, int) bool) error {
	for page := 1; ; page++ {
		q := url.Values{"PageNumber": {strconv.Itoa(page)}, "PageSize": {"100"}}
		if codes != "" {
			q.Set("Codes", codes)
		}
		if productType != "" {
			q.Set("ProductType", productType)
		}
		var out struct {
			TotalCount    int
			InstanceItems struct{ InstanceItem []InstanceItem }
		}
		if err := c.Call(ctx, Request{Action: "DescribeInstances", Query: q}, &out); err != nil {
			return err
		}
		items := out.InstanceItems.InstanceItem
		if !fn(items, out.TotalCount) || len(items) < 100 || page*100 >= out.TotalCount {
			return nil
		}
	}
}

// GetOrder is DescribeOrderForIsv.
func (c *Client) GetOrder(ctx context.Context, id string) (Order, error) {
	var o Order
	return o, c.one(ctx, "DescribeOrderForIsv", "OrderId", id, &o)
}

// GetLicense is DescribeLicense.
func (c *Client) GetLicense(ctx context.Context, code string) (License, error) {
	var out struct{ License License }
	err := c.one(ctx, "DescribeLicense", "LicenseCode", code, &out)
	return out.License, err
}

// ActivateLicense activates a license code for a buyer (identification may be empty).
func (c *Client) ActivateLicense(ctx context.Context, code, identification string) error {
	q := url.Values{"LicenseCode": {code}}
	if identification != "" {
		q.Set("Identification", identification)
	}
	return c.Call(ctx, Request{Action: "ActivateLicense", Query: q}, nil)
}

// ListFailedNotifications follows DescribeFailedNotifications' pages.
func (c *Client) ListFailedNotifications(ctx context.Context, fn func([]Notification) bool) error {
	for page := 1; ; page++ {
		var out struct {
			TotalCount       int
			NotificationList []Notification
		}
		q := url.Values{"PageNumber": {strconv.Itoa(page)}, "PageSize": {"100"}}
		if err := c.Call(ctx, Request{Action: "DescribeFailedNotifications", Query: q}, &out); err != nil {
			return err
		}
		if !fn(out.NotificationList) || len(out.NotificationList) < 100 {
			return nil
		}
	}
}

// ConfirmNotification marks a failed notification as handled.
func (c *Client) ConfirmNotification(ctx context.Context, id string) error {
	return c.Call(ctx, Request{Action: "ConfirmNotification", Query: url.Values{"NotificationRequestId": {id}}}, nil)
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

// PushMeteringData sends at most 100 records of one product.
func (c *Client) PushMeteringData(ctx context.Context, recs []MeteringRecord) error {
	b, err := json.Marshal(recs)
	if err != nil {
		return err
	}
	return c.Call(ctx, Request{Action: "PushMeteringData", Form: url.Values{"Metering": {string(b)}}}, nil)
}

// Simulate runs one of the sandbox's buyer actions (SandboxPurchase, SandboxRenew, …).
func (c *Client) Simulate(ctx context.Context, action string, params url.Values) (Purchase, error) {
	var p Purchase
	return p, c.Call(ctx, Request{Action: action, Form: params}, &p)
}
