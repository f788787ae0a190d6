package sandbox

import (
	"database/sql"
	"errors"
	"strconv"
	"time"

	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/spi"
)

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
	name, _, err := productNameType(c, inst.ProductCode)
	if err != nil {
		return nil, err
	}
	supplierName, _, err := shopFacts(c)
	if err != nil {
		return nil, err
	}
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
