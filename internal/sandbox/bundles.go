package sandbox

import (
	"database/sql"
	"errors"
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
	ks, err := newKeyset(c, "bundles", "id", where, args, limit)
	if err != nil {
		return nil, err
	}
	page := marketapi.BundlePage{MaxResults: limit, Bundles: []marketapi.Bundle{}, TotalCount: ks.total}
	query, qargs := ks.query("id, created_at")
	rows, err := c.Tx.Query(query, qargs...)
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
		page.NextToken = ks.token(last.at, last.id)
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
