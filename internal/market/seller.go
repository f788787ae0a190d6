package market

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"net/url"
	"strconv"
	"strings"

	"github.com/mkt-cli/mkt/internal/marketapi"
)

// ProductInput is a CreateProduct or ModifyProduct request. Nil fields are not sent (so an
// edit changes only what is set); a pointer to "" clears a field.
type ProductInput struct {
	Type               string // CreateProduct only
	Name               *string
	CategoryId         *int64
	ShortDescription   *string
	Description        *string
	Skus               []marketapi.SKU // nil: unchanged
	ValidityPeriods    []string        // nil: unchanged
	DeliveryMode       *string
	ProductionUrl      *string
	ActivationUrl      *string
	ApiGroup           *string
	ApiPrefix          *string
	ImageId            *string
	ImageRegion        *string
	DeliveryTemplateId *string
	ExternalKey        *string
}

// Form encodes the input as the action's parameters.
func (in ProductInput) Form() url.Values {
	f := url.Values{}
	set := func(k string, v *string) {
		if v != nil {
			f.Set(k, *v)
		}
	}
	if in.Type != "" {
		f.Set("Type", in.Type)
	}
	set("Name", in.Name)
	if in.CategoryId != nil {
		f.Set("CategoryId", strconv.FormatInt(*in.CategoryId, 10))
	}
	set("ShortDescription", in.ShortDescription)
	set("Description", in.Description)
	if in.Skus != nil {
		b, _ := json.Marshal(in.Skus)
		f.Set("Skus", string(b))
	}
	if in.ValidityPeriods != nil {
		f.Set("ValidityPeriods", strings.Join(in.ValidityPeriods, ","))
	}
	set("DeliveryMode", in.DeliveryMode)
	set("ProductionUrl", in.ProductionUrl)
	set("ActivationUrl", in.ActivationUrl)
	set("ApiGroup", in.ApiGroup)
	set("ApiPrefix", in.ApiPrefix)
	set("ImageId", in.ImageId)
	set("ImageRegion", in.ImageRegion)
	set("DeliveryTemplateId", in.DeliveryTemplateId)
	set("ExternalKey", in.ExternalKey)
	return f
}

func (c *Client) product(ctx context.Context, action string, form url.Values, token string) (marketapi.Product, error) {
	var r marketapi.ProductResult
	err := c.Call(ctx, Request{Action: action, Form: form, ClientToken: token}, &r)
	return r.Product, err
}

// CreateProduct creates a product in DRAFT. token may be empty (one is made).
func (c *Client) CreateProduct(ctx context.Context, in ProductInput, token string) (marketapi.Product, error) {
	return c.product(ctx, "CreateProduct", in.Form(), token)
}

// ModifyProduct changes the fields of in that are set.
func (c *Client) ModifyProduct(ctx context.Context, code string, in ProductInput, token string) (marketapi.Product, error) {
	f := in.Form()
	f.Set("Code", code)
	return c.product(ctx, "ModifyProduct", f, token)
}

// DeleteProduct deletes a product.
func (c *Client) DeleteProduct(ctx context.Context, code string) (marketapi.Product, error) {
	return c.product(ctx, "DeleteProduct", url.Values{"Code": {code}}, "")
}

// SubmitProduct sends a product to testing ("test") or review ("review").
func (c *Client) SubmitProduct(ctx context.Context, code, target, token string) (marketapi.Product, error) {
	return c.product(ctx, "SubmitProduct", url.Values{"Code": {code}, "Target": {target}}, token)
}

// DelistProduct takes a listed product off sale.
func (c *Client) DelistProduct(ctx context.Context, code string) (marketapi.Product, error) {
	return c.product(ctx, "DelistProduct", url.Values{"Code": {code}}, "")
}

// ModifyProductionURL changes a product's production URL (FAQ 三 Q1 applies).
func (c *Client) ModifyProductionURL(ctx context.Context, code, u, token string) (marketapi.Product, error) {
	return c.product(ctx, "ModifyProductionUrl", url.Values{"Code": {code}, "ProductionUrl": {u}}, token)
}

// ModifyProductValidity sets the purchasable validity periods.
func (c *Client) ModifyProductValidity(ctx context.Context, code string, periods []string, token string) (marketapi.Product, error) {
	return c.product(ctx, "ModifyProductValidity", url.Values{"Code": {code}, "ValidityPeriods": {strings.Join(periods, ",")}}, token)
}

// ModifyProductAgreement sets the agreement to an uploaded file: the company's own, or — with
// templateID — the template it filled in.
func (c *Client) ModifyProductAgreement(ctx context.Context, code, templateID, fileID string) (marketapi.Product, error) {
	f := url.Values{"Code": {code}, "FileId": {fileID}}
	if templateID != "" {
		f.Set("TemplateId", templateID)
	}
	return c.product(ctx, "ModifyProductAgreement", f, "")
}

// AttachDeliveryTemplate attaches a delivery template to a service product.
func (c *Client) AttachDeliveryTemplate(ctx context.Context, code, templateID string) (marketapi.Product, error) {
	return c.product(ctx, "AttachDeliveryTemplate", url.Values{"Code": {code}, "TemplateId": {templateID}}, "")
}

// ReviewProduct is the sandbox operations team's decision: "approve" or "reject".
func (c *Client) ReviewProduct(ctx context.Context, code, decision, reason string) (marketapi.Product, error) {
	var r marketapi.ProductResult
	err := c.Call(ctx, Request{Action: "SandboxReviewProduct", Form: url.Values{"Code": {code}, "Decision": {decision}, "Reason": {reason}}}, &r)
	return r.Product, err
}

// ReleaseAPIPrefix releases a bound API prefix in the sandbox.
func (c *Client) ReleaseAPIPrefix(ctx context.Context, code string) (marketapi.Product, error) {
	var r marketapi.ProductResult
	err := c.Call(ctx, Request{Action: "SandboxReleaseApiPrefix", Form: url.Values{"Code": {code}}}, &r)
	return r.Product, err
}

// ProductFilter narrows DescribeProductsForIsv.
type ProductFilter struct {
	Code        string
	Type        string
	Status      []string
	ExternalKey string
	// PageSize is MaxResults per call (100 when zero).
	PageSize int
}

// ListProducts follows NextToken page by page, handing each page to fn; fn returns false to
// stop. Memory holds one page at a time.
func (c *Client) ListProducts(ctx context.Context, flt ProductFilter, fn func(marketapi.ProductPage) bool) error {
	size := flt.PageSize
	if size <= 0 {
		size = 100
	}
	q := url.Values{"MaxResults": {strconv.Itoa(size)}}
	if flt.Code != "" {
		q.Set("Code", flt.Code)
	}
	if flt.Type != "" {
		q.Set("Type", flt.Type)
	}
	if len(flt.Status) > 0 {
		q.Set("Status", strings.Join(flt.Status, ","))
	}
	if flt.ExternalKey != "" {
		q.Set("ExternalKey", flt.ExternalKey)
	}
	for {
		var page marketapi.ProductPage
		if err := c.Call(ctx, Request{Action: "DescribeProductsForIsv", Query: q}, &page); err != nil {
			return err
		}
		if !fn(page) || page.NextToken == "" {
			return nil
		}
		q.Set("NextToken", page.NextToken)
	}
}

// GetProduct returns one product, or an *APIError with InvalidCode.NotFound.
func (c *Client) GetProduct(ctx context.Context, code string) (marketapi.Product, error) {
	var found *marketapi.Product
	err := c.ListProducts(ctx, ProductFilter{Code: code, PageSize: 1}, func(p marketapi.ProductPage) bool {
		if len(p.Products) > 0 {
			found = &p.Products[0]
		}
		return false
	})
	if err != nil {
		return marketapi.Product{}, err
	}
	if found == nil {
		return marketapi.Product{}, &APIError{HTTPStatus: 404, Code: "InvalidCode.NotFound", Message: "Product " + strconv.Quote(code) + " does not exist."}
	}
	return *found, nil
}

// UploadFile uploads content under name; token makes a retried upload one file.
func (c *Client) UploadFile(ctx context.Context, name string, content []byte, token string) (marketapi.UploadedFile, error) {
	var f marketapi.UploadedFile
	err := c.Call(ctx, Request{Action: "UploadFile", ClientToken: token,
		Form: url.Values{"FileName": {name}, "Content": {base64.StdEncoding.EncodeToString(content)}}}, &f)
	return f, err
}

// AgreementTemplates lists the built-in agreement templates, or returns one with its text.
func (c *Client) AgreementTemplates(ctx context.Context, id string) ([]marketapi.AgreementTemplate, error) {
	q := url.Values{}
	if id != "" {
		q.Set("TemplateId", id)
	}
	var page marketapi.AgreementTemplatePage
	err := c.Call(ctx, Request{Action: "DescribeAgreementTemplates", Query: q}, &page)
	return page.Templates, err
}

// BundleInput is a CreateProductBundle request.
type BundleInput struct {
	Name     string
	Products []string
	Discount string // "10%"
	Price    string
}

// CreateBundle creates a product bundle.
func (c *Client) CreateBundle(ctx context.Context, in BundleInput, token string) (marketapi.Bundle, error) {
	f := url.Values{"Name": {in.Name}}
	for i, code := range in.Products {
		f.Set("ProductCodes."+strconv.Itoa(i+1), code)
	}
	if in.Discount != "" {
		f.Set("Discount", in.Discount)
	}
	if in.Price != "" {
		f.Set("Price", in.Price)
	}
	var r marketapi.BundleResult
	err := c.Call(ctx, Request{Action: "CreateProductBundle", Form: f, ClientToken: token}, &r)
	return r.Bundle, err
}

// ModifyBundle changes a bundle: its products (when given), discount and price.
func (c *Client) ModifyBundle(ctx context.Context, id string, in BundleInput, token string) (marketapi.Bundle, error) {
	f := url.Values{"BundleId": {id}, "Discount": {in.Discount}, "Price": {in.Price}}
	if in.Name != "" {
		f.Set("Name", in.Name)
	}
	for i, code := range in.Products {
		f.Set("ProductCodes."+strconv.Itoa(i+1), code)
	}
	var r marketapi.BundleResult
	err := c.Call(ctx, Request{Action: "ModifyProductBundle", Form: f, ClientToken: token}, &r)
	return r.Bundle, err
}

// DeleteBundle deletes a bundle.
func (c *Client) DeleteBundle(ctx context.Context, id string) (marketapi.Bundle, error) {
	var r marketapi.BundleResult
	err := c.Call(ctx, Request{Action: "DeleteProductBundle", Form: url.Values{"BundleId": {id}}}, &r)
	return r.Bundle, err
}

// ListBundles follows NextToken to the end (or to one bundle when id is set).
func (c *Client) ListBundles(ctx context.Context, id string, fn func(marketapi.BundlePage) bool) error {
	q := url.Values{"MaxResults": {"100"}}
	if id != "" {
		q.Set("BundleId", id)
	}
	for {
		var page marketapi.BundlePage
		if err := c.Call(ctx, Request{Action: "DescribeProductBundles", Query: q}, &page); err != nil {
			return err
		}
		if !fn(page) || page.NextToken == "" {
			return nil
		}
		q.Set("NextToken", page.NextToken)
	}
}

// CreateDeliveryTemplate creates a delivery template.
func (c *Client) CreateDeliveryTemplate(ctx context.Context, name string, steps []marketapi.TemplateStep, token string) (marketapi.DeliveryTemplate, error) {
	b, err := json.Marshal(steps)
	if err != nil {
		return marketapi.DeliveryTemplate{}, err
	}
	var r marketapi.DeliveryTemplateResult
	err = c.Call(ctx, Request{Action: "CreateDeliveryTemplate", Form: url.Values{"Name": {name}, "Steps": {string(b)}}, ClientToken: token}, &r)
	return r.Template, err
}

// ListDeliveryTemplates follows NextToken to the end.
func (c *Client) ListDeliveryTemplates(ctx context.Context, fn func(marketapi.DeliveryTemplatePage) bool) error {
	q := url.Values{"MaxResults": {"100"}}
	for {
		var page marketapi.DeliveryTemplatePage
		if err := c.Call(ctx, Request{Action: "DescribeDeliveryTemplates", Query: q}, &page); err != nil {
			return err
		}
		if !fn(page) || page.NextToken == "" {
			return nil
		}
		q.Set("NextToken", page.NextToken)
	}
}

// Clock is the sandbox's clock (SandboxDescribeClock).
func (c *Client) Clock(ctx context.Context) (marketapi.Clock, error) {
	var clk marketapi.Clock
	return clk, c.Call(ctx, Request{Action: "SandboxDescribeClock"}, &clk)
}

// AdvanceClock moves the sandbox's clock forward by d (SandboxAdvanceClock).
func (c *Client) AdvanceClock(ctx context.Context, d string) (marketapi.Clock, error) {
	var clk marketapi.Clock
	return clk, c.Call(ctx, Request{Action: "SandboxAdvanceClock", Form: url.Values{"Duration": {d}}}, &clk)
}

// ResetClock puts the sandbox's clock back to real time (SandboxResetClock).
func (c *Client) ResetClock(ctx context.Context) (marketapi.Clock, error) {
	var clk marketapi.Clock
	return clk, c.Call(ctx, Request{Action: "SandboxResetClock"}, &clk)
}
