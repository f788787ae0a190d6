package market

import (
	"context"
	"encoding/json"
	"net/url"
	"strconv"
	"strings"

	"github.com/mkt-cli/mkt/internal/marketapi"
)

// Typed calls for what buyers bought. The answers are decoded into maps' typed mirrors below,
// with the public actions' field names.

func (c *Client) one(ctx context.Context, action, key, value string, out any) error {
	return c.Call(ctx, Request{Action: action, Query: url.Values{key: {value}}}, out)
}

// GetInstance is DescribeInstanceForIsv.
func (c *Client) GetInstance(ctx context.Context, id string) (marketapi.InstanceForIsv, error) {
	var i marketapi.InstanceForIsv
	return i, c.one(ctx, "DescribeInstanceForIsv", "InstanceId", id, &i)
}

// ListInstances follows DescribeInstances' pages; codes narrows to products.
func (c *Client) ListInstances(ctx context.Context, codes, productType string, fn func([]marketapi.InstanceItem, int) bool) error {
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
			InstanceItems struct{ InstanceItem []marketapi.InstanceItem }
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
func (c *Client) GetOrder(ctx context.Context, id string) (marketapi.OrderForIsv, error) {
	var o marketapi.OrderForIsv
	return o, c.one(ctx, "DescribeOrderForIsv", "OrderId", id, &o)
}

// GetLicense is DescribeLicense.
func (c *Client) GetLicense(ctx context.Context, code string) (marketapi.License, error) {
	var out struct{ License marketapi.License }
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
func (c *Client) ListFailedNotifications(ctx context.Context, fn func([]marketapi.Notification) bool) error {
	for page := 1; ; page++ {
		var out struct {
			TotalCount       int
			NotificationList []marketapi.Notification
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

// PushMeteringData sends at most 100 records of one product.
//
// It is sent once: a retry after a lost answer could bill the usage twice (internal/metering
// journals what was sent and decides).
func (c *Client) PushMeteringData(ctx context.Context, recs []marketapi.MeteringRecord) error {
	b, err := json.Marshal(recs)
	if err != nil {
		return err
	}
	return c.Call(ctx, Request{Action: "PushMeteringData", Form: url.Values{"Metering": {string(b)}}, Once: true}, nil)
}

// BuyerEvent is what the sandbox's buyer does: buy a product (Code), or renew, upgrade,
// expire, release or refund an instance (InstanceId). Empty fields are not sent.
type BuyerEvent struct {
	Code, InstanceId  string
	SkuCode, Period   string
	PayMethod, AliUid string
	Trial             bool
	SpiRetries        int
	ApiQuota          int64 // API products: the calls bought (0: the sandbox's default)
	IsRefund          *bool
}

func (e BuyerEvent) form() url.Values {
	p := url.Values{}
	for k, v := range map[string]string{"Code": e.Code, "InstanceId": e.InstanceId, "SkuCode": e.SkuCode, "Period": e.Period,
		"PayMethod": e.PayMethod, "AliUid": e.AliUid} {
		if v != "" {
			p.Set(k, v)
		}
	}
	if e.Trial {
		p.Set("Trial", "true")
	}
	if e.SpiRetries > 0 {
		p.Set("SpiRetries", strconv.Itoa(e.SpiRetries))
	}
	if e.ApiQuota > 0 {
		p.Set("ApiQuota", strconv.FormatInt(e.ApiQuota, 10))
	}
	if e.IsRefund != nil {
		p.Set("IsRefund", strconv.FormatBool(*e.IsRefund))
	}
	return p
}

// Simulate runs one of the sandbox's buyer actions (SandboxPurchase, SandboxRenew, …).
func (c *Client) Simulate(ctx context.Context, action string, e BuyerEvent) (marketapi.Purchase, error) {
	var p marketapi.Purchase
	return p, c.Call(ctx, Request{Action: action, Form: e.form()}, &p)
}

// CallerIdentity is STS GetCallerIdentity: the account the credentials belong to. It is sent
// to stsEndpoint (a base URL), signed with this client's credentials.
func (c *Client) CallerIdentity(ctx context.Context, stsEndpoint string) (string, error) {
	opts := c.opts
	opts.Endpoint, opts.Offer = stsEndpoint, nil
	sts := &Client{opts: opts, http: c.http}
	var out struct{ AccountId, UserId, Arn string }
	if err := sts.Call(ctx, Request{Product: marketapi.STSProduct, Action: "GetCallerIdentity"}, &out); err != nil {
		return "", err
	}
	return out.AccountId, nil
}

// ListedProducts follows DescribeProducts' pages for the products of account aliyunUID: what
// the public API shows of a seller's catalogue (listed products only).
func (c *Client) ListedProducts(ctx context.Context, aliyunUID string, fn func([]marketapi.ProductItem) bool) error {
	for page := 1; ; page++ {
		q := url.Values{"PageNumber": {strconv.Itoa(page)}, "PageSize": {"100"}}
		Flatten(q, "Filter", []map[string]string{{"Key": "aliyunUid", "Value": aliyunUID}})
		var out marketapi.ProductList
		if err := c.Call(ctx, Request{Action: "DescribeProducts", Query: q}, &out); err != nil {
			return err
		}
		items := out.ProductItems.ProductItem
		if !fn(items) || len(items) < 100 || page*100 >= out.TotalCount {
			return nil
		}
	}
}

// PublicProduct is DescribeProduct: a listed product as buyers see it (SKUs, order periods).
func (c *Client) PublicProduct(ctx context.Context, code string) (marketapi.PublicProduct, error) {
	var p marketapi.PublicProduct
	return p, c.Call(ctx, Request{Action: "DescribeProduct", Query: url.Values{"Code": {code}}}, &p)
}

// Price is DescribePrice for buying com.
func (c *Client) Price(ctx context.Context, com marketapi.Commodity) (marketapi.Price, error) {
	b, err := json.Marshal(com)
	if err != nil {
		return marketapi.Price{}, err
	}
	var p marketapi.Price
	return p, c.Call(ctx, Request{Action: "DescribePrice", Query: url.Values{"OrderType": {"INSTANCE_BUY"}, "Commodity": {string(b)}}}, &p)
}

// AutoRenew is AutoRenewInstance: with a cycle (Day, Month or Year) it turns auto-renewal on for
// the instance, renewed by duration cycles at its end; without, it turns it off.
func (c *Client) AutoRenew(ctx context.Context, instanceID, cycle string, duration int) error {
	f := url.Values{"OrderBizId": {instanceID}, "Type": {"close"}}
	if cycle != "" {
		f.Set("Type", "open")
		f.Set("AutoRenewCycle", cycle)
		f.Set("AutoRenewDuration", strconv.Itoa(duration))
	}
	var out marketapi.AutoRenewAnswer
	return c.Call(ctx, Request{Action: "AutoRenewInstance", Form: f}, &out)
}

// APIMetering follows DescribeApiMetering's pages (API products' usage by buyer) while fn
// returns true; product narrows to one product.
func (c *Client) APIMetering(ctx context.Context, product string, fn func([]marketapi.APIUsage) bool) error {
	seen := int64(0)
	for page := 1; ; page++ {
		q := url.Values{"pageNum": {strconv.Itoa(page)}}
		if product != "" {
			q.Set("productCode", product)
		}
		var out marketapi.APIMetering
		if err := c.Call(ctx, Request{Action: "DescribeApiMetering", Query: q}, &out); err != nil {
			return err
		}
		seen += int64(len(out.Result))
		if !fn(out.Result) || len(out.Result) == 0 || seen >= out.Count {
			return nil
		}
	}
}

// APICalls is the sandbox's SandboxApiCalls: a buyer calls an API product count times.
func (c *Client) APICalls(ctx context.Context, instanceID string, count int64) (marketapi.APICalls, error) {
	var out marketapi.APICalls
	return out, c.Call(ctx, Request{Action: "SandboxApiCalls", Form: url.Values{"InstanceId": {instanceID}, "Count": {strconv.FormatInt(count, 10)}}}, &out)
}

// DistributionFilter narrows DescribeDistributionProducts (empty fields are not sent).
type DistributionFilter struct{ Code, Name, Supplier string }

// DistributionProducts follows DescribeDistributionProducts' pages while fn returns true.
func (c *Client) DistributionProducts(ctx context.Context, flt DistributionFilter, fn func([]marketapi.DistributionProduct) bool) error {
	const size = 100
	for page := 1; ; page++ {
		q := url.Values{"PageNumber": {strconv.Itoa(page)}, "PageSize": {strconv.Itoa(size)}}
		var fs []map[string]string
		for _, kv := range [][2]string{{"code", flt.Code}, {"name", flt.Name}, {"supplierName", flt.Supplier}} {
			if kv[1] != "" {
				fs = append(fs, map[string]string{"Key": kv[0], "Value": kv[1]})
			}
		}
		Flatten(q, "Filter", fs)
		var out marketapi.DistributionProducts
		if err := c.Call(ctx, Request{Action: "DescribeDistributionProducts", Query: q}, &out); err != nil {
			return err
		}
		if !fn(out.Results) || len(out.Results) < size || page*size >= out.TotalCount {
			return nil
		}
	}
}

// DistributionLinks is DescribeDistributionProductsLink: the promotion links of up to 50
// products.
func (c *Client) DistributionLinks(ctx context.Context, codes []string) ([]marketapi.DistributionLink, error) {
	b, err := json.Marshal(codes)
	if err != nil {
		return nil, err
	}
	var out marketapi.DistributionLinks
	return out.Result, c.Call(ctx, Request{Action: "DescribeDistributionProductsLink", Query: url.Values{"Codes": {string(b)}}}, &out)
}

// Distribute is the sandbox's SandboxDistributeProduct: the distribution programme takes a
// product at a commission (percent; 0 takes it out).
func (c *Client) Distribute(ctx context.Context, code string, commission int) (marketapi.Distributed, error) {
	var out marketapi.Distributed
	return out, c.Call(ctx, Request{Action: "SandboxDistributeProduct", Form: url.Values{"Code": {code}, "Commission": {strconv.Itoa(commission)}}}, &out)
}

// ErrTokenUnknown is CrossAccountVerifyToken's answer for a token it does not know.
type ErrTokenUnknown struct{ Code, Message string }

func (e *ErrTokenUnknown) Error() string {
	return "CrossAccountVerifyToken: " + e.Code + ": " + e.Message
}

// VerifyCrossAccountToken is CrossAccountVerifyToken: who granted the vendor which roles in
// their account, and when. A token the marketplace does not know is *ErrTokenUnknown.
func (c *Client) VerifyCrossAccountToken(ctx context.Context, token string) (marketapi.CrossAccountAuth, error) {
	var out marketapi.CrossAccountVerified
	if err := c.Call(ctx, Request{Action: "CrossAccountVerifyToken", Form: url.Values{"Token": {token}}}, &out); err != nil {
		return marketapi.CrossAccountAuth{}, err
	}
	if !out.Success || out.Result == nil {
		return marketapi.CrossAccountAuth{}, &ErrTokenUnknown{Code: out.Code, Message: out.Message}
	}
	return *out.Result, nil
}

// AuthorizeAccount is the sandbox's SandboxAuthorizeAccount: a buyer grants the vendor roles;
// the answer holds the token the vendor receives.
func (c *Client) AuthorizeAccount(ctx context.Context, aliUID, name string, roles []string) (marketapi.Authorized, error) {
	f := url.Values{}
	for k, v := range map[string]string{"AliUid": aliUID, "Name": name, "Roles": strings.Join(roles, ",")} {
		if v != "" {
			f.Set(k, v)
		}
	}
	var out marketapi.Authorized
	return out, c.Call(ctx, Request{Action: "SandboxAuthorizeAccount", Form: f}, &out)
}
