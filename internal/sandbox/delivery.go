package sandbox

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/rules"
)

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
	// Template IDs are numbers, as DescribeProjectInfo's TemplateId is.
	n, err := nextSequence(c, "delivery_template", 401)
	if err != nil {
		return nil, err
	}
	t := marketapi.DeliveryTemplate{TemplateId: strconv.FormatInt(n, 10), Name: strings.TrimSpace(c.Params.Get("Name")), Steps: steps, CreateTime: c.Now.UTC().Format("2006-01-02T15:04:05Z")}
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
	ks, err := newKeyset(c, "delivery_templates", "id", where, args, limit)
	if err != nil {
		return nil, err
	}
	page := marketapi.DeliveryTemplatePage{MaxResults: limit, Templates: []marketapi.DeliveryTemplate{}, TotalCount: ks.total}
	query, qargs := ks.query("id, name, steps, created_at")
	rows, err := c.Tx.Query(query, qargs...)
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
			page.NextToken = ks.token(lastAt, prev.TemplateId)
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
