package sandbox

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/rules"
)

// --- Metering (docs/spi.md, Metering) ---------------------------------------------------------------

// MeteringInterval is the least time between two pushes for one instance.
const MeteringInterval = 60 * time.Second

func pushMeteringData(c *Call) (any, error) {
	raw := c.Params.Get("Metering")
	if raw == "" {
		return nil, Errf(400, "Invalid.Parameter.Metering", "Metering is empty.")
	}
	var recs []meteringRecord
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
		inst, err := loadInstance(c, string(rec.InstanceId))
		if err != nil {
			return nil, Errf(500, "Invalid.Parameter.Instance", "Record %d: instance %q does not exist.", i+1, rec.InstanceId)
		}
		if product == "" {
			product = inst.ProductCode
		} else if product != inst.ProductCode {
			return nil, Errf(400, "Invalid.Parameter", "All instances of one request must belong to one product (%s, %s).", product, inst.ProductCode)
		}
		if err := meteredProduct(c, i, inst.ProductCode); err != nil {
			return nil, err
		}
		start, err1 := strconv.ParseInt(string(rec.StartTime), 10, 64)
		end, err2 := strconv.ParseInt(string(rec.EndTime), 10, 64)
		switch {
		case err1 != nil || err2 != nil || end <= start:
			return nil, Errf(400, "Invalid.Parameter.Metering", "Record %d: StartTime and EndTime are Unix seconds with EndTime after StartTime.", i+1)
		case end-start < MinMeteringWindow:
			return nil, Errf(400, "Invalid.Parameter.Metering", "Record %d: the window is %d s; it must be at least %d s (5 minutes).", i+1, end-start, MinMeteringWindow)
		case end > c.Now.Unix():
			return nil, Errf(400, "Invalid.Parameter.Metering", "Record %d: EndTime %d is in the future; usage is pushed after it happens.", i+1, end)
		}
		if len(rec.Entities) == 0 {
			return nil, Errf(400, "Invalid.Parameter.Metering", "Record %d has no Entities.", i+1)
		}
		for _, e := range rec.Entities {
			if e.MeteringAssit == "" {
				return nil, Errf(400, "Invalid.Parameter.Metering", "meteringAssit is empty")
			}
			if !slices.Contains(MeteringKeys, e.Key) {
				return nil, Errf(400, "Invalid.Parameter.Metering", "Record %d: unknown entity key %q; the keys are %s.", i+1, e.Key, strings.Join(MeteringKeys, ", "))
			}
			if !strings.HasPrefix(e.MeteringAssit, inst.ProductCode+"-"+e.Key+"-") {
				return nil, Errf(400, "Invalid.Parameter.Metering", "Record %d: meteringAssit %q is not a %s metering item of %s (%s-%s-<n>, as the seller console shows it).",
					i+1, e.MeteringAssit, e.Key, inst.ProductCode, inst.ProductCode, e.Key)
			}
			if n, err := strconv.ParseInt(string(e.Value), 10, 64); err != nil || n < 0 {
				return nil, Errf(400, "Invalid.Parameter.Metering", "Record %d: Value %q must be a non-negative integer.", i+1, e.Value)
			}
		}
		if !seen[inst.ID] {
			seen[inst.ID] = true
			var last int64
			if err := c.Tx.QueryRow(`SELECT COALESCE(MAX(received_at), 0) FROM metering WHERE instance_id = ?`, inst.ID).Scan(&last); err != nil {
				return nil, err
			}
			if last != 0 && c.Now.UnixMilli()-last < MeteringInterval.Milliseconds() {
				return nil, Errf(500, "Service.Flow.Control", "Instance %d was metered less than 60 s ago: one request per instance every 60 s.", inst.ID)
			}
		}
	}
	for _, rec := range recs {
		id, _ := strconv.ParseInt(string(rec.InstanceId), 10, 64)
		start, _ := strconv.ParseInt(string(rec.StartTime), 10, 64)
		end, _ := strconv.ParseInt(string(rec.EndTime), 10, 64)
		ents := make([]marketapi.MeteringEntity, len(rec.Entities))
		for i, e := range rec.Entities {
			ents[i] = marketapi.MeteringEntity{Key: e.Key, Value: string(e.Value), MeteringAssit: e.MeteringAssit}
		}
		b, _ := json.Marshal(ents)
		if _, err := c.Tx.Exec(`INSERT INTO metering (instance_id, start_time, end_time, entities, received_at) VALUES (?, ?, ?, ?, ?)`,
			id, start, end, string(b), c.Now.UnixMilli()); err != nil {
			return nil, err
		}
	}
	return map[string]any{"Success": true}, nil
}

// MinMeteringWindow is the shortest window a record may cover, in seconds: products billed in
// real time accept shorter ones, and the sandbox has none.
const MinMeteringWindow = 300

// MeteringKeys are the entity keys the marketplace meters (market-api-facts §1.5).
var MeteringKeys = []string{"Frequency", "Period", "Storage", "NetworkOut", "NetworkIn", "Character", "DailyActiveUser",
	"PeriodMin", "VirtualCpu", "Unit", "Memory", "KTokens", "Suit", "StorageGigaByte"}

// meteredProduct refuses usage for products the marketplace does not meter: licenses and
// services are bought for a period, not by use.
func meteredProduct(c *Call, i int, code string) error {
	r, err := loadProduct(c, code)
	if err != nil {
		return err
	}
	if r.typ() == rules.TypeService || r.DeliveryMode == "license" {
		return Errf(500, "Invalid.Parameter.Instance", "Record %d: %s is not a metered product (licenses and services are bought for a period).", i+1, code)
	}
	return nil
}

// flexInt is an integer the metadata types as a string or an integer: both are accepted.
type flexInt string

func (f *flexInt) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*f = flexInt(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return err
	}
	*f = flexInt(n)
	return nil
}

// meteringRecord is a Metering record as the sandbox reads it: numbers as strings or numbers.
type meteringRecord struct {
	InstanceId, StartTime, EndTime flexInt
	Entities                       []struct {
		Key           string
		Value         flexInt
		MeteringAssit string `json:"meteringAssit"`
	}
}
