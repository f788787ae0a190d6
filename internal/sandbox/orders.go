package sandbox

import (
	"database/sql"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/spi"
)

// Public actions about what buyers bought, in their real shapes (the public metadata, internal/marketapi/testdata).

const supplierName = "Sandbox Seller"

type orderRow struct {
	ID, BizID, AliUID, InstanceID, CreatedAt, PaidAt                        int64
	ProductCode, SkuCode, Type, Period, Price, PayStatus, Status, PayMethod string
	Quantity                                                                int
}

func loadOrder(c *Call, raw string) (*orderRow, string, error) {
	if raw == "" {
		return nil, "", missingParam("OrderId")
	}
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil {
		return nil, "", badParam("OrderId", "OrderId must be a number.")
	}
	var o orderRow
	err = c.Tx.QueryRow(`SELECT id, biz_id, ali_uid, instance_id, created_at, paid_at, product_code, sku_code, order_type, period, price,
		pay_status, order_status, pay_method, quantity FROM orders WHERE id = ?`, id).Scan(&o.ID, &o.BizID, &o.AliUID, &o.InstanceID,
		&o.CreatedAt, &o.PaidAt, &o.ProductCode, &o.SkuCode, &o.Type, &o.Period, &o.Price, &o.PayStatus, &o.Status, &o.PayMethod, &o.Quantity)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, "", Errf(404, "InvalidOrderId.NotFound", "Order %d does not exist.", id)
	}
	if err != nil {
		return nil, "", err
	}
	var name string
	c.Tx.QueryRow(`SELECT name FROM products WHERE code = ?`, o.ProductCode).Scan(&name)
	return &o, name, nil
}

func priceFloat(s string) float64 { f, _ := strconv.ParseFloat(s, 64); return f }

func describeOrderForIsv(c *Call) (any, error) {
	o, name, err := loadOrder(c, c.Params.Get("OrderId"))
	if err != nil {
		return nil, err
	}
	p := priceFloat(o.Price)
	return marketapi.OrderForIsv{OrderId: o.ID, AliUid: o.AliUID, ProductCode: o.ProductCode, ProductName: name, ProductSkuCode: o.SkuCode,
		OrderType: o.Type, PeriodType: o.Period, PayStatus: o.PayStatus, OrderStatus: o.Status, Quantity: o.Quantity, AccountQuantity: 1,
		OriginalPrice: p, TotalPrice: p, PaymentPrice: p, CreatedOn: o.CreatedAt, PaidOn: o.PaidAt,
		InstanceIds: []string{strconv.FormatInt(o.InstanceID, 10)}, Components: map[string]any{}}, nil
}

func describeOrder(c *Call) (any, error) {
	o, name, err := loadOrder(c, c.Params.Get("OrderId"))
	if err != nil {
		return nil, err
	}
	p := priceFloat(o.Price)
	out := marketapi.Order{OrderId: o.ID, AliUid: o.AliUID, ProductCode: o.ProductCode, ProductName: name, ProductSkuCode: o.SkuCode,
		SupplierCompanyName: supplierName, OrderType: o.Type, PeriodType: o.Period, PayStatus: o.PayStatus, OrderStatus: o.Status,
		Quantity: o.Quantity, AccountQuantity: 1, OriginalPrice: p, TotalPrice: p, PaymentPrice: p, CreatedOn: o.CreatedAt, PaidOn: o.PaidAt,
		Components: map[string]any{}}
	out.SupplierTelephones.Telephone = []string{}
	out.InstanceIds.InstanceId = []string{strconv.FormatInt(o.InstanceID, 10)}
	return out, nil
}

func instanceModel(c *Call, r *instanceRow) marketapi.InstanceForIsv {
	var name, typ string
	c.Tx.QueryRow(`SELECT name, type FROM products WHERE code = ?`, r.ProductCode).Scan(&name, &typ)
	ext, _ := json.Marshal(map[string]any{"isvInstanceId": r.IsvID, "orderBizId": r.BizID})
	out := marketapi.InstanceForIsv{InstanceId: r.ID, OrderId: r.OrderID, ProductCode: r.ProductCode, ProductName: name, ProductSkuCode: r.SkuCode,
		ProductType: typ, SupplierName: supplierName, Status: r.Status, IsTrial: r.Trial, AutoRenewal: "false", BeganOn: r.BeganOn,
		EndOn: r.EndOn, CreatedOn: r.CreatedAt, AppJson: r.AppJSON, HostJson: r.HostJSON, ExtendJson: string(ext), ComponentJson: "{}",
		LicenseCode: r.License, ActiveAddress: r.AA}
	out.RelationalData.ServiceStatus = "NORMAL"
	return out
}

func describeInstanceForIsv(c *Call) (any, error) {
	r, err := loadInstance(c, c.Params.Get("InstanceId"))
	if err != nil {
		return nil, err
	}
	return instanceModel(c, r), nil
}

func describeInstance(c *Call) (any, error) {
	r, err := loadInstance(c, c.Params.Get("InstanceId"))
	if err != nil {
		return nil, err
	}
	out := marketapi.Instance{InstanceForIsv: instanceModel(c, r), Constraints: "{}"}
	out.Modules.Module = []marketapi.Module{}
	return out, nil
}

func describeInstances(c *Call) (any, error) {
	num := func(k string) (int, error) {
		v := c.Params.Get(k)
		if v == "" {
			return 0, missingParam(k)
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return 0, badParam(k, "%s must be a positive integer.", k)
		}
		return n, nil
	}
	page, err := num("PageNumber")
	if err != nil {
		return nil, err
	}
	size, err := num("PageSize")
	if err != nil {
		return nil, err
	}
	size = min(size, 100)
	where, args := []string{"1"}, []any{}
	if t := c.Params.Get("ProductType"); t != "" {
		where, args = append(where, "p.type = ?"), append(args, t)
	}
	codes, except := c.Params.Get("Codes"), c.Params.Get("ExceptCodes")
	if codes != "" && except != "" {
		return nil, badParam("Codes", "Codes and ExceptCodes cannot be given together.")
	}
	for _, pair := range []struct {
		list, op string
	}{{codes, "IN"}, {except, "NOT IN"}} {
		if pair.list == "" {
			continue
		}
		var qs []string
		for _, code := range strings.Split(pair.list, ",") {
			qs, args = append(qs, "?"), append(args, strings.TrimSpace(code))
		}
		where = append(where, "i.product_code "+pair.op+" ("+strings.Join(qs, ",")+")")
	}
	cond := strings.Join(where, " AND ")
	out := marketapi.InstanceList{PageNumber: page, PageSize: size}
	out.InstanceItems.InstanceItem = []marketapi.InstanceItem{}
	if err := c.Tx.QueryRow(`SELECT COUNT(*) FROM instances i LEFT JOIN products p ON p.code = i.product_code WHERE `+cond, args...).Scan(&out.TotalCount); err != nil {
		return nil, err
	}
	rows, err := c.Tx.Query(`SELECT i.id FROM instances i LEFT JOIN products p ON p.code = i.product_code WHERE `+cond+` ORDER BY i.id DESC LIMIT ? OFFSET ?`,
		append(args, size, (page-1)*size)...)
	if err != nil {
		return nil, err
	}
	var ids []string
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		ids = append(ids, strconv.FormatInt(id, 10))
	}
	rows.Close()
	for _, id := range ids {
		r, err := loadInstance(c, id)
		if err != nil {
			return nil, err
		}
		m := instanceModel(c, r)
		out.InstanceItems.InstanceItem = append(out.InstanceItems.InstanceItem, marketapi.InstanceItem{InstanceId: m.InstanceId, OrderId: m.OrderId,
			ProductCode: m.ProductCode, ProductName: m.ProductName, ProductSkuCode: m.ProductSkuCode, ProductType: m.ProductType,
			SupplierName: m.SupplierName, Status: m.Status, BeganOn: m.BeganOn, EndOn: m.EndOn, CreatedOn: m.CreatedOn,
			AppJson: m.AppJson, HostJson: m.HostJson, ExtendJson: m.ExtendJson})
	}
	return out, nil
}

// --- Licenses (docs/spi.md, License-code products) ---------------------------------------------------------------

// validLicenseCode: 14, then 8, then 40 upper-case letters or digits, joined by - and _
// (no package-level regexp: it would cost every run's start-up).
func validLicenseCode(s string) bool {
	if len(s) != 14+1+8+1+40 || s[14] != '-' || s[23] != '_' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if i == 14 || i == 23 {
			continue
		}
		c := s[i]
		if !('A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

func licenseErr(code, msg string) *Error { return &Error{Status: 400, Code: code, Message: msg} }

func loadLicense(c *Call) (string, string, *instanceRow, int64, int64, error) {
	code := c.Params.Get("LicenseCode")
	if code == "" {
		return "", "", nil, 0, 0, missingParam("LicenseCode")
	}
	if !validLicenseCode(code) {
		return "", "", nil, 0, 0, licenseErr("License.Invalid", "The license code is not valid.")
	}
	var status string
	var instID, created, activated int64
	err := c.Tx.QueryRow(`SELECT status, instance_id, created_at, activated_at FROM licenses WHERE code = ?`, code).Scan(&status, &instID, &created, &activated)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", nil, 0, 0, licenseErr("License.NotFound", "The license code does not exist.")
	}
	if err != nil {
		return "", "", nil, 0, 0, err
	}
	inst, err := loadInstance(c, strconv.FormatInt(instID, 10))
	if err != nil {
		return "", "", nil, 0, 0, err
	}
	if status != "EXPIRED" && inst.EndOn < c.Now.UnixMilli() {
		status = "EXPIRED"
	}
	return code, status, inst, created, activated, nil
}

func cst(ms int64) string {
	if ms == 0 {
		return ""
	}
	return time.UnixMilli(ms).In(spi.CST).Format(spi.TimeFormat)
}

func describeLicense(c *Call) (any, error) {
	code, status, inst, created, activated, err := loadLicense(c)
	if err != nil {
		return nil, err
	}
	var name string
	c.Tx.QueryRow(`SELECT name FROM products WHERE code = ?`, inst.ProductCode).Scan(&name)
	l := marketapi.License{LicenseCode: code, LicenseStatus: status, InstanceId: strconv.FormatInt(inst.ID, 10), ProductCode: inst.ProductCode,
		ProductSkuId: inst.SkuCode, ProductName: name, SupplierName: supplierName, CreateTime: cst(created), ExpiredTime: cst(inst.EndOn),
		ActivateTime: cst(activated)}
	attr := func(code, value string) marketapi.LicenseAttribute {
		return marketapi.LicenseAttribute{Code: code, Value: value}
	}
	l.ExtendArray.LicenseAttribute = []marketapi.LicenseAttribute{
		attr("package_version", inst.SkuCode), attr("orderBizId", strconv.FormatInt(inst.BizID, 10)), attr("activeAddress", inst.AA),
		attr("orderId", strconv.FormatInt(inst.OrderID, 10)), attr("aliUid", strconv.FormatInt(inst.AliUID, 10)), attr("expiresTime", cst(inst.EndOn)),
	}
	l.ExtendInfo.AliUid, l.ExtendInfo.AccountQuantity = inst.AliUID, 1
	return map[string]any{"License": l}, nil
}

func activateLicense(c *Call) (any, error) {
	code, status, inst, _, _, err := loadLicense(c)
	if err != nil {
		return nil, err
	}
	switch status {
	case "EXPIRED":
		return nil, licenseErr("License.Expired", "The license code has expired.")
	case "DISCARD":
		return nil, licenseErr("License.Discard", "The license code was discarded (its instance was released).")
	case "ACTIVATED":
		return nil, licenseErr("License.Invalid", "The license code was already activated.")
	}
	ident := c.Params.Get("Identification")
	if ident != "" && ident != strconv.FormatInt(inst.AliUID, 10) {
		return nil, licenseErr("Auth.Match", "Identification does not match the buyer of this license.")
	}
	if _, err := c.Tx.Exec(`UPDATE licenses SET status = 'ACTIVATED', identification = ?, activated_at = ? WHERE code = ?`, ident, c.Now.UnixMilli(), code); err != nil {
		return nil, err
	}
	return map[string]any{"Success": true}, nil
}

// --- Metering (docs/spi.md, Metering) ---------------------------------------------------------------

// MeteringInterval is the least time between two pushes for one instance.
const MeteringInterval = 60 * time.Second

func pushMeteringData(c *Call) (any, error) {
	raw := c.Params.Get("Metering")
	if raw == "" {
		return nil, Errf(400, "Invalid.Parameter.Metering", "Metering is empty.")
	}
	var recs []marketapi.MeteringRecord
	if err := json.Unmarshal([]byte(raw), &recs); err != nil {
		return nil, Errf(400, "Invalid.Parameter.Metering", "Metering is not a JSON array of records: %v", err)
	}
	if len(recs) == 0 {
		return nil, Errf(400, "Invalid.Parameter.Metering", "Metering has no records.")
	}
	if len(recs) > 100 {
		return nil, Errf(500, "Metering.Data.Exceeded", "At most 100 records per request; got %d.", len(recs))
	}
	product := ""
	seen := map[int64]bool{}
	for i, rec := range recs {
		inst, err := loadInstance(c, rec.InstanceId)
		if err != nil {
			return nil, Errf(500, "Invalid.Parameter.Instance", "Record %d: instance %q does not exist.", i+1, rec.InstanceId)
		}
		if product == "" {
			product = inst.ProductCode
		} else if product != inst.ProductCode {
			return nil, Errf(400, "Invalid.Parameter", "All instances of one request must belong to one product (%s, %s).", product, inst.ProductCode)
		}
		start, err1 := strconv.ParseInt(rec.StartTime, 10, 64)
		end, err2 := strconv.ParseInt(rec.EndTime, 10, 64)
		if err1 != nil || err2 != nil || end <= start {
			return nil, Errf(400, "Invalid.Parameter.Metering", "Record %d: StartTime and EndTime are Unix seconds with EndTime after StartTime.", i+1)
		}
		if len(rec.Entities) == 0 {
			return nil, Errf(400, "Invalid.Parameter.Metering", "Record %d has no Entities.", i+1)
		}
		for _, e := range rec.Entities {
			if e.MeteringAssit == "" {
				return nil, Errf(400, "Invalid.Parameter.Metering", "meteringAssit is empty")
			}
			if n, err := strconv.ParseInt(e.Value, 10, 64); err != nil || n < 0 {
				return nil, Errf(400, "Invalid.Parameter.Metering", "Record %d: Value %q must be a non-negative integer.", i+1, e.Value)
			}
		}
		if !seen[inst.ID] {
			seen[inst.ID] = true
			var last int64
			c.Tx.QueryRow(`SELECT COALESCE(MAX(received_at), 0) FROM metering WHERE instance_id = ?`, inst.ID).Scan(&last)
			if last != 0 && c.Now.UnixMilli()-last < MeteringInterval.Milliseconds() {
				return nil, Errf(500, "Service.Flow.Control", "Instance %d was metered less than 60 s ago: one request per instance every 60 s.", inst.ID)
			}
		}
	}
	for _, rec := range recs {
		id, _ := strconv.ParseInt(rec.InstanceId, 10, 64)
		start, _ := strconv.ParseInt(rec.StartTime, 10, 64)
		end, _ := strconv.ParseInt(rec.EndTime, 10, 64)
		ents, _ := json.Marshal(rec.Entities)
		if _, err := c.Tx.Exec(`INSERT INTO metering (instance_id, start_time, end_time, entities, received_at) VALUES (?, ?, ?, ?, ?)`,
			id, start, end, string(ents), c.Now.UnixMilli()); err != nil {
			return nil, err
		}
	}
	return map[string]any{"Success": true}, nil
}

// --- Failed notifications (docs/spi.md) ---------------------------------------------------

func describeFailedNotifications(c *Call) (any, error) {
	get := func(k string) (int, error) {
		v := c.Params.Get(k)
		if v == "" {
			return 0, missingParam(k)
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return 0, badParam(k, "%s must be a positive integer.", k)
		}
		return n, nil
	}
	page, err := get("PageNumber")
	if err != nil {
		return nil, err
	}
	size, err := get("PageSize")
	if err != nil {
		return nil, err
	}
	size = min(size, 100)
	out := struct {
		TotalCount       int
		PageNumber       int
		PageSize         int
		NotificationList []marketapi.Notification
	}{PageNumber: page, PageSize: size, NotificationList: []marketapi.Notification{}}
	c.Tx.QueryRow(`SELECT COUNT(*) FROM notifications WHERE confirmed = 0`).Scan(&out.TotalCount)
	rows, err := c.Tx.Query(`SELECT id, action, message, created_at FROM notifications WHERE confirmed = 0 ORDER BY created_at, id LIMIT ? OFFSET ?`, size, (page-1)*size)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var n marketapi.Notification
		if err := rows.Scan(&n.NotificationRequestId, &n.Action, &n.Message, &n.CreateTime); err != nil {
			return nil, err
		}
		out.NotificationList = append(out.NotificationList, n)
	}
	return out, rows.Err()
}

func confirmNotification(c *Call) (any, error) {
	id := c.Params.Get("NotificationRequestId")
	if id == "" {
		return nil, missingParam("NotificationRequestId")
	}
	res, err := c.Tx.Exec(`UPDATE notifications SET confirmed = 1 WHERE id = ?`, id)
	if err != nil {
		return nil, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil, Errf(404, "InvalidNotificationRequestId.NotFound", "Notification %q does not exist.", id)
	}
	return map[string]any{"Success": true}, nil
}
