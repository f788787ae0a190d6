package sandbox

import (
	"encoding/json"
	"strconv"
	"time"

	"github.com/mkt-cli/mkt/internal/marketapi"
)

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
			if err := c.Tx.QueryRow(`SELECT COALESCE(MAX(received_at), 0) FROM metering WHERE instance_id = ?`, inst.ID).Scan(&last); err != nil {
				return nil, err
			}
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
