package sandbox

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/rules"
)

// The seller's product actions (mkt's extension, docs/api.md).

const sellerColumns = productColumns + `, mkt_type, delivery_mode, production_url, activation_url, api_group, api_prefix,
	api_prefix_bound, image_id, image_region, delivery_template_id, skus, validity, agreement, external_key`

type sellerRow struct {
	productRow
	MktType, DeliveryMode, ProductionURL, ActivationURL, APIGroup, APIPrefix string
	APIPrefixBound                                                           bool
	ImageID, ImageRegion, TemplateID, SKUs, Validity, Agreement, ExternalKey string
}

func scanSeller(sc interface{ Scan(...any) error }) (*sellerRow, error) {
	var r sellerRow
	p := &r.productRow
	err := sc.Scan(&p.Code, &p.Name, &p.Type, &p.Status, &p.ShortDescription, &p.Description, &p.PicURL, &p.SuggestedPrice,
		&p.DeliveryWay, &p.AuditFailMsg, &p.CategoryID, &p.UseCount, &p.AuditTime, &p.CreatedAt, &p.ModifiedAt, &p.Score,
		&r.MktType, &r.DeliveryMode, &r.ProductionURL, &r.ActivationURL, &r.APIGroup, &r.APIPrefix, &r.APIPrefixBound,
		&r.ImageID, &r.ImageRegion, &r.TemplateID, &r.SKUs, &r.Validity, &r.Agreement, &r.ExternalKey)
	return &r, err
}

func (r *sellerRow) typ() rules.ProductType { return rules.ProductType(r.MktType) }
func (r *sellerRow) state() rules.State     { return rules.State(r.Status) }
func (r *sellerRow) skus() []marketapi.SKU {
	var s []marketapi.SKU
	json.Unmarshal([]byte(r.SKUs), &s)
	return s
}
func (r *sellerRow) periods() []string {
	var v []string
	json.Unmarshal([]byte(r.Validity), &v)
	return v
}
func (r *sellerRow) agreement() *marketapi.Agreement {
	if r.Agreement == "" {
		return nil
	}
	var a marketapi.Agreement
	json.Unmarshal([]byte(r.Agreement), &a)
	return &a
}

func millis(ms int64) string { return time.UnixMilli(ms).UTC().Format(time.RFC3339) }

func (r *sellerRow) model() marketapi.Product {
	p := marketapi.Product{
		Code: r.Code, Name: r.Name, Type: r.MktType, Status: r.Status, CategoryId: r.CategoryID,
		ShortDescription: r.ShortDescription, Description: r.Description, DeliveryMode: r.DeliveryMode,
		ProductionUrl: r.ProductionURL, ActivationUrl: r.ActivationURL, ApiGroup: r.APIGroup, ApiPrefix: r.APIPrefix,
		ApiPrefixBound: r.APIPrefixBound, ImageId: r.ImageID, ImageRegion: r.ImageRegion, DeliveryTemplateId: r.TemplateID,
		Skus: r.skus(), ValidityPeriods: r.periods(), Agreement: r.agreement(), AuditFailMsg: r.AuditFailMsg,
		ExternalKey: r.ExternalKey, CreateTime: millis(r.CreatedAt), ModifyTime: millis(r.ModifiedAt),
	}
	if p.Skus == nil {
		p.Skus = []marketapi.SKU{}
	}
	if p.ValidityPeriods == nil {
		p.ValidityPeriods = []string{}
	}
	return p
}

func productNotFound(code string) *Error {
	return Errf(404, "InvalidCode.NotFound", "Product %q does not exist.", code)
}

func loadProduct(c *Call, code string) (*sellerRow, error) {
	if code == "" {
		return nil, missingParam("Code")
	}
	r, err := scanSeller(c.QueryRow(`SELECT `+sellerColumns+` FROM products WHERE code = ? AND status != 'DELETED'`, code))
	if errors.Is(err, sql.ErrNoRows) || (err == nil && r.MktType == "") {
		return nil, productNotFound(code)
	}
	return r, err
}

func saveProduct(c *Call, r *sellerRow) error {
	r.ModifiedAt = c.Now.UnixMilli()
	doc, err := json.Marshal(r.model())
	if err != nil {
		return err
	}
	_, err = c.Tx.Exec(`UPDATE products SET name = ?, type = ?, status = ?, short_description = ?, description = ?,
		category_id = ?, suggested_price = ?, audit_fail_msg = ?, audit_time = ?, modified_at = ?, mkt_type = ?,
		delivery_mode = ?, production_url = ?, activation_url = ?, api_group = ?, api_prefix = ?, api_prefix_bound = ?,
		image_id = ?, image_region = ?, delivery_template_id = ?, skus = ?, validity = ?, agreement = ?, external_key = ?,
		doc = ? WHERE code = ?`,
		r.Name, r.Type, r.Status, r.ShortDescription, r.Description, r.CategoryID, lowestPrice(r.skus()), r.AuditFailMsg,
		r.AuditTime, r.ModifiedAt, r.MktType, r.DeliveryMode, r.ProductionURL, r.ActivationURL, r.APIGroup,
		r.APIPrefix, r.APIPrefixBound, r.ImageID, r.ImageRegion, r.TemplateID, r.SKUs, r.Validity, r.Agreement,
		r.ExternalKey, string(doc), r.Code)
	return err
}

// rawProductPage is DescribeProductsForIsv's answer with each product as its stored JSON
// (the same fields, in the same order, as market.ProductPage).
type rawProductPage struct {
	Products   []json.RawMessage
	NextToken  string
	MaxResults int
	TotalCount int
}

// EncodeJSON writes the page without re-validating the stored documents.
func (p rawProductPage) EncodeJSON() []byte {
	n := 64
	for _, d := range p.Products {
		n += len(d) + 1
	}
	b := make([]byte, 0, n)
	b = append(b, `{"Products":[`...)
	for i, d := range p.Products {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, d...)
	}
	tok, _ := json.Marshal(p.NextToken)
	b = append(b, `],"NextToken":`...)
	b = append(b, tok...)
	b = append(b, `,"MaxResults":`...)
	b = strconv.AppendInt(b, int64(p.MaxResults), 10)
	b = append(b, `,"TotalCount":`...)
	b = strconv.AppendInt(b, int64(p.TotalCount), 10)
	return append(b, '}')
}

func lowestPrice(skus []marketapi.SKU) string {
	low := ""
	for _, s := range skus {
		if low == "" {
			low = s.Price
			continue
		}
		a, _ := strconv.ParseFloat(s.Price, 64)
		b, _ := strconv.ParseFloat(low, 64)
		if a < b {
			low = s.Price
		}
	}
	return low
}

func recordEvent(c *Call, code string, from, to rules.State, actor, reason string) error {
	_, err := c.Tx.Exec(`INSERT INTO product_events (code, at, from_state, to_state, actor, reason) VALUES (?, ?, ?, ?, ?, ?)`,
		code, c.Now.UnixMilli(), string(from), string(to), actor, reason)
	return err
}

func nextSequence(c *Call, name string, start int64) (int64, error) {
	var v int64
	err := c.Tx.QueryRow(`INSERT INTO sequences (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value`, name, start).Scan(&v)
	return v, err
}

// has reports whether a parameter was sent (an empty value clears a field).
func (c *Call) has(k string) bool { _, ok := c.Params[k]; return ok }

func badParam(name, format string, args ...any) *Error {
	return Errf(400, "InvalidParameter."+name, format, args...)
}

func checkName(name string) *Error {
	name = strings.TrimSpace(name)
	if name == "" || utf8.RuneCountInString(name) > 60 {
		return badParam("Name", "Name must be 1 to 60 characters.")
	}
	return nil
}

// applyFields sets the fields of r that are present in the call, checking each.
func applyFields(c *Call, r *sellerRow, creating bool) error {
	t := r.typ()
	p := c.Params
	if c.has("Name") {
		if e := checkName(p.Get("Name")); e != nil {
			return e
		}
		name := strings.TrimSpace(p.Get("Name"))
		if !creating && t == rules.TypeAPI && r.APIPrefixBound && name != r.Name {
			return c.Violation(rules.APIPrefixBound(r.Code, r.APIPrefix))
		}
		r.Name = name
	}
	if c.has("CategoryId") {
		n, err := strconv.ParseInt(p.Get("CategoryId"), 10, 64)
		if err != nil || n < 0 {
			return badParam("CategoryId", "CategoryId must be a non-negative integer.")
		}
		r.CategoryID = n
	}
	if c.has("ShortDescription") {
		if utf8.RuneCountInString(p.Get("ShortDescription")) > 200 {
			return badParam("ShortDescription", "ShortDescription is limited to 200 characters.")
		}
		r.ShortDescription = p.Get("ShortDescription")
	}
	if c.has("Description") {
		if len(p.Get("Description")) > 64<<10 {
			return badParam("Description", "Description is limited to 64 KiB.")
		}
		r.Description = p.Get("Description")
	}
	if c.has("Skus") {
		var skus []marketapi.SKU
		if err := json.Unmarshal([]byte(p.Get("Skus")), &skus); err != nil {
			return badParam("Skus", "Skus must be a JSON array of {Name, Price, ChargeType, Code}: %v", err)
		}
		norm, v := rules.NormalizeSKUs(skus)
		if v != nil {
			return c.Violation(v)
		}
		norm, err := skuCodes(c, norm, r.skus())
		if err != nil {
			return err
		}
		b, _ := json.Marshal(norm)
		r.SKUs = string(b)
	}
	if c.has("ValidityPeriods") {
		ps, v := rules.ParsePeriods(t, splitList(p.Get("ValidityPeriods")))
		if v != nil {
			return c.Violation(v)
		}
		b, _ := json.Marshal(rules.PeriodStrings(ps))
		r.Validity = string(b)
	}
	// Type-specific fields.
	onlyFor := func(field string, want ...rules.ProductType) error {
		if !c.has(field) || p.Get(field) == "" {
			return nil
		}
		for _, w := range want {
			if t == w {
				return nil
			}
		}
		names := make([]string, len(want))
		for i, w := range want {
			names[i] = string(w)
		}
		return c.Violation(&rules.Violation{Code: rules.CodeProduct, Msg: i18n.M("rule.field.type", field, strings.Join(names, "/"), string(t))})
	}
	for field, types := range map[string][]rules.ProductType{
		"ActivationUrl": {rules.TypeSaaS}, "ApiGroup": {rules.TypeAPI}, "ApiPrefix": {rules.TypeAPI},
		"ImageId": {rules.TypeImage}, "ImageRegion": {rules.TypeImage}, "ProductionUrl": {rules.TypeSaaS, rules.TypeAPI},
	} {
		if err := onlyFor(field, types...); err != nil {
			return err
		}
	}
	if c.has("DeliveryMode") {
		r.DeliveryMode = strings.ToLower(p.Get("DeliveryMode"))
	}
	if c.has("ActivationUrl") {
		r.ActivationURL = p.Get("ActivationUrl")
	}
	if c.has("ProductionUrl") && p.Get("ProductionUrl") != r.ProductionURL {
		// FAQ 三 Q1 holds whichever action changes the URL.
		if !creating {
			if v := rules.URLLocked(r.Code, r.state()); v != nil {
				return c.Violation(v)
			}
		}
		r.ProductionURL = p.Get("ProductionUrl")
	}
	if t == rules.TypeSaaS && r.DeliveryMode == "" {
		switch {
		case r.ProductionURL != "":
			r.DeliveryMode = rules.DeliverySPI
		case r.ActivationURL != "":
			r.DeliveryMode = rules.DeliveryLicense
		}
	}
	if t != rules.TypeSaaS || r.DeliveryMode != "" {
		if v := rules.CheckDelivery(t, r.DeliveryMode, r.ProductionURL, r.ActivationURL); v != nil {
			return c.Violation(v)
		}
	}
	if t == rules.TypeAPI && r.ProductionURL != "" {
		if v := rules.CheckURL("production URL", r.ProductionURL); v != nil {
			return c.Violation(v)
		}
	}
	if c.has("ApiGroup") {
		r.APIGroup = strings.TrimSpace(p.Get("ApiGroup"))
	}
	if c.has("ApiPrefix") {
		prefix := strings.TrimSpace(p.Get("ApiPrefix"))
		if prefix != r.APIPrefix {
			if r.APIPrefixBound {
				return c.Violation(rules.APIPrefixBound(r.Code, r.APIPrefix))
			}
			if v := rules.CheckAPIPrefix(prefix); v != nil {
				return c.Violation(v)
			}
			var other string
			err := c.Tx.QueryRow(`SELECT code FROM products WHERE api_prefix = ? AND code != ? AND status != 'DELETED'`, prefix, r.Code).Scan(&other)
			if err == nil {
				return &Error{Status: 409, Code: "Conflict.ApiPrefix", Message: i18n.M("rule.api.prefixtaken", prefix, other).In(c.Lang)}
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return err
			}
			r.APIPrefix = prefix
		}
	}
	if c.has("ImageId") {
		r.ImageID = strings.TrimSpace(p.Get("ImageId"))
	}
	if c.has("ImageRegion") {
		r.ImageRegion = strings.TrimSpace(p.Get("ImageRegion"))
	}
	if c.has("DeliveryTemplateId") && p.Get("DeliveryTemplateId") != "" {
		if err := attachTemplate(c, r, p.Get("DeliveryTemplateId")); err != nil {
			return err
		}
	}
	if c.has("ExternalKey") && p.Get("ExternalKey") != r.ExternalKey {
		key := p.Get("ExternalKey")
		if len(key) > 128 {
			return badParam("ExternalKey", "ExternalKey is limited to 128 bytes.")
		}
		if key != "" {
			var other string
			err := c.Tx.QueryRow(`SELECT code FROM products WHERE external_key = ? AND code != ? AND status != 'DELETED'`, key, r.Code).Scan(&other)
			if err == nil {
				return Errf(409, "Conflict.ExternalKey", "ExternalKey %q already belongs to product %s.", key, other)
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return err
			}
		}
		r.ExternalKey = key
	}
	return nil
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' }) {
		out = append(out, f)
	}
	return out
}

func createProduct(c *Call) (any, error) {
	if !c.has("Type") {
		return nil, missingParam("Type")
	}
	t, ok := rules.ParseType(c.Params.Get("Type"))
	if !ok {
		return nil, badParam("Type", "Type must be SAAS, API, IMAGE or SERVICE.")
	}
	if !c.has("Name") {
		return nil, missingParam("Name")
	}
	seq, err := nextSequence(c, "product", 10000001)
	if err != nil {
		return nil, err
	}
	r := &sellerRow{MktType: string(t), SKUs: "[]", Validity: "[]"}
	r.Code = fmt.Sprintf("%s%08d", t.CodePrefix(), seq)
	r.Type = t.PublicType()
	r.Status = string(rules.StateDraft)
	r.CreatedAt, r.ModifiedAt = c.Now.UnixMilli(), c.Now.UnixMilli()
	if err := applyFields(c, r, true); err != nil {
		return nil, err
	}
	if _, err := c.Tx.Exec(`INSERT INTO products (code, name, type, status, created_at, modified_at, mkt_type) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		r.Code, r.Name, r.Type, r.Status, r.CreatedAt, r.ModifiedAt, r.MktType); err != nil {
		return nil, err
	}
	if err := saveProduct(c, r); err != nil {
		return nil, err
	}
	if err := recordEvent(c, r.Code, "", rules.StateDraft, "seller", "created"); err != nil {
		return nil, err
	}
	return marketapi.ProductResult{Product: r.model()}, nil
}

// editable refuses changes in states where the product cannot be edited.
func editable(c *Call, r *sellerRow) error {
	if _, v := rules.Transition(r.Code, r.typ(), r.state(), rules.StepEdit); v != nil {
		return c.Violation(v)
	}
	return nil
}

func modifyProduct(c *Call) (any, error) {
	r, err := loadProduct(c, c.Params.Get("Code"))
	if err != nil {
		return nil, err
	}
	if c.has("Type") && !strings.EqualFold(c.Params.Get("Type"), r.MktType) {
		return nil, badParam("Type", "A product's type cannot change: create a new product.")
	}
	// FAQ 三 Q4 before the state check: the merchant should learn the name is bound whatever
	// state the product is in.
	if r.typ() == rules.TypeAPI && r.APIPrefixBound && c.has("Name") && strings.TrimSpace(c.Params.Get("Name")) != r.Name {
		return nil, c.Violation(rules.APIPrefixBound(r.Code, r.APIPrefix))
	}
	if err := editable(c, r); err != nil {
		return nil, err
	}
	if err := applyFields(c, r, false); err != nil {
		return nil, err
	}
	if err := saveProduct(c, r); err != nil {
		return nil, err
	}
	return marketapi.ProductResult{Product: r.model()}, nil
}

func transition(c *Call, r *sellerRow, step rules.Step, actor, reason string) error {
	to, v := rules.Transition(r.Code, r.typ(), r.state(), step)
	if v != nil {
		return c.Violation(v)
	}
	from := r.state()
	r.Status = string(to)
	return recordEvent(c, r.Code, from, to, actor, reason)
}

func deleteProduct(c *Call) (any, error) {
	r, err := loadProduct(c, c.Params.Get("Code"))
	if err != nil {
		return nil, err
	}
	if err := transition(c, r, rules.StepDelete, "seller", ""); err != nil {
		return nil, err
	}
	if err := saveProduct(c, r); err != nil {
		return nil, err
	}
	return marketapi.ProductResult{Product: r.model()}, nil
}

func submitProduct(c *Call) (any, error) {
	r, err := loadProduct(c, c.Params.Get("Code"))
	if err != nil {
		return nil, err
	}
	step := rules.StepSubmitReview
	switch strings.ToLower(c.Params.Get("Target")) {
	case "", "review":
	case "test":
		step = rules.StepSubmitTest
	default:
		return nil, badParam("Target", "Target must be test or review.")
	}
	if _, v := rules.Transition(r.Code, r.typ(), r.state(), step); v != nil {
		return nil, c.Violation(v)
	}
	if v := rules.CheckSubmittable(rules.Listing{
		Code: r.Code, Type: r.typ(), SKUs: len(r.skus()), Periods: len(r.periods()), DeliveryMode: r.DeliveryMode,
		ProductionURL: r.ProductionURL, ActivationURL: r.ActivationURL, APIGroup: r.APIGroup, APIPrefix: r.APIPrefix,
		ImageID: r.ImageID, ImageRegion: r.ImageRegion,
	}); v != nil {
		return nil, c.Violation(v)
	}
	if err := transition(c, r, step, "seller", ""); err != nil {
		return nil, err
	}
	if r.typ() == rules.TypeAPI {
		// Publishing assigns the gateway group's prefix to the product: from now on the name
		// and the prefix stay together (FAQ 三 Q4).
		r.APIPrefixBound = true
	}
	r.AuditFailMsg = ""
	if err := saveProduct(c, r); err != nil {
		return nil, err
	}
	return marketapi.ProductResult{Product: r.model()}, nil
}

func delistProduct(c *Call) (any, error) {
	r, err := loadProduct(c, c.Params.Get("Code"))
	if err != nil {
		return nil, err
	}
	if err := transition(c, r, rules.StepDelist, "seller", ""); err != nil {
		return nil, err
	}
	if err := saveProduct(c, r); err != nil {
		return nil, err
	}
	return marketapi.ProductResult{Product: r.model()}, nil
}

func modifyProductionURL(c *Call) (any, error) {
	r, err := loadProduct(c, c.Params.Get("Code"))
	if err != nil {
		return nil, err
	}
	if !c.has("ProductionUrl") {
		return nil, missingParam("ProductionUrl")
	}
	u := c.Params.Get("ProductionUrl")
	if t := r.typ(); t != rules.TypeSaaS && t != rules.TypeAPI {
		return nil, c.Violation(&rules.Violation{Code: rules.CodeProduct, Msg: i18n.M("rule.field.type", "ProductionUrl", "SAAS/API", string(t))})
	}
	if v := rules.URLLocked(r.Code, r.state()); v != nil {
		return nil, c.Violation(v)
	}
	if err := editable(c, r); err != nil {
		return nil, err
	}
	if v := rules.CheckURL("production URL", u); v != nil {
		return nil, c.Violation(v)
	}
	if r.typ() == rules.TypeSaaS {
		if r.DeliveryMode == rules.DeliveryLicense {
			return nil, c.Violation(&rules.Violation{Code: rules.CodeDeliveryMode, Msg: i18n.M("rule.delivery.islicense", r.Code), Remedy: i18n.M("remedy.delivery.switch", r.Code), Rule: true})
		}
		r.DeliveryMode = rules.DeliverySPI
	}
	r.ProductionURL = u
	if err := saveProduct(c, r); err != nil {
		return nil, err
	}
	return marketapi.ProductResult{Product: r.model()}, nil
}

func modifyValidity(c *Call) (any, error) {
	r, err := loadProduct(c, c.Params.Get("Code"))
	if err != nil {
		return nil, err
	}
	if !c.has("ValidityPeriods") {
		return nil, missingParam("ValidityPeriods")
	}
	if err := editable(c, r); err != nil {
		return nil, err
	}
	ps, v := rules.ParsePeriods(r.typ(), splitList(c.Params.Get("ValidityPeriods")))
	if v != nil {
		return nil, c.Violation(v)
	}
	b, _ := json.Marshal(rules.PeriodStrings(ps))
	r.Validity = string(b)
	if err := saveProduct(c, r); err != nil {
		return nil, err
	}
	return marketapi.ProductResult{Product: r.model()}, nil
}

func describeProductsForIsv(c *Call) (any, error) {
	limit, err := maxResults(c, 20)
	if err != nil {
		return nil, err
	}
	where := []string{"mkt_type != ''"}
	var args []any
	if code := c.Params.Get("Code"); code != "" {
		where, args = append(where, "code = ?"), append(args, code)
	}
	if v := c.Params.Get("Type"); v != "" {
		t, ok := rules.ParseType(v)
		if !ok {
			return nil, badParam("Type", "Type must be SAAS, API, IMAGE or SERVICE.")
		}
		where, args = append(where, "mkt_type = ?"), append(args, string(t))
	}
	if v := c.Params.Get("Status"); v != "" {
		var in []string
		for _, s := range splitList(v) {
			st, ok := rules.ParseState(s)
			if !ok {
				return nil, badParam("Status", "Unknown status %q.", s)
			}
			in = append(in, "?")
			args = append(args, string(st))
		}
		where = append(where, "status IN ("+strings.Join(in, ",")+")")
	} else {
		where = append(where, "status != 'DELETED'")
	}
	if v := c.Params.Get("ExternalKey"); v != "" {
		where, args = append(where, "external_key = ?"), append(args, v)
	}
	cond := strings.Join(where, " AND ")
	ks, err := newKeyset(c, "products", "code", cond, args, limit)
	if err != nil {
		return nil, err
	}
	page := rawProductPage{MaxResults: limit, Products: []json.RawMessage{}, TotalCount: ks.total}
	query, qargs := ks.query("created_at, code, doc")
	rows, err := c.Query(query, qargs...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var lastAt int64
	var lastCode string
	for rows.Next() {
		var at int64
		var code, doc string
		if err := rows.Scan(&at, &code, &doc); err != nil {
			return nil, err
		}
		if len(page.Products) == limit {
			page.NextToken = ks.token(lastAt, lastCode)
			break
		}
		if doc == "" {
			// A row saved before documents were kept: build it once from the columns.
			r, err := loadProduct(c, code)
			if err != nil {
				return nil, err
			}
			b, _ := json.Marshal(r.model())
			doc = string(b)
		}
		page.Products = append(page.Products, json.RawMessage(doc))
		lastAt, lastCode = at, code
	}
	return page, rows.Err()
}

func reviewProduct(c *Call) (any, error) {
	r, err := loadProduct(c, c.Params.Get("Code"))
	if err != nil {
		return nil, err
	}
	reason := strings.TrimSpace(c.Params.Get("Reason"))
	switch strings.ToLower(c.Params.Get("Decision")) {
	case "approve":
		if err := transition(c, r, rules.StepApprove, "operations", reason); err != nil {
			return nil, err
		}
		r.AuditFailMsg = ""
	case "reject":
		if reason == "" {
			return nil, missingParam("Reason")
		}
		if err := transition(c, r, rules.StepReject, "operations", reason); err != nil {
			return nil, err
		}
		r.AuditFailMsg = reason
	case "":
		return nil, missingParam("Decision")
	default:
		return nil, badParam("Decision", "Decision must be approve or reject.")
	}
	r.AuditTime = c.Now.UnixMilli()
	if err := saveProduct(c, r); err != nil {
		return nil, err
	}
	return marketapi.ProductResult{Product: r.model()}, nil
}

func releaseAPIPrefix(c *Call) (any, error) {
	r, err := loadProduct(c, c.Params.Get("Code"))
	if err != nil {
		return nil, err
	}
	if r.typ() != rules.TypeAPI {
		return nil, badParam("Code", "%s is not an API product.", r.Code)
	}
	r.APIPrefixBound = false
	if err := saveProduct(c, r); err != nil {
		return nil, err
	}
	return marketapi.ProductResult{Product: r.model()}, nil
}

// skuCodes gives each SKU its marketplace code: the code it had (an edit keeps the codes of
// the SKUs it keeps, by name), else a new marketplace-wide one, yuncode and 11 digits as
// production's (yuncode12928000016).
func skuCodes(c *Call, skus, had []marketapi.SKU) ([]marketapi.SKU, error) {
	skus = rules.SKUCodesByName(skus, had)
	seen := map[string]bool{}
	for i := range skus {
		if skus[i].Code == "" {
			n, err := nextSequence(c, "sku", 10000000001)
			if err != nil {
				return nil, err
			}
			skus[i].Code = "yuncode" + strconv.FormatInt(n, 10)
		}
		if seen[skus[i].Code] {
			return nil, c.Violation(&rules.Violation{Code: rules.CodeProductSku, Msg: i18n.M("rule.sku.dup", skus[i].Name), Remedy: i18n.M("remedy.sku")})
		}
		seen[skus[i].Code] = true
	}
	return skus, nil
}
