package sandbox

import (
	"database/sql"
	"encoding/json"
	"errors"
	"strconv"
	"time"

	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/rules"
	"github.com/mkt-cli/mkt/internal/spi"
)

// Auto-renewal (AutoRenewInstance). The public metadata documents the parameters: Type open or
// close; OrderBizId "the marketplace's instance ID" (云市场实例id) — production's instance IDs
// are its orderBizIds, the sandbox's are not, so it takes either;
// AutoRenewCycle Day, Month or Year and AutoRenewDuration, both required to open. An instance
// with auto-renewal on is renewed, not expired, when the clock reaches its end.

// autoRenewal is the AutoRenewal string DescribeInstance shows.
type autoRenewal struct {
	Cycle    string `json:"autoRenewCycle"`
	Duration int    `json:"autoRenewDuration"`
}

// MaxAutoRenewDuration bounds AutoRenewDuration (cycles per renewal).
const MaxAutoRenewDuration = 36

var renewUnits = map[string]byte{"Day": 'd', "Month": 'm', "Year": 'y'}

func autoRenewInstance(c *Call) (any, error) {
	raw := c.Params.Get("OrderBizId")
	if raw == "" {
		return nil, missingParam("OrderBizId")
	}
	biz, err := strconv.ParseInt(raw, 10, 64)
	if err != nil {
		return nil, Errf(400, "IllegalParameter", "OrderBizId must be a number: the orderBizId of the instance.")
	}
	inst, err := scanInstance(c.Tx.QueryRow(`SELECT `+instanceColumns+` FROM instances WHERE biz_id = ? OR id = ? LIMIT 1`, biz, biz))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, Errf(400, "IllegalPermission", "The caller is not allowed to see this resource, or it does not exist.")
	}
	if err != nil {
		return nil, err
	}
	switch c.Params.Get("Type") {
	case "":
		return nil, missingParam("Type")
	case "close":
		inst.AutoRenew = ""
	case "open":
		ar, err := renewalOf(c.Params.Get("AutoRenewCycle"), c.Params.Get("AutoRenewDuration"))
		if err != nil {
			return nil, err
		}
		switch {
		case inst.Trial:
			return nil, Errf(400, "IncorrectInstanceStatus", "Instance %d is a trial: a trial is not renewed.", inst.ID)
		case inst.Status == "CLOSED" || inst.Status == "EXPIRED":
			return nil, Errf(400, "IncorrectInstanceStatus", "Instance %d is %s: only a running instance renews.", inst.ID, inst.Status)
		}
		b, _ := json.Marshal(ar)
		inst.AutoRenew = string(b)
	default:
		return nil, Errf(400, "IllegalParameter", "Type must be open or close.")
	}
	if err := saveInstance(c, inst); err != nil {
		return nil, err
	}
	return marketapi.AutoRenewAnswer{Success: true, Data: true}, nil
}

func renewalOf(cycle, duration string) (autoRenewal, error) {
	if cycle == "" {
		return autoRenewal{}, missingParam("AutoRenewCycle")
	}
	if _, ok := renewUnits[cycle]; !ok {
		return autoRenewal{}, Errf(400, "IllegalParameter", "AutoRenewCycle must be Day, Month or Year.")
	}
	if duration == "" {
		return autoRenewal{}, missingParam("AutoRenewDuration")
	}
	n, err := strconv.Atoi(duration)
	if err != nil || n < 1 || n > MaxAutoRenewDuration {
		return autoRenewal{}, Errf(400, "IllegalParameter", "AutoRenewDuration must be a whole number of cycles from 1 to %d.", MaxAutoRenewDuration)
	}
	return autoRenewal{Cycle: cycle, Duration: n}, nil
}

// autoRenew renews an instance whose end the clock has reached, by as many of its renewal
// periods as it takes to pass now (a clock moved far ahead renews in one order), at the SKU's
// price, and tells the vendor (renewInstance).
func autoRenew(c *Call, inst *instanceRow) error {
	var ar autoRenewal
	if err := json.Unmarshal([]byte(inst.AutoRenew), &ar); err != nil || renewUnits[ar.Cycle] == 0 || ar.Duration < 1 {
		_, err := expire(c, inst) // a setting this sandbox did not write: expire as without one
		return err
	}
	step := rules.Period{N: ar.Duration, Unit: renewUnits[ar.Cycle]}
	end, k := time.UnixMilli(inst.EndOn), 0
	for !end.After(c.Now) {
		end, k = addPeriod(end, step), k+1
	}
	period := rules.Period{N: ar.Duration * k, Unit: step.Unit}
	r, err := loadProduct(c, inst.ProductCode)
	if err != nil {
		return err
	}
	price := "0.00"
	for _, s := range r.skus() {
		if s.Code == inst.SkuCode {
			price = periodPrice(s.Price, period)
		}
	}
	orderID, err := newOrder(c, inst, "RENEW", inst.SkuCode, &period, price, "BALANCE")
	if err != nil {
		return err
	}
	inst.EndOn = end.UnixMilli()
	if err := saveInstance(c, inst); err != nil {
		return err
	}
	if _, err = lifecycleSPI(c, inst, orderID, spi.RenewInstance, nil); err != nil {
		return err
	}
	return orderPaid(c, inst, orderID)
}
