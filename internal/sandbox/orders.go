package sandbox

import (
	"database/sql"
	"encoding/json"
	"errors"
	"strconv"
	"strings"

	"github.com/mkt-cli/mkt/internal/marketapi"
)

// Public actions about what buyers bought, in their real shapes (the public metadata, internal/marketapi/testdata).

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
	name, _, err := productNameType(c, o.ProductCode)
	return &o, name, err
}

// productNameType is a product's name and public type; a product that is gone has neither.
func productNameType(c *Call, code string) (name, typ string, err error) {
	err = c.Tx.QueryRow(`SELECT name, type FROM products WHERE code = ?`, code).Scan(&name, &typ)
	if errors.Is(err, sql.ErrNoRows) {
		err = nil
	}
	return name, typ, err
}

func priceFloat(s string) float64 { f, _ := strconv.ParseFloat(s, 64); return f }

func describeOrderForIsv(c *Call) (any, error) {
	o, name, err := loadOrder(c, c.Params.Get("OrderId"))
	if err != nil {
		return nil, documented(err, 400, "IllegalPermission")
	}
	p := priceFloat(o.Price)
	return marketapi.OrderForIsv{OrderId: o.ID, AliUid: o.AliUID, ProductCode: o.ProductCode, ProductName: name, ProductSkuCode: o.SkuCode,
		OrderType: o.Type, PeriodType: o.Period, PayStatus: o.PayStatus, OrderStatus: o.Status, Quantity: o.Quantity, AccountQuantity: 1,
		OriginalPrice: p, TotalPrice: p, PaymentPrice: p, CreatedOn: o.CreatedAt, PaidOn: o.PaidAt,
		InstanceIds: []string{strconv.FormatInt(o.InstanceID, 10)}, Components: components(o)}, nil
}

// components is DescribeOrderForIsv's Components: like production, a JSON object encoded as a
// string, with the package (SKU) bought, the period and the quantity.
func components(o *orderRow) string {
	b, _ := json.Marshal(map[string]string{"package_version": o.SkuCode, "ord_time": "1:" + o.Period, "order_num": strconv.Itoa(o.Quantity)})
	return string(b)
}

func describeOrder(c *Call) (any, error) {
	o, name, err := loadOrder(c, c.Params.Get("OrderId"))
	if err != nil {
		return nil, documented(err, 500, "UnknownError")
	}
	supplierName, contacts, err := shopFacts(c)
	if err != nil {
		return nil, err
	}
	p := priceFloat(o.Price)
	out := marketapi.Order{OrderId: o.ID, AliUid: o.AliUID, ProductCode: o.ProductCode, ProductName: name, ProductSkuCode: o.SkuCode,
		SupplierCompanyName: supplierName, OrderType: o.Type, PeriodType: o.Period, PayStatus: o.PayStatus, OrderStatus: o.Status,
		Quantity: o.Quantity, AccountQuantity: 1, OriginalPrice: p, TotalPrice: p, PaymentPrice: p, CreatedOn: o.CreatedAt, PaidOn: o.PaidAt,
		Components: map[string]any{}}
	out.SupplierTelephones.Telephone = nonEmpty(contacts.Hotline)
	out.InstanceIds.InstanceId = []string{strconv.FormatInt(o.InstanceID, 10)}
	return out, nil
}

func instanceModel(c *Call, r *instanceRow) (marketapi.InstanceForIsv, error) {
	name, typ, err := productNameType(c, r.ProductCode)
	if err != nil {
		return marketapi.InstanceForIsv{}, err
	}
	supplierName, _, err := shopFacts(c)
	if err != nil {
		return marketapi.InstanceForIsv{}, err
	}
	ext, _ := json.Marshal(map[string]any{"isvInstanceId": r.IsvID, "orderBizId": r.BizID})
	out := marketapi.InstanceForIsv{InstanceId: r.ID, OrderId: r.OrderID, ProductCode: r.ProductCode, ProductName: name, ProductSkuCode: r.SkuCode,
		ProductType: typ, SupplierName: supplierName, Status: r.Status, IsTrial: r.Trial, AutoRenewal: r.AutoRenew, BeganOn: r.BeganOn,

		EndOn: r.EndOn, CreatedOn: r.CreatedAt, AppJson: r.AppJSON, HostJson: r.HostJSON, ExtendJson: string(ext), ComponentJson: "{}",
		LicenseCode: r.License, ActiveAddress: r.AA}
	out.RelationalData.ServiceStatus = "NORMAL"
	return out, nil
}

func describeInstanceForIsv(c *Call) (any, error) {
	r, err := loadInstance(c, c.Params.Get("InstanceId"))
	if err != nil {
		return nil, documented(err, 400, "IllegalPermission")
	}
	return instanceModel(c, r)
}

func describeInstance(c *Call) (any, error) {
	r, err := loadInstance(c, c.Params.Get("InstanceId"))
	if err != nil {
		return nil, documented(err, 500, "UnknownError")
	}
	m, err := instanceModel(c, r)
	if err != nil {
		return nil, err
	}
	out := marketapi.Instance{InstanceId: m.InstanceId, OrderId: m.OrderId, ProductCode: m.ProductCode, ProductName: m.ProductName,
		ProductSkuCode: m.ProductSkuCode, ProductType: m.ProductType, SupplierName: m.SupplierName, Status: m.Status, IsTrial: m.IsTrial,
		AutoRenewal: m.AutoRenewal, BeganOn: m.BeganOn, EndOn: m.EndOn, CreatedOn: m.CreatedOn, AppJson: m.AppJson, HostJson: m.HostJson,
		ExtendJson: m.ExtendJson, ComponentJson: m.ComponentJson, LicenseCode: m.LicenseCode, ActiveAddress: m.ActiveAddress,
		RelationalData: m.RelationalData, Constraints: "{}"}
	out.Modules.Module = []marketapi.Module{}
	return out, nil
}

// publicPages is how DescribeInstances and DescribeFailedNotifications page: both parameters
// required, sizes over 100 served as 100.
var publicPages = pageRule{def: 20, max: 100, required: true, clamp: true}

func describeInstances(c *Call) (any, error) {
	page, size, err := pageParams(c.Params, publicPages)
	if err != nil {
		return nil, err
	}
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
		m, err := instanceModel(c, r)
		if err != nil {
			return nil, err
		}
		out.InstanceItems.InstanceItem = append(out.InstanceItems.InstanceItem, marketapi.InstanceItem{InstanceId: m.InstanceId, OrderId: m.OrderId,
			ProductCode: m.ProductCode, ProductName: m.ProductName, ProductSkuCode: m.ProductSkuCode, ProductType: m.ProductType,
			SupplierName: m.SupplierName, Status: m.Status, BeganOn: m.BeganOn, EndOn: m.EndOn, CreatedOn: m.CreatedOn,
			AppJson: m.AppJson, HostJson: m.HostJson, ExtendJson: m.ExtendJson})
	}
	return out, nil
}

// documented turns the sandbox's own "no such id" into what the public metadata documents for
// the action (an unknown or foreign id: 400 IllegalPermission for the ISV's views, 500
// UnknownError for the buyer's), so a script takes the branch it will take in production.
func documented(err error, status int, code string) error {
	var e *Error
	if errors.As(err, &e) && strings.HasSuffix(e.Code, ".NotFound") {
		msg := "The caller is not allowed to see this resource, or it does not exist."
		if code == "UnknownError" {
			msg = "An unknown error occurred."
		}
		return Errf(status, code, "%s", msg)
	}
	return err
}
