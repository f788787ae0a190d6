package sandbox

import (
	"database/sql"
	"encoding/json"
	"errors"
	"strconv"
	"strings"

	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/rules"
)

// Service instances and usage requests: what buyers of a Compute Nest service make, played by
// SandboxNestPurchase (and by SandboxPurchase of the Marketplace product a service is bound
// to, through its Commodity).

const nestInstanceColumns = `id, service_id, version, user_id, pay_type, status, created_at, end_at`

func scanNestInstance(c *Call, sc interface{ Scan(...any) error }) (marketapi.NestInstance, error) {
	var in marketapi.NestInstance
	var version int
	var created, end int64
	if err := sc.Scan(&in.ServiceInstanceId, &in.Service.ServiceId, &version, &in.UserId, &in.PayType, &in.Status, &created, &end); err != nil {
		return in, err
	}
	in.Service.Version = strconv.Itoa(version)
	in.CreateTime, in.UpdateTime, in.EndTime = nestTime(created), nestTime(created), nestTime(end)
	in.Source, in.BizStatus = "Market", "Normal"
	if end > 0 && c.Now.UnixMilli() >= end {
		in.BizStatus = "Expired"
	}
	if vs, err := loadVersions(c, in.Service.ServiceId); err == nil {
		if r, err := pick(vs, in.Service.ServiceId, in.Service.Version); err == nil {
			in.Service.DeployType, in.Service.Status, in.ServiceType = r.doc.DeployType, r.effective, r.doc.ServiceType
			if len(r.doc.ServiceInfos) > 0 {
				in.Name = r.doc.ServiceInfos[0].Name
			}
		}
	}
	return in, nil
}

func listServiceInstances(c *Call) (any, error) {
	filter, err := nestFilters(c, "Filter")
	if err != nil {
		return nil, err
	}
	rows, err := c.Tx.Query(`SELECT ` + nestInstanceColumns + ` FROM nest_instances ORDER BY created_at, id`)
	if err != nil {
		return nil, err
	}
	var all []marketapi.NestInstance
	for rows.Next() {
		in, err := scanNestInstance(c, rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		all = append(all, in)
	}
	rows.Close()
	var out []marketapi.NestInstance
	for _, in := range all {
		if matches(filter, "ServiceId", in.Service.ServiceId) && matches(filter, "ServiceInstanceId", in.ServiceInstanceId) &&
			matches(filter, "Status", in.Status) && matches(filter, "UserId", strconv.FormatInt(in.UserId, 10)) {
			out = append(out, in)
		}
	}
	items, next, max, err := page(c, out)
	if err != nil {
		return nil, err
	}
	if items == nil {
		items = []marketapi.NestInstance{}
	}
	return marketapi.NestInstanceList{ServiceInstances: items, TotalCount: int32(len(out)), NextToken: next, MaxResults: max}, nil
}

func loadNestInstance(c *Call, id string) (marketapi.NestInstance, error) {
	in, err := scanNestInstance(c, c.Tx.QueryRow(`SELECT `+nestInstanceColumns+` FROM nest_instances WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return in, Errf(404, "EntityNotExist.ServiceInstance", "The specified service instance %s does not exist.", id)
	}
	return in, err
}

func getServiceInstance(c *Call) (any, error) {
	if err := nestRequired(c, "RegionId", "ServiceInstanceId"); err != nil {
		return nil, err
	}
	return loadNestInstance(c, c.Params.Get("ServiceInstanceId"))
}

// pushNestMetering records usage of a pay-as-you-go instance: Metering is a JSON list of
// entries, each with StartTime and EndTime (Unix seconds, the end after the start).
func pushNestMetering(c *Call) (any, error) {
	if err := nestRequired(c, "Metering", "ServiceInstanceId"); err != nil {
		return nil, err
	}
	in, err := loadNestInstance(c, c.Params.Get("ServiceInstanceId"))
	if err != nil {
		return nil, err
	}
	if in.PayType != "PayAsYouGo" {
		return nil, Errf(400, "OperationDenied.PayType", "Service instance %s is %s: only pay-as-you-go instances are metered.", in.ServiceInstanceId, in.PayType)
	}
	var entries []map[string]any
	if err := json.Unmarshal([]byte(c.Params.Get("Metering")), &entries); err != nil || len(entries) == 0 {
		return nil, badParam("Metering", "Metering must be a JSON list of entries.")
	}
	for i, e := range entries {
		start, ok1 := e["StartTime"].(float64)
		end, ok2 := e["EndTime"].(float64)
		if !ok1 || !ok2 || end <= start {
			return nil, badParam("Metering", "Metering entry %d needs StartTime and EndTime (Unix seconds), the end after the start.", i+1)
		}
	}
	_, err = c.Tx.Exec(`INSERT INTO nest_metering (instance_id, metering, at) VALUES (?, ?, ?)`, in.ServiceInstanceId, c.Params.Get("Metering"), c.Now.UnixMilli())
	return struct{}{}, err
}

// sandboxNestPurchase plays a buyer of a service: ServiceId, AliUid, PayType (Subscription or
// PayAsYouGo). A restricted service first needs the buyer's usage request approved: the
// purchase then makes the request (Submitted) and no instance.
func sandboxNestPurchase(c *Call) (any, error) {
	id := c.Params.Get("ServiceId")
	if id == "" {
		return nil, missingParam("ServiceId")
	}
	uid := int64(1234567890123456)
	if v := c.Params.Get("AliUid"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n <= 0 {
			return nil, badParam("AliUid", "AliUid must be a number.")
		}
		uid = n
	}
	pay := orDefault(c.Params.Get("PayType"), "Subscription")
	if pay != "Subscription" && pay != "PayAsYouGo" {
		return nil, badParam("PayType", "PayType must be Subscription or PayAsYouGo.")
	}
	return nestPurchase(c, id, uid, pay)
}

func nestPurchase(c *Call, id string, uid int64, pay string) (any, error) {
	vs, err := loadVersions(c, id)
	if err != nil {
		return nil, err
	}
	r, err := pick(vs, id, "")
	if err != nil {
		return nil, err
	}
	if r.effective != rules.NestOnline {
		return nil, Errf(400, "OperationDenied.ServiceStatus", "Service %s has no online version: buyers cannot deploy it.", id)
	}
	if strings.Contains(r.doc.ShareType, "Restricted") {
		var status string
		err := c.Tx.QueryRow(`SELECT status FROM nest_usages WHERE service_id = ? AND user_id = ?`, id, uid).Scan(&status)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			if _, err := c.Tx.Exec(`INSERT INTO nest_usages (service_id, user_id, status, comments, created_at, updated_at) VALUES (?, ?, 'Submitted', '', ?, ?)`,
				id, uid, c.Now.UnixMilli(), c.Now.UnixMilli()); err != nil {
				return nil, err
			}
			return map[string]any{"ServiceId": id, "UserAliUid": uid, "Usage": "Submitted"}, nil
		case err != nil:
			return nil, err
		case status != "Approved":
			return map[string]any{"ServiceId": id, "UserAliUid": uid, "Usage": status}, nil
		}
	}
	sid := "si-" + randomHex(16)
	var end int64
	if pay == "Subscription" {
		end = c.Now.AddDate(0, 1, 0).UnixMilli()
	}
	if _, err := c.Tx.Exec(`INSERT INTO nest_instances (`+nestInstanceColumns+`) VALUES (?, ?, ?, ?, ?, 'Deployed', ?, ?)`,
		sid, id, r.version, uid, pay, c.Now.UnixMilli(), end); err != nil {
		return nil, err
	}
	return loadNestInstance(c, sid)
}

// nestBoundPurchase makes the service instance of a Marketplace purchase of code, when an
// online service is bound to it (its Commodity); nothing otherwise.
func nestBoundPurchase(c *Call, code string, uid int64) error {
	ids, err := serviceIDs(c)
	if err != nil {
		return err
	}
	for _, id := range ids {
		vs, err := loadVersions(c, id)
		if err != nil {
			return err
		}
		r, err := pick(vs, id, "")
		if err != nil || r.effective != rules.NestOnline || r.doc.Commodity == nil || r.doc.Commodity.CommodityCode != code {
			continue
		}
		pay := "Subscription"
		if r.doc.Commodity.ChargeType == "POSTPAY" {
			pay = "PayAsYouGo"
		}
		_, err = nestPurchase(c, id, uid, pay)
		return err
	}
	return nil
}

func listServiceUsages(c *Call) (any, error) {
	filter, err := nestFilters(c, "Filter")
	if err != nil {
		return nil, err
	}
	rows, err := c.Tx.Query(`SELECT service_id, user_id, status, comments, created_at, updated_at FROM nest_usages ORDER BY created_at, service_id, user_id`)
	if err != nil {
		return nil, err
	}
	var all []marketapi.NestUsage
	for rows.Next() {
		var u marketapi.NestUsage
		var created, updated int64
		if err := rows.Scan(&u.ServiceId, &u.UserAliUid, &u.Status, &u.Comments, &created, &updated); err != nil {
			rows.Close()
			return nil, err
		}
		u.CreateTime, u.UpdateTime = nestTime(created), nestTime(updated)
		all = append(all, u)
	}
	rows.Close()
	var out []marketapi.NestUsage
	for _, u := range all {
		if vs, err := loadVersions(c, u.ServiceId); err == nil {
			if r, err := pick(vs, u.ServiceId, ""); err == nil && len(r.doc.ServiceInfos) > 0 {
				u.ServiceName = r.doc.ServiceInfos[0].Name
			}
		}
		if matches(filter, "ServiceId", u.ServiceId) && matches(filter, "Status", u.Status) && matches(filter, "ServiceName", u.ServiceName) {
			out = append(out, u)
		}
	}
	items, next, max, err := page(c, out)
	if err != nil {
		return nil, err
	}
	if items == nil {
		items = []marketapi.NestUsage{}
	}
	return marketapi.NestUsageList{ServiceUsages: items, TotalCount: int32(len(out)), NextToken: next, MaxResults: max}, nil
}

func answerUsage(c *Call, status string) (any, error) {
	if err := nestRequired(c, "ServiceId", "UserAliUid"); err != nil {
		return nil, err
	}
	var cur string
	err := c.Tx.QueryRow(`SELECT status FROM nest_usages WHERE service_id = ? AND user_id = ?`, c.Params.Get("ServiceId"), c.Params.Get("UserAliUid")).Scan(&cur)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, Errf(404, "EntityNotExist.ServiceUsage", "No usage request of user %s for service %s.", c.Params.Get("UserAliUid"), c.Params.Get("ServiceId"))
	} else if err != nil {
		return nil, err
	}
	if cur != "Submitted" {
		return nil, Errf(400, "OperationDenied.UsageStatus", "The usage request is %s: only a submitted request is answered.", cur)
	}
	_, err = c.Tx.Exec(`UPDATE nest_usages SET status = ?, comments = ?, updated_at = ? WHERE service_id = ? AND user_id = ?`,
		status, c.Params.Get("Comments"), c.Now.UnixMilli(), c.Params.Get("ServiceId"), c.Params.Get("UserAliUid"))
	return struct{}{}, err
}

func approveServiceUsage(c *Call) (any, error) { return answerUsage(c, "Approved") }
func rejectServiceUsage(c *Call) (any, error)  { return answerUsage(c, "Rejected") }
