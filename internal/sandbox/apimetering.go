package sandbox

import (
	"strconv"

	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/rules"
)

// API products' usage (DescribeApiMetering): what each buyer bought of an API product (its call
// quota) and used. The sandbox's buyers get their quota when they buy (SandboxPurchase's
// ApiQuota, 10,000 calls unless told) and call through SandboxApiCalls, which stops at the
// quota as the API gateway does.

// DefaultAPIQuota is the calls one purchase of an API product buys unless told.
const DefaultAPIQuota = 10000

// apiMeteringPageSize is DescribeApiMetering's page (it takes no page size).
const apiMeteringPageSize = 20

func describeAPIMetering(c *Call) (any, error) {
	raw := c.Params.Get("pageNum")
	if raw == "" {
		return nil, missingParam("pageNum")
	}
	page, err := strconv.Atoi(raw)
	if err != nil || page < 1 {
		return nil, badParam("pageNum", "pageNum must be a page number from 1.")
	}
	if t := c.Params.Get("type"); t != "" {
		if _, err := strconv.Atoi(t); err != nil {
			return nil, badParam("type", "type must be an integer.")
		}
	}
	where, args := "p.mkt_type = ?", []any{string(rules.TypeAPI)}
	if code := c.Params.Get("productCode"); code != "" {
		where, args = where+" AND i.product_code = ?", append(args, code)
	}
	out := marketapi.APIMetering{Code: "200", Success: true, Version: "1.0", PageNumber: int64(page), PageSize: apiMeteringPageSize,
		Result: []marketapi.APIUsage{}}
	group := ` FROM instances i JOIN products p ON p.code = i.product_code WHERE ` + where + ` GROUP BY i.ali_uid, i.product_code`
	if err := c.Tx.QueryRow(`SELECT COUNT(*) FROM (SELECT 1`+group+`)`, args...).Scan(&out.Count); err != nil {
		return nil, err
	}
	rows, err := c.Tx.Query(`SELECT i.ali_uid, i.product_code, p.name, SUM(i.api_quota), SUM(i.api_usage)`+group+
		` ORDER BY MIN(i.created_at), i.ali_uid, i.product_code LIMIT ? OFFSET ?`, append(args, apiMeteringPageSize, (page-1)*apiMeteringPageSize)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var u marketapi.APIUsage
		if err := rows.Scan(&u.AliyunPk, &u.ProductCode, &u.ProductName, &u.TotalQuota, &u.TotalUsage); err != nil {
			return nil, err
		}
		u.TotalCapacity, u.Unit = max(u.TotalQuota-u.TotalUsage, 0), "次"
		out.Result = append(out.Result, u)
	}
	return out, rows.Err()
}

// sandboxAPICalls plays a buyer calling an API product: Count calls on InstanceId, as many as
// its quota has left.
func sandboxAPICalls(c *Call) (any, error) {
	inst, err := loadInstance(c, c.Params.Get("InstanceId"))
	if err != nil {
		return nil, err
	}
	r, err := loadProduct(c, inst.ProductCode)
	if err != nil {
		return nil, err
	}
	if r.typ() != rules.TypeAPI {
		return nil, Errf(400, "InvalidParameter.ProductType", "Instance %d is of a %s product: only API products are called through the gateway.", inst.ID, r.typ())
	}
	if inst.Status != "OPENED" {
		return nil, Errf(400, "IncorrectInstanceStatus", "Instance %d is %s: only a running instance can be called.", inst.ID, inst.Status)
	}
	n, err := strconv.ParseInt(c.Params.Get("Count"), 10, 64)
	if err != nil || n < 1 {
		return nil, badParam("Count", "Count must be a number of calls from 1.")
	}
	var quota, used int64
	if err := c.Tx.QueryRow(`SELECT api_quota, api_usage FROM instances WHERE id = ?`, inst.ID).Scan(&quota, &used); err != nil {
		return nil, err
	}
	accepted := min(n, quota-used)
	if _, err := c.Tx.Exec(`UPDATE instances SET api_usage = api_usage + ? WHERE id = ?`, accepted, inst.ID); err != nil {
		return nil, err
	}
	return marketapi.APICalls{Accepted: accepted, Refused: n - accepted, Used: used + accepted, Quota: quota}, nil
}

// setAPIQuota gives a new API instance its quota: SandboxPurchase's ApiQuota, else the default.
func setAPIQuota(c *Call, inst *instanceRow) error {
	quota := int64(DefaultAPIQuota)
	if v := c.Params.Get("ApiQuota"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 1 {
			return badParam("ApiQuota", "ApiQuota must be a number of calls from 1.")
		}
		quota = n
	}
	_, err := c.Tx.Exec(`UPDATE instances SET api_quota = ? WHERE id = ?`, quota, inst.ID)
	return err
}
