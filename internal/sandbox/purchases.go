package sandbox

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"math/big"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/rules"
	"github.com/mkt-cli/mkt/internal/spi"
)

// The buyer's side, played by the sandbox: purchases, renewals, upgrades, expiry, release and
// refunds create orders and instances and call the product's SPI like the marketplace does.

type instanceRow struct {
	ID, OrderID, BizID, AliUID            int64
	ProductCode, SkuCode, Status          string
	Trial                                 bool
	BeganOn, EndOn, CreatedAt             int64
	IsvID, AppJSON, HostJSON, License, AA string
	// AutoRenew is production's AutoRenewal: "" or {"autoRenewCycle":…,"autoRenewDuration":…}.
	AutoRenew string
}

const instanceColumns = `id, order_id, biz_id, ali_uid, product_code, sku_code, status, is_trial, began_on, end_on, created_at, isv_instance_id, app_json, host_json, license_code, active_address, auto_renew`

func scanInstance(sc interface{ Scan(...any) error }) (*instanceRow, error) {
	var r instanceRow
	err := sc.Scan(&r.ID, &r.OrderID, &r.BizID, &r.AliUID, &r.ProductCode, &r.SkuCode, &r.Status, &r.Trial, &r.BeganOn, &r.EndOn,
		&r.CreatedAt, &r.IsvID, &r.AppJSON, &r.HostJSON, &r.License, &r.AA, &r.AutoRenew)
	return &r, err
}

func loadInstance(c *Call, raw string) (*instanceRow, error) {
	if raw == "" {
		return nil, missingParam("InstanceId")
	}
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil {
		return nil, badParam("InstanceId", "InstanceId must be a number.")
	}
	r, err := scanInstance(c.Tx.QueryRow(`SELECT `+instanceColumns+` FROM instances WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, Errf(404, "InvalidInstanceId.NotFound", "Instance %d does not exist.", id)
	}
	return r, err
}

func saveInstance(c *Call, r *instanceRow) error {
	_, err := c.Tx.Exec(`UPDATE instances SET status = ?, sku_code = ?, end_on = ?, isv_instance_id = ?, app_json = ?, host_json = ?,
		license_code = ?, active_address = ?, auto_renew = ? WHERE id = ?`, r.Status, r.SkuCode, r.EndOn, r.IsvID, r.AppJSON, r.HostJSON, r.License, r.AA, r.AutoRenew, r.ID)
	return err
}

// addPeriod moves t forward by a validity period.
func addPeriod(t time.Time, p rules.Period) time.Time {
	switch p.Unit {
	case 'd':
		return t.AddDate(0, 0, p.N)
	case 'w':
		return t.AddDate(0, 0, 7*p.N)
	case 'm':
		return t.AddDate(0, p.N, 0)
	}
	return t.AddDate(p.N, 0, 0)
}

func orderPeriodType(p rules.Period) string {
	if t := p.PeriodType(); t != "CUSTOM" {
		return t
	}
	return "ONCE"
}

// price of one period of a SKU: the SKU's price per month times the months, at least one.
func periodPrice(sku string, p rules.Period) string {
	r, ok := new(big.Rat).SetString(sku)
	if !ok {
		return "0.00"
	}
	months := max(p.Days()/30, 1)
	return new(big.Rat).Mul(r, big.NewRat(int64(months), 1)).FloatString(2)
}

type purchasePlan struct {
	product *sellerRow
	sku     string
	skuCode string
	period  rules.Period
}

func planFor(c *Call, r *sellerRow, skuCode, period string) (*purchasePlan, error) {
	skus := r.skus()
	if len(skus) == 0 {
		return nil, badParam("SkuCode", "Product %s has no SKUs to buy.", r.Code)
	}
	plan := &purchasePlan{product: r, sku: skus[0].Price, skuCode: skus[0].Code}
	if skuCode != "" {
		found := false
		for _, s := range skus {
			if s.Code == skuCode || s.Name == skuCode {
				plan.sku, plan.skuCode, found = s.Price, s.Code, true
			}
		}
		if !found {
			return nil, badParam("SkuCode", "Product %s has no SKU %q.", r.Code, skuCode)
		}
	}
	periods := r.periods()
	if period == "" && len(periods) > 0 {
		period = periods[0]
	}
	if period == "" {
		period = "1m"
	}
	ps, v := rules.ParsePeriods(r.typ(), []string{period})
	if v != nil {
		return nil, c.Violation(v)
	}
	plan.period = ps[0]
	return plan, nil
}

func (c *Call) boolParam(k string) bool { return strings.EqualFold(c.Params.Get(k), "true") }

func newOrder(c *Call, inst *instanceRow, orderType, skuCode string, p *rules.Period, price, payMethod string) (int64, error) {
	period, spec := "ONCE", ""
	if p != nil {
		period, spec = orderPeriodType(*p), p.String()
	}
	id, err := nextSequence(c, "order", 200000000000001)
	if err != nil {
		return 0, err
	}
	_, err = c.Tx.Exec(`INSERT INTO orders (id, biz_id, ali_uid, product_code, sku_code, order_type, period, quantity, price, pay_status,
		order_status, pay_method, instance_id, created_at, paid_at, period_spec) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, 'PAID', 'NORMAL', ?, ?, ?, ?, ?)`,
		id, inst.BizID, inst.AliUID, inst.ProductCode, skuCode, orderType, period, price, payMethod, inst.ID, c.Now.UnixMilli(), c.Now.UnixMilli(), spec)
	return id, err
}

func sandboxPurchase(c *Call) (any, error) {
	r, err := loadProduct(c, c.Params.Get("Code"))
	if err != nil {
		return nil, err
	}
	if viol := rules.Purchasable(r.Code, r.state()); viol != nil {
		return nil, c.Violation(viol)
	}
	plan, err := planFor(c, r, c.Params.Get("SkuCode"), c.Params.Get("Period"))
	if err != nil {
		return nil, err
	}
	payMethod := "BALANCE"
	switch strings.ToLower(c.Params.Get("PayMethod")) {
	case "", "balance":
	case "credit":
		payMethod = "CREDIT"
		// Listed products take credit payment unless the seller turned it off (FAQ 四 Q7).
		var enabled bool
		err := c.Tx.QueryRow(`SELECT enabled FROM credit_products WHERE code = ?`, r.Code).Scan(&enabled)
		if err == nil && !enabled {
			return nil, c.Violation(rules.CreditPaymentOff(r.Code))
		}
	default:
		return nil, badParam("PayMethod", "PayMethod must be balance or credit.")
	}
	trial := c.boolParam("Trial")
	instID, err := nextSequence(c, "instance", 10000001)
	if err != nil {
		return nil, err
	}
	bizID, err := nextSequence(c, "orderbiz", 30000001)
	if err != nil {
		return nil, err
	}
	aliUID := int64(1_000_000_000_000_000) + instID
	if v := c.Params.Get("AliUid"); v != "" {
		if aliUID, err = strconv.ParseInt(v, 10, 64); err != nil {
			return nil, badParam("AliUid", "AliUid must be a number.")
		}
	}
	inst := &instanceRow{ID: instID, BizID: bizID, AliUID: aliUID, ProductCode: r.Code, SkuCode: plan.skuCode, Status: "OPENING", Trial: trial,
		BeganOn: c.Now.UnixMilli(), EndOn: addPeriod(c.Now, plan.period).UnixMilli(), CreatedAt: c.Now.UnixMilli()}
	price := periodPrice(plan.sku, plan.period)
	orderType := "NEW"
	if trial {
		price, orderType = "0.00", "TRIAL"
	}
	orderID, err := newOrder(c, inst, orderType, plan.skuCode, &plan.period, price, payMethod)
	if err != nil {
		return nil, err
	}
	inst.OrderID = orderID
	if _, err := c.Tx.Exec(`INSERT INTO instances (`+instanceColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', '', '', '', '')`,
		inst.ID, inst.OrderID, inst.BizID, inst.AliUID, inst.ProductCode, inst.SkuCode, inst.Status, inst.Trial, inst.BeganOn, inst.EndOn, inst.CreatedAt); err != nil {
		return nil, err
	}
	res := &marketapi.Purchase{OrderId: orderID, OrderBizId: bizID, InstanceId: instID}
	viaSPI := false
	switch {
	case r.typ() == rules.TypeSaaS && r.DeliveryMode == rules.DeliverySPI:
		viaSPI = true
	case r.typ() == rules.TypeSaaS && r.DeliveryMode == rules.DeliveryLicense:
		inst.License = licenseCode()
		inst.AA = r.ActivationURL
		inst.Status = "OPENED"
		if _, err := c.Tx.Exec(`INSERT INTO licenses (code, instance_id, status, created_at) VALUES (?, ?, 'INACTIVATED', ?)`, inst.License, inst.ID, c.Now.UnixMilli()); err != nil {
			return nil, err
		}
	case r.typ() == rules.TypeService:
		inst.Status = "READYING"
		if r.TemplateID != "" {
			if err := createProject(c, r, inst); err != nil {
				return nil, err
			}
		}
	case r.typ() == rules.TypeImage:
		inst.Status = "USING"
	default:
		inst.Status = "OPENED"
		if r.typ() == rules.TypeAPI {
			if err := setAPIQuota(c, inst); err != nil {
				return nil, err
			}
		}
		viaSPI = r.typ() == rules.TypeAPI && r.ProductionURL != ""
		if viaSPI {
			inst.Status = "OPENING"
		}
	}
	if err := saveInstance(c, inst); err != nil {
		return nil, err
	}
	// A product delivered through Compute Nest: the buyer's service instance too.
	if err := nestBoundPurchase(c, r.Code, inst.AliUID); err != nil {
		return nil, err
	}
	res.Status, res.LicenseCode, res.EndOn = inst.Status, inst.License, millis(inst.EndOn)
	if viaSPI {
		if err := createViaSPI(c, r, inst, retriesParam(c), res); err != nil {
			return nil, err
		}
	}
	if !trial {
		if err := orderPaid(c, inst, orderID); err != nil {
			return nil, err
		}
	}
	return res, nil
}

func retriesParam(c *Call) int {
	n, err := strconv.Atoi(c.Params.Get("SpiRetries"))
	if err != nil || n < 1 || n > 120 {
		return 5
	}
	return n
}

// licenseCode mints a code in the marketplace's shape.
func licenseCode() string {
	return strings.ToUpper(randomString(14)) + "-" + strings.ToUpper(randomString(8)) + "_" + strings.ToUpper(randomString(40))
}

func spiContext(inst *instanceRow, orderID int64) spi.Context {
	return spi.Context{
		AliUID: strconv.FormatInt(inst.AliUID, 10), OrderBizID: strconv.FormatInt(inst.BizID, 10), OrderID: strconv.FormatInt(orderID, 10),
		ProductCode: inst.ProductCode, SkuID: inst.SkuCode, Trial: inst.Trial, ExpiredOn: time.UnixMilli(inst.EndOn),
		InstanceID: isvOrOwn(inst), Now: time.Now(),
	}
}

func isvOrOwn(inst *instanceRow) string {
	if inst.IsvID != "" {
		return inst.IsvID
	}
	return strconv.FormatInt(inst.ID, 10)
}

// Calls to the vendor's production URL never run inside a write transaction: one slow vendor
// would hold every other writer of the sandbox. An action records its intent (the instance in
// its new state and a pending spi_calls row) in its own transaction and schedules the call with
// AfterCommit; the call runs with the request's context and a deadline; its outcome (the calls
// made, what the vendor answered, a failed notification) is recorded in a second transaction.

// spiCallTimeout bounds one call to the vendor; the request's own context may end it sooner.
const spiCallTimeout = 6 * time.Second

// spiAttempt is one call made to the vendor.
type spiAttempt struct {
	action, url string
	status      int
	answer      string
	errText     string
	at          int64
}

// vendorCall is an SPI call decided on inside a transaction.
type vendorCall struct {
	inst    instanceRow // a copy: the state the call describes
	orderID int64
	url     string
	action  string
	params  map[string][]string
	// tries > 1 repeats the call while the vendor answers instanceId=0 (createInstance only).
	tries int
}

// scheduleSPI records the intent of call and runs it after the commit; done, when not nil,
// receives the decoded answer (or the problem) inside the transaction that records the outcome.
func scheduleSPI(c *Call, vc vendorCall, out *marketapi.SpiOutcome, done func(c *Call, a spi.Answer, failed bool) error) error {
	res, err := c.Tx.Exec(`INSERT INTO spi_calls (instance_id, action, url, status, answer, error, at) VALUES (?, ?, ?, 0, '', 'pending', ?)`,
		vc.inst.ID, vc.action, vc.url, c.Now.UnixMilli())
	if err != nil {
		return err
	}
	pendingID, err := res.LastInsertId()
	if err != nil {
		return err
	}
	c.AfterCommit(func(ctx context.Context) error {
		key, err := c.Store.SPIKey()
		if err != nil {
			return err
		}
		attempts, answer, problem := callVendor(ctx, key, vc, c.Now)
		out.Calls = len(attempts)
		out.Error = problem
		// The outcome is recorded even when the caller has gone away.
		return c.Store.tx(context.WithoutCancel(ctx), func(tx *sql.Tx) error {
			c2 := c.inTx(tx)
			if _, err := tx.Exec(`DELETE FROM spi_calls WHERE id = ?`, pendingID); err != nil {
				return err
			}
			for _, a := range attempts {
				if _, err := tx.Exec(`INSERT INTO spi_calls (instance_id, action, url, status, answer, error, at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
					vc.inst.ID, a.action, a.url, a.status, a.answer, a.errText, a.at); err != nil {
					return err
				}
			}
			// Failed notifications are message deliveries (orderPay), as production lists them;
			// a failed instance call is recorded above and leaves the instance where it was.
			if problem != "" && vc.action == spi.OrderPay {
				if err := failedNotification(c2, vc.action, &vc.inst, vc.orderID); err != nil {
					return err
				}
			}
			if done != nil {
				return done(c2, answer, problem != "")
			}
			return nil
		})
	})
	return nil
}

// callVendor makes the call (repeating a createInstance answered instanceId=0, with backoff)
// and says what broke the protocol, if anything.
func callVendor(ctx context.Context, key string, vc vendorCall, now time.Time) (attempts []spiAttempt, answer spi.Answer, problem string) {
	caller := &spi.Caller{Key: key, Timeout: spiCallTimeout - time.Second}
	delay := 50 * time.Millisecond
	for {
		cctx, cancel := context.WithTimeout(ctx, spiCallTimeout)
		ex := caller.Call(cctx, vc.url, vc.params)
		cancel()
		a, probs := spi.Decode(ex)
		at := spiAttempt{action: ex.Action, url: ex.URL, status: ex.Status, answer: truncateStr(string(ex.Body), 4000), at: now.UnixMilli()}
		if len(probs) > 0 {
			at.errText = string(probs[0])
		}
		attempts = append(attempts, at)
		switch {
		case len(probs) > 0:
			return attempts, a, string(probs[0])
		case a.Pending() && len(attempts) < vc.tries:
			t := time.NewTimer(delay)
			select {
			case <-ctx.Done():
				t.Stop()
				return attempts, a, ctx.Err().Error()
			case <-t.C:
			}
			delay = min(2*delay, time.Second)
		case a.Pending():
			return attempts, a, "still instanceId=0 after " + strconv.Itoa(len(attempts)) + " calls"
		default:
			return attempts, a, ""
		}
	}
}

func truncateStr(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}

// createViaSPI schedules createInstance, retried while the answer is instanceId=0; what the
// vendor answers opens the instance (and is reported in res), a failure becomes a failed
// notification.
func createViaSPI(c *Call, r *sellerRow, inst *instanceRow, tries int, res *marketapi.Purchase) error {
	out := &marketapi.SpiOutcome{Action: spi.CreateInstance}
	res.Spi = out
	vc := vendorCall{inst: *inst, orderID: inst.OrderID, url: r.ProductionURL, action: spi.CreateInstance,
		params: spi.Params(spi.CreateInstance, spiContext(inst, inst.OrderID)), tries: tries}
	return scheduleSPI(c, vc, out, func(c *Call, a spi.Answer, failed bool) error {
		if failed {
			return nil
		}
		cur, err := loadInstance(c, strconv.FormatInt(inst.ID, 10))
		if err != nil {
			return err
		}
		cur.IsvID, cur.Status = a.InstanceID, "OPENED"
		out.IsvInstanceId = a.InstanceID
		if a.AppInfo != nil {
			b, _ := json.Marshal(a.AppInfo)
			cur.AppJSON = string(b)
		}
		if a.HostInfo != nil {
			b, _ := json.Marshal(a.HostInfo)
			cur.HostJSON = string(b)
		}
		res.Status = cur.Status
		return saveInstance(c, cur)
	})
}

func failedNotification(c *Call, action string, inst *instanceRow, orderID int64) error {
	// Production's message carries every value as a string.
	msg, _ := json.Marshal(map[string]string{
		"productCode": inst.ProductCode, "orderId": strconv.FormatInt(orderID, 10), "orderBizId": strconv.FormatInt(inst.BizID, 10),
		"action": action, "aliUid": strconv.FormatInt(inst.AliUID, 10), "skuId": inst.SkuCode,
	})
	_, err := c.Tx.Exec(`INSERT INTO notifications (id, action, message, created_at) VALUES (?, ?, ?, ?)`,
		strings.ToLower(randomString(32)), action, string(msg), c.Now.UnixMilli())
	return err
}

// orderPaid sends the orderPay message for a paid order to the product's production URL (the
// message SPI, after the instance call); a delivery that fails is a failed notification, which
// the vendor reads with DescribeFailedNotifications and confirms.
func orderPaid(c *Call, inst *instanceRow, orderID int64) error {
	r, err := loadProduct(c, inst.ProductCode)
	if err != nil || r.ProductionURL == "" || (r.typ() == rules.TypeSaaS && r.DeliveryMode != rules.DeliverySPI) {
		return nil
	}
	sc := spiContext(inst, orderID)
	sc.RequestID = strings.ToLower(uuid.NewString())
	vc := vendorCall{inst: *inst, orderID: orderID, url: r.ProductionURL, action: spi.OrderPay, params: spi.Params(spi.OrderPay, sc), tries: 1}
	return scheduleSPI(c, vc, &marketapi.SpiOutcome{Action: spi.OrderPay}, nil)
}

// lifecycleSPI schedules a lifecycle call when the product has a production URL; failures
// become failed notifications.
func lifecycleSPI(c *Call, inst *instanceRow, orderID int64, action string, mutate func(*spi.Context)) (*marketapi.SpiOutcome, error) {
	r, err := loadProduct(c, inst.ProductCode)
	if err != nil || r.ProductionURL == "" || (r.typ() == rules.TypeSaaS && r.DeliveryMode != rules.DeliverySPI) {
		return nil, nil
	}
	sc := spiContext(inst, orderID)
	if mutate != nil {
		mutate(&sc)
	}
	out := &marketapi.SpiOutcome{Action: action}
	vc := vendorCall{inst: *inst, orderID: orderID, url: r.ProductionURL, action: action, params: spi.Params(action, sc), tries: 1}
	return out, scheduleSPI(c, vc, out, nil)
}

func sandboxRenew(c *Call) (any, error) {
	inst, err := loadInstance(c, c.Params.Get("InstanceId"))
	if err != nil {
		return nil, err
	}
	if inst.Status == "CLOSED" {
		return nil, Errf(400, "IncorrectInstanceStatus", "Instance %d is released.", inst.ID)
	}
	r, err := loadProduct(c, inst.ProductCode)
	if err != nil {
		return nil, err
	}
	plan, err := planFor(c, r, inst.SkuCode, c.Params.Get("Period"))
	if err != nil {
		return nil, err
	}
	from := time.UnixMilli(max(inst.EndOn, c.Now.UnixMilli()))
	inst.EndOn = addPeriod(from, plan.period).UnixMilli()
	if inst.Status == "EXPIRED" {
		inst.Status = "OPENED"
	}
	orderID, err := newOrder(c, inst, "RENEW", inst.SkuCode, &plan.period, periodPrice(plan.sku, plan.period), "BALANCE")
	if err != nil {
		return nil, err
	}
	if err := saveInstance(c, inst); err != nil {
		return nil, err
	}
	out, err := lifecycleSPI(c, inst, orderID, spi.RenewInstance, nil)
	if err != nil {
		return nil, err
	}
	if err := orderPaid(c, inst, orderID); err != nil {
		return nil, err
	}
	return marketapi.Purchase{OrderId: orderID, OrderBizId: inst.BizID, InstanceId: inst.ID, Status: inst.Status, EndOn: millis(inst.EndOn), Spi: out}, nil
}

func sandboxUpgrade(c *Call) (any, error) {
	inst, err := loadInstance(c, c.Params.Get("InstanceId"))
	if err != nil {
		return nil, err
	}
	r, err := loadProduct(c, inst.ProductCode)
	if err != nil {
		return nil, err
	}
	sku := c.Params.Get("SkuCode")
	if sku == "" {
		return nil, missingParam("SkuCode")
	}
	plan, err := planFor(c, r, sku, "")
	if err != nil {
		return nil, err
	}
	inst.SkuCode = plan.skuCode
	orderID, err := newOrder(c, inst, "UPGRADE", plan.skuCode, nil, plan.sku, "BALANCE")
	if err != nil {
		return nil, err
	}
	if err := saveInstance(c, inst); err != nil {
		return nil, err
	}
	out, err := lifecycleSPI(c, inst, orderID, spi.UpgradeInstance, nil)
	if err != nil {
		return nil, err
	}
	if err := orderPaid(c, inst, orderID); err != nil {
		return nil, err
	}
	return marketapi.Purchase{OrderId: orderID, OrderBizId: inst.BizID, InstanceId: inst.ID, Status: inst.Status, EndOn: millis(inst.EndOn), Spi: out}, nil
}

func sandboxExpire(c *Call) (any, error) {
	inst, err := loadInstance(c, c.Params.Get("InstanceId"))
	if err != nil {
		return nil, err
	}
	out, err := expire(c, inst)
	if err != nil {
		return nil, err
	}
	return marketapi.Purchase{OrderId: inst.OrderID, OrderBizId: inst.BizID, InstanceId: inst.ID, Status: inst.Status, EndOn: millis(inst.EndOn), Spi: out}, nil
}

// expire ends an instance the way the marketplace does: the instance and its license expire
// together, and the vendor is told (expiredInstance; a failed call becomes a failed
// notification).
func expire(c *Call, inst *instanceRow) (*marketapi.SpiOutcome, error) {
	inst.Status = "EXPIRED"
	inst.EndOn = min(inst.EndOn, c.Now.UnixMilli())
	if err := saveInstance(c, inst); err != nil {
		return nil, err
	}
	if inst.License != "" {
		if _, err := c.Tx.Exec(`UPDATE licenses SET status = 'EXPIRED' WHERE code = ?`, inst.License); err != nil {
			return nil, err
		}
	}
	return lifecycleSPI(c, inst, inst.OrderID, spi.ExpiredInstance, nil)
}

// expireDue expires every running instance whose end has passed at the call's time: moving the
// clock past an instance's end is the same as SandboxExpire on it.
func expireDue(c *Call) error {
	rows, err := c.Tx.Query(`SELECT `+instanceColumns+` FROM instances WHERE end_on <= ? AND status IN ('OPENING', 'OPENED', 'READYING', 'STARTED', 'CONFIRM', 'USING')`, c.Now.UnixMilli())
	if err != nil {
		return err
	}
	var due []*instanceRow
	for rows.Next() {
		r, err := scanInstance(rows)
		if err != nil {
			rows.Close()
			return err
		}
		due = append(due, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, inst := range due {
		if inst.AutoRenew != "" && !inst.Trial {
			if err := autoRenew(c, inst); err != nil {
				return err
			}
			continue
		}
		if _, err := expire(c, inst); err != nil {
			return err
		}
	}
	return nil
}

func sandboxRelease(c *Call) (any, error) {
	inst, err := loadInstance(c, c.Params.Get("InstanceId"))
	if err != nil {
		return nil, err
	}
	refund := c.boolParam("IsRefund")
	inst.Status = "CLOSED"
	if err := saveInstance(c, inst); err != nil {
		return nil, err
	}
	if refund {
		if _, err := c.Tx.Exec(`UPDATE orders SET order_status = 'REFUND' WHERE instance_id = ?`, inst.ID); err != nil {
			return nil, err
		}
	}
	if inst.License != "" {
		if _, err := c.Tx.Exec(`UPDATE licenses SET status = 'DISCARD' WHERE code = ?`, inst.License); err != nil {
			return nil, err
		}
	}
	out, err := lifecycleSPI(c, inst, inst.OrderID, spi.ReleaseInstance, func(sc *spi.Context) { sc.IsRefund = refund })
	if err != nil {
		return nil, err
	}
	return marketapi.Purchase{OrderId: inst.OrderID, OrderBizId: inst.BizID, InstanceId: inst.ID, Status: inst.Status, EndOn: millis(inst.EndOn), Spi: out}, nil
}

// sandboxRefund refunds the latest renewal that has not taken effect (refundRenewInstance).
func sandboxRefund(c *Call) (any, error) {
	inst, err := loadInstance(c, c.Params.Get("InstanceId"))
	if err != nil {
		return nil, err
	}
	var orderID int64
	var spec string
	err = c.Tx.QueryRow(`SELECT id, period_spec FROM orders WHERE instance_id = ? AND order_type = 'RENEW' AND order_status = 'NORMAL' ORDER BY id DESC LIMIT 1`, inst.ID).Scan(&orderID, &spec)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, Errf(400, "IncorrectInstanceStatus", "Instance %d has no renewal to refund.", inst.ID)
	}
	if err != nil {
		return nil, err
	}
	r, err := loadProduct(c, inst.ProductCode)
	if err != nil {
		return nil, err
	}
	// The refund takes back the period that renewal bought (an order written before periods
	// were kept: the product's default, what SandboxRenew uses without Period).
	plan, err := planFor(c, r, inst.SkuCode, spec)
	if err != nil {
		return nil, err
	}
	inst.EndOn = addPeriod(time.UnixMilli(inst.EndOn), rules.Period{N: -plan.period.N, Unit: plan.period.Unit}).UnixMilli()
	if _, err := c.Tx.Exec(`UPDATE orders SET order_status = 'REFUND' WHERE id = ?`, orderID); err != nil {
		return nil, err
	}
	if err := saveInstance(c, inst); err != nil {
		return nil, err
	}
	out, err := lifecycleSPI(c, inst, orderID, spi.RefundRenewInstance, nil)
	if err != nil {
		return nil, err
	}
	return marketapi.Purchase{OrderId: orderID, OrderBizId: inst.BizID, InstanceId: inst.ID, Status: inst.Status, EndOn: millis(inst.EndOn), Spi: out}, nil
}
