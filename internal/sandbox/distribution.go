package sandbox

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/mkt-cli/mkt/internal/marketapi"
)

// Distribution (推广商品): listed products the marketplace's distribution programme takes, each
// with the commission a promoter earns (SubmissionRadio, a percentage), and the promotion links
// promoters share. The programme enrols products itself — the sandbox through
// SandboxDistributeProduct — so the seller reads, never writes, these.

// MaxLinkCodes is how many products one DescribeDistributionProductsLink call takes.
const MaxLinkCodes = 50

func sandboxDistributeProduct(c *Call) (any, error) {
	r, err := loadProduct(c, c.Params.Get("Code"))
	if err != nil {
		return nil, err
	}
	ratio, err := strconv.Atoi(strings.TrimSuffix(c.Params.Get("Commission"), "%"))
	if err != nil || ratio < 0 || ratio > 90 {
		return nil, badParam("Commission", "Commission is the promoter's share in percent, 0 (leave the programme) to 90.")
	}
	if ratio == 0 {
		_, err = c.Tx.Exec(`DELETE FROM distribution WHERE code = ?`, r.Code)
	} else {
		_, err = c.Tx.Exec(`INSERT INTO distribution (code, ratio, enrolled_at) VALUES (?, ?, ?)
			ON CONFLICT (code) DO UPDATE SET ratio = excluded.ratio`, r.Code, ratio, c.Now.UnixMilli())
	}
	if err != nil {
		return nil, err
	}
	return marketapi.Distributed{Code: r.Code, Commission: ratio}, nil
}

func describeDistributionProducts(c *Call) (any, error) {
	page, size, err := pageParams(c.Params, distributionPages)
	if err != nil {
		return nil, err
	}
	where, args := []string{"p.status = 'LISTED'"}, []any{}
	shop, _, err := shopFacts(c)
	if err != nil {
		return nil, err
	}
	for _, f := range RepeatList(c.Params, "Filter", "Key", "Value") {
		v := f["Value"]
		switch f["Key"] {
		case "code":
			where, args = append(where, "p.code = ?"), append(args, v)
		case "name":
			where, args = append(where, `p.name LIKE ? ESCAPE '\'`), append(args, likeTerm(v))
		case "supplierName":
			if !strings.Contains(shop, v) {
				where = append(where, "0")
			}
		default:
			return nil, Errf(500, "UnknownError", "Unknown filter key %q: use code, name or supplierName.", f["Key"])
		}
	}
	cond := strings.Join(where, " AND ")
	from := ` FROM products p JOIN distribution d ON d.code = p.code WHERE ` + cond
	out := marketapi.DistributionProducts{PageNumber: page, PageSize: size, Results: []marketapi.DistributionProduct{}}
	if err := c.Tx.QueryRow(`SELECT COUNT(*)`+from, args...).Scan(&out.TotalCount); err != nil {
		return nil, err
	}
	uid, err := sellerUID(c.Tx)
	if err != nil {
		return nil, err
	}
	rows, err := c.Tx.Query(`SELECT p.code, p.name, p.type, p.pic_url, p.short_description, p.suggested_price, p.score, d.ratio,
		(SELECT COUNT(*) FROM orders o WHERE o.product_code = p.code)`+from+` ORDER BY d.enrolled_at DESC, p.code LIMIT ? OFFSET ?`,
		append(args, size, (page-1)*size)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var d marketapi.DistributionProduct
		var score float64
		var ratio, trades int64
		if err := rows.Scan(&d.Code, &d.Name, &d.Type, &d.ImageUrl, &d.ShortDescription, &d.Price, &score, &ratio, &trades); err != nil {
			return nil, err
		}
		d.Score, d.SubmissionRadio, d.TradeCount = strconv.FormatFloat(score, 'f', 1, 64), strconv.FormatInt(ratio, 10), strconv.FormatInt(trades, 10)
		d.UserCommentCount, d.SupplierName, d.SupplierUId = "0", shop, strconv.FormatInt(uid, 10)
		out.Results = append(out.Results, d)
	}
	return out, rows.Err()
}

// distributionPages: both required, as the metadata has them.
var distributionPages = pageRule{def: 10, max: 100, required: true, clamp: false}

func describeDistributionProductsLink(c *Call) (any, error) {
	raw := c.Params.Get("Codes")
	if raw == "" {
		return nil, missingParam("Codes")
	}
	var codes []string
	if err := json.Unmarshal([]byte(raw), &codes); err != nil {
		return nil, Errf(500, "ProductCodes", "Codes must be a JSON array of product codes: %v", err)
	}
	switch {
	case len(codes) == 0:
		return nil, Errf(500, "ProductCodes", "Codes is empty: give 1 to %d product codes.", MaxLinkCodes)
	case len(codes) > MaxLinkCodes:
		return nil, Errf(500, "codeSizeError", "Codes has %d codes; at most %d.", len(codes), MaxLinkCodes)
	}
	uid, err := sellerUID(c.Tx)
	if err != nil {
		return nil, err
	}
	out := marketapi.DistributionLinks{Success: true, Result: []marketapi.DistributionLink{}}
	for _, code := range codes {
		var name string
		err := c.Tx.QueryRow(`SELECT p.name FROM products p JOIN distribution d ON d.code = p.code WHERE p.code = ? AND p.status = 'LISTED'`, code).Scan(&name)
		if err != nil {
			return nil, Errf(500, "CodeError", "Product %q is not in the distribution programme.", code)
		}
		out.Result = append(out.Result, marketapi.DistributionLink{Code: code, Name: name,
			Url: "https://market.aliyun.com/products/" + code + "?userCode=" + strconv.FormatInt(uid, 36)})
	}
	out.TotalCount = int64(len(out.Result))
	return out, nil
}

// likeTerm is a LIKE pattern that finds term anywhere, its own % and _ taken literally (with
// ESCAPE '\').
func likeTerm(term string) string {
	return "%" + strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(term) + "%"
}
