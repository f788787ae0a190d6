package sandbox

import (
	"database/sql"
	"encoding/json"
	"errors"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/rules"
)

// RepeatScalar reads a list of scalars sent as Name.1=…&Name.2=… in index order.
func RepeatScalar(p map[string][]string, name string) []string {
	type kv struct {
		i int
		v string
	}
	var items []kv
	for k, v := range p {
		rest, ok := strings.CutPrefix(k, name+".")
		if !ok {
			continue
		}
		n, err := strconv.Atoi(rest)
		if err != nil || n < 1 {
			continue
		}
		items = append(items, kv{n, v[0]})
	}
	for i := 1; i < len(items); i++ {
		for j := i; j > 0 && items[j].i < items[j-1].i; j-- {
			items[j], items[j-1] = items[j-1], items[j]
		}
	}
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.v
	}
	return out
}

// --- Bundles (商品组合, FAQ 三 Q2) ---------------------------------------------------------

func bundlePricing(c *Call) (int, string, error) {
	discount, price := 0, ""
	if c.has("Discount") && c.Params.Get("Discount") != "" {
		n, v := rules.ParseDiscount(c.Params.Get("Discount"))
		if v != nil {
			return 0, "", c.Violation(v)
		}
		discount = n
	}
	if c.has("Price") && c.Params.Get("Price") != "" {
		p, v := rules.ParsePrice(c.Params.Get("Price"))
		if v != nil {
			return 0, "", c.Violation(v)
		}
		price = p
	}
	if discount != 0 && price != "" {
		return 0, "", c.Violation(&rules.Violation{Code: rules.CodeBundle, Msg: i18n.M("rule.bundle.pricing")})
	}
	return discount, price, nil
}

func checkBundleProducts(c *Call, codes []string) error {
	lookup := func(code string) (rules.BundleMember, bool) {
		var st string
		err := c.Tx.QueryRow(`SELECT status FROM products WHERE code = ? AND mkt_type != ''`, code).Scan(&st)
		if err != nil {
			return rules.BundleMember{}, false
		}
		return rules.BundleMember{State: rules.State(st), Mine: true}, true
	}
	if v := rules.CheckBundle(codes, lookup); v != nil {
		return c.Violation(v)
	}
	return nil
}

func createBundle(c *Call) (any, error) {
	if !c.has("Name") {
		return nil, missingParam("Name")
	}
	if e := checkName(c.Params.Get("Name")); e != nil {
		return nil, e
	}
	codes := RepeatScalar(c.Params, "ProductCodes")
	if err := checkBundleProducts(c, codes); err != nil {
		return nil, err
	}
	discount, price, err := bundlePricing(c)
	if err != nil {
		return nil, err
	}
	id := "bdl-" + strings.ToLower(randomString(16))
	now := c.Now.UnixMilli()
	if _, err := c.Tx.Exec(`INSERT INTO bundles (id, name, discount, price, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?)`,
		id, strings.TrimSpace(c.Params.Get("Name")), discount, price, now, now); err != nil {
		return nil, err
	}
	if err := setBundleProducts(c, id, codes); err != nil {
		return nil, err
	}
	b, err := loadBundle(c, id)
	if err != nil {
		return nil, err
	}
	return marketapi.BundleResult{Bundle: *b}, nil
}

func setBundleProducts(c *Call, id string, codes []string) error {
	if _, err := c.Tx.Exec(`DELETE FROM bundle_products WHERE bundle_id = ?`, id); err != nil {
		return err
	}
	for i, code := range codes {
		if _, err := c.Tx.Exec(`INSERT INTO bundle_products (bundle_id, code, position) VALUES (?, ?, ?)`, id, code, i); err != nil {
			return err
		}
	}
	return nil
}

func bundleNotFound(id string) *Error {
	return Errf(404, "InvalidBundleId.NotFound", "Bundle %q does not exist.", id)
}

func loadBundle(c *Call, id string) (*marketapi.Bundle, error) {
	var b marketapi.Bundle
	var created int64
	err := c.Tx.QueryRow(`SELECT id, name, discount, price, created_at FROM bundles WHERE id = ?`, id).Scan(&b.BundleId, &b.Name, &b.Discount, &b.Price, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, bundleNotFound(id)
	}
	if err != nil {
		return nil, err
	}
	b.CreateTime = millis(created)
	rows, err := c.Tx.Query(`SELECT bp.code, COALESCE(p.name, ''), COALESCE(p.status, 'DELETED') FROM bundle_products bp
		LEFT JOIN products p ON p.code = bp.code WHERE bp.bundle_id = ? ORDER BY bp.position`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	b.Products = []marketapi.BundleProduct{}
	var states []rules.State
	for rows.Next() {
		var p marketapi.BundleProduct
		if err := rows.Scan(&p.Code, &p.Name, &p.Status); err != nil {
			return nil, err
		}
		b.Products = append(b.Products, p)
		states = append(states, rules.State(p.Status))
	}
	b.Sellable = rules.Sellable(states)
	return &b, rows.Err()
}

func modifyBundle(c *Call) (any, error) {
	id := c.Params.Get("BundleId")
	if id == "" {
		return nil, missingParam("BundleId")
	}
	b, err := loadBundle(c, id)
	if err != nil {
		return nil, err
	}
	name := b.Name
	if c.has("Name") {
		if e := checkName(c.Params.Get("Name")); e != nil {
			return nil, e
		}
		name = strings.TrimSpace(c.Params.Get("Name"))
	}
	discount, price := b.Discount, b.Price
	if c.has("Discount") || c.has("Price") {
		if discount, price, err = bundlePricing(c); err != nil {
			return nil, err
		}
	}
	if codes := RepeatScalar(c.Params, "ProductCodes"); len(codes) > 0 {
		if err := checkBundleProducts(c, codes); err != nil {
			return nil, err
		}
		if err := setBundleProducts(c, id, codes); err != nil {
			return nil, err
		}
	}
	if _, err := c.Tx.Exec(`UPDATE bundles SET name = ?, discount = ?, price = ?, modified_at = ? WHERE id = ?`, name, discount, price, c.Now.UnixMilli(), id); err != nil {
		return nil, err
	}
	nb, err := loadBundle(c, id)
	if err != nil {
		return nil, err
	}
	return marketapi.BundleResult{Bundle: *nb}, nil
}

func deleteBundle(c *Call) (any, error) {
	id := c.Params.Get("BundleId")
	if id == "" {
		return nil, missingParam("BundleId")
	}
	b, err := loadBundle(c, id)
	if err != nil {
		return nil, err
	}
	if _, err := c.Tx.Exec(`DELETE FROM bundles WHERE id = ?`, id); err != nil {
		return nil, err
	}
	return marketapi.BundleResult{Bundle: *b}, nil
}

func describeBundles(c *Call) (any, error) {
	limit, err := maxResults(c, 20)
	if err != nil {
		return nil, err
	}
	where, args := "1", []any{}
	if id := c.Params.Get("BundleId"); id != "" {
		where, args = "id = ?", append(args, id)
	}
	page := marketapi.BundlePage{MaxResults: limit, Bundles: []marketapi.Bundle{}}
	if tok := c.Params.Get("NextToken"); tok != "" {
		at, id, total, err := decodeToken(tok)
		if err != nil {
			return nil, badParam("NextToken", "NextToken is not one this server issued.")
		}
		page.TotalCount = total
		where += " AND (created_at, id) < (?, ?)"
		args = append(args, at, id)
	} else if err := c.Tx.QueryRow(`SELECT COUNT(*) FROM bundles WHERE `+where, args...).Scan(&page.TotalCount); err != nil {
		return nil, err
	}
	rows, err := c.Tx.Query(`SELECT id, created_at FROM bundles WHERE `+where+` ORDER BY created_at DESC, id DESC LIMIT ?`, append(args, limit+1)...)
	if err != nil {
		return nil, err
	}
	type key struct {
		id string
		at int64
	}
	var keys []key
	for rows.Next() {
		var k key
		if err := rows.Scan(&k.id, &k.at); err != nil {
			rows.Close()
			return nil, err
		}
		keys = append(keys, k)
	}
	rows.Close()
	if len(keys) > limit {
		last := keys[limit-1]
		page.NextToken = encodeToken(last.at, last.id, page.TotalCount)
		keys = keys[:limit]
	}
	for _, k := range keys {
		b, err := loadBundle(c, k.id)
		if err != nil {
			return nil, err
		}
		page.Bundles = append(page.Bundles, *b)
	}
	return page, nil
}

// --- Delivery templates (交付模板, FAQ 三 Q5) --------------------------------------------

func createDeliveryTemplate(c *Call) (any, error) {
	if !c.has("Name") {
		return nil, missingParam("Name")
	}
	if e := checkName(c.Params.Get("Name")); e != nil {
		return nil, e
	}
	if !c.has("Steps") {
		return nil, missingParam("Steps")
	}
	var steps []marketapi.TemplateStep
	if err := json.Unmarshal([]byte(c.Params.Get("Steps")), &steps); err != nil {
		return nil, badParam("Steps", "Steps must be a JSON array of steps: %v", err)
	}
	if len(steps) == 0 || len(steps) > 20 {
		return nil, badParam("Steps", "A delivery template has 1 to 20 steps.")
	}
	field := 0
	for i := range steps {
		s := &steps[i]
		s.Name = strings.TrimSpace(s.Name)
		if s.Name == "" {
			return nil, badParam("Steps", "Step %d has no Name.", i+1)
		}
		switch strings.ToLower(s.OperatorRole) {
		case "", "provider":
			s.OperatorRole = "Provider"
		case "custom", "customer", "buyer":
			s.OperatorRole = "Custom"
		default:
			return nil, badParam("Steps", "Step %d: OperatorRole must be Provider (the seller) or Custom (the buyer).", i+1)
		}
		if s.Fields == nil {
			s.Fields = []marketapi.TemplateField{}
		}
		for j := range s.Fields {
			f := &s.Fields[j]
			if strings.TrimSpace(f.Title) == "" {
				return nil, badParam("Steps", "Step %d, field %d has no Title.", i+1, j+1)
			}
			if f.MaxLength < 0 || f.MaxLength > 2000 {
				return nil, badParam("Steps", "Step %d, field %d: MaxLength must be 0 to 2000.", i+1, j+1)
			}
			if f.Key == "" {
				f.Key = "TFD" + strconv.Itoa(field)
			}
			field++
		}
	}
	t := marketapi.DeliveryTemplate{TemplateId: "tpl-" + strings.ToLower(randomString(12)), Name: strings.TrimSpace(c.Params.Get("Name")), Steps: steps, CreateTime: c.Now.UTC().Format("2006-01-02T15:04:05Z")}
	b, _ := json.Marshal(steps)
	if _, err := c.Tx.Exec(`INSERT INTO delivery_templates (id, name, steps, created_at) VALUES (?, ?, ?, ?)`, t.TemplateId, t.Name, string(b), c.Now.UnixMilli()); err != nil {
		return nil, err
	}
	return marketapi.DeliveryTemplateResult{Template: t}, nil
}

func scanTemplate(sc interface{ Scan(...any) error }) (*marketapi.DeliveryTemplate, int64, error) {
	var t marketapi.DeliveryTemplate
	var steps string
	var created int64
	if err := sc.Scan(&t.TemplateId, &t.Name, &steps, &created); err != nil {
		return nil, 0, err
	}
	json.Unmarshal([]byte(steps), &t.Steps)
	t.CreateTime = millis(created)
	return &t, created, nil
}

func describeDeliveryTemplates(c *Call) (any, error) {
	limit, err := maxResults(c, 20)
	if err != nil {
		return nil, err
	}
	where, args := "1", []any{}
	if id := c.Params.Get("TemplateId"); id != "" {
		where, args = "id = ?", append(args, id)
	}
	page := marketapi.DeliveryTemplatePage{MaxResults: limit, Templates: []marketapi.DeliveryTemplate{}}
	if tok := c.Params.Get("NextToken"); tok != "" {
		at, id, total, err := decodeToken(tok)
		if err != nil {
			return nil, badParam("NextToken", "NextToken is not one this server issued.")
		}
		page.TotalCount = total
		where += " AND (created_at, id) < (?, ?)"
		args = append(args, at, id)
	} else if err := c.Tx.QueryRow(`SELECT COUNT(*) FROM delivery_templates WHERE `+where, args...).Scan(&page.TotalCount); err != nil {
		return nil, err
	}
	rows, err := c.Tx.Query(`SELECT id, name, steps, created_at FROM delivery_templates WHERE `+where+` ORDER BY created_at DESC, id DESC LIMIT ?`, append(args, limit+1)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var lastAt int64
	for rows.Next() {
		t, at, err := scanTemplate(rows)
		if err != nil {
			return nil, err
		}
		if len(page.Templates) == limit {
			prev := page.Templates[limit-1]
			page.NextToken = encodeToken(lastAt, prev.TemplateId, page.TotalCount)
			break
		}
		page.Templates = append(page.Templates, *t)
		lastAt = at
	}
	return page, rows.Err()
}

func attachTemplate(c *Call, r *sellerRow, id string) error {
	if v := rules.DeliveryTemplateApplies(r.Code, r.typ()); v != nil {
		return c.Violation(v)
	}
	var n int
	if err := c.Tx.QueryRow(`SELECT COUNT(*) FROM delivery_templates WHERE id = ?`, id).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return Errf(404, "InvalidTemplateId.NotFound", "Delivery template %q does not exist.", id)
	}
	r.TemplateID = id
	return nil
}

func attachDeliveryTemplate(c *Call) (any, error) {
	r, err := loadProduct(c, c.Params.Get("Code"))
	if err != nil {
		return nil, err
	}
	id := c.Params.Get("TemplateId")
	if id == "" {
		return nil, missingParam("TemplateId")
	}
	if v := rules.DeliveryTemplateApplies(r.Code, r.typ()); v != nil {
		return nil, c.Violation(v)
	}
	if err := editable(c, r); err != nil {
		return nil, err
	}
	if err := attachTemplate(c, r, id); err != nil {
		return nil, err
	}
	if err := saveProduct(c, r); err != nil {
		return nil, err
	}
	return marketapi.ProductResult{Product: r.model()}, nil
}

// --- Agreements (FAQ 三 Q3) ---------------------------------------------------------------

func describeAgreementTemplates(c *Call) (any, error) {
	id := c.Params.Get("TemplateId")
	out := marketapi.AgreementTemplatePage{Templates: []marketapi.AgreementTemplate{}}
	for _, t := range agreementTemplates {
		if id != "" && t.TemplateId != id {
			continue
		}
		if id == "" {
			t.Content = ""
		}
		out.Templates = append(out.Templates, t)
	}
	if id != "" && len(out.Templates) == 0 {
		return nil, Errf(404, "InvalidTemplateId.NotFound", "Agreement template %q does not exist.", id)
	}
	return out, nil
}

func modifyProductAgreement(c *Call) (any, error) {
	r, err := loadProduct(c, c.Params.Get("Code"))
	if err != nil {
		return nil, err
	}
	tpl, file := c.Params.Get("TemplateId"), c.Params.Get("FileId")
	if (tpl == "") == (file == "") {
		return nil, badParam("Agreement", "Give either TemplateId or FileId.")
	}
	if err := editable(c, r); err != nil {
		return nil, err
	}
	a := marketapi.Agreement{TemplateId: tpl}
	if tpl != "" {
		found := false
		for _, t := range agreementTemplates {
			found = found || t.TemplateId == tpl
		}
		if !found {
			return nil, Errf(404, "InvalidTemplateId.NotFound", "Agreement template %q does not exist.", tpl)
		}
	} else {
		var name string
		err := c.Tx.QueryRow(`SELECT name FROM files WHERE id = ?`, file).Scan(&name)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, Errf(404, "InvalidFileId.NotFound", "File %q does not exist: upload it with UploadFile first.", file)
		}
		if err != nil {
			return nil, err
		}
		if !marketapi.AgreementExtensions[strings.ToLower(filepath.Ext(name))] {
			return nil, badParam("FileType", "An agreement must be a .pdf, .doc, .docx, .md, .html or .txt file; %q is not.", name)
		}
		a.FileId, a.FileName = file, name
	}
	b, _ := json.Marshal(a)
	r.Agreement = string(b)
	if err := saveProduct(c, r); err != nil {
		return nil, err
	}
	return marketapi.ProductResult{Product: r.model()}, nil
}
