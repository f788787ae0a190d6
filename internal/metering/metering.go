// Package metering reads usage files and plans PushMeteringData requests by the API's rules
// (docs/spi.md, Metering): at most 100 records per request, one product per request, one request per
// instance every 60 s. A journal of accepted records makes a push resumable.
package metering

import (
	"bufio"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/mkt-cli/mkt/internal/marketapi"
)

// MaxRecords is the most records one request carries.
const MaxRecords = 100

// Read parses a usage file: JSON (an array of records in the API's shape) or CSV with the
// header instance_id,start_time,end_time,key,value,metering_assit (one entity per row; rows of
// one instance and window make one record).
func Read(name string, r io.Reader) ([]marketapi.MeteringRecord, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	trimmed := strings.TrimSpace(string(data))
	if strings.HasPrefix(trimmed, "[") || strings.HasSuffix(strings.ToLower(name), ".json") {
		var recs []marketapi.MeteringRecord
		if err := json.Unmarshal(data, &recs); err != nil {
			return nil, fmt.Errorf("not a JSON array of records: %v", err)
		}
		return recs, validate(recs)
	}
	cr := csv.NewReader(strings.NewReader(trimmed))
	rows, err := cr.ReadAll()
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("empty file")
	}
	want := []string{"instance_id", "start_time", "end_time", "key", "value", "metering_assit"}
	if strings.Join(rows[0], ",") != strings.Join(want, ",") {
		return nil, fmt.Errorf("the first line must be the header %s", strings.Join(want, ","))
	}
	index := map[string]int{}
	var recs []marketapi.MeteringRecord
	for i, row := range rows[1:] {
		if len(row) != len(want) {
			return nil, fmt.Errorf("line %d: %d fields, want %d", i+2, len(row), len(want))
		}
		k := row[0] + "|" + row[1] + "|" + row[2]
		j, ok := index[k]
		if !ok {
			j = len(recs)
			index[k] = j
			recs = append(recs, marketapi.MeteringRecord{InstanceId: row[0], StartTime: row[1], EndTime: row[2]})
		}
		recs[j].Entities = append(recs[j].Entities, marketapi.MeteringEntity{Key: row[3], Value: row[4], MeteringAssit: row[5]})
	}
	return recs, validate(recs)
}

func validate(recs []marketapi.MeteringRecord) error {
	for i, r := range recs {
		start, err1 := strconv.ParseInt(r.StartTime, 10, 64)
		end, err2 := strconv.ParseInt(r.EndTime, 10, 64)
		if _, err := strconv.ParseInt(r.InstanceId, 10, 64); err != nil {
			return fmt.Errorf("record %d: instance %q is not a number", i+1, r.InstanceId)
		}
		if err1 != nil || err2 != nil || end <= start {
			return fmt.Errorf("record %d: start and end are Unix seconds, end after start", i+1)
		}
		if len(r.Entities) == 0 {
			return fmt.Errorf("record %d: no entities", i+1)
		}
		for _, e := range r.Entities {
			if n, err := strconv.ParseInt(e.Value, 10, 64); err != nil || n < 0 {
				return fmt.Errorf("record %d: value %q must be a non-negative integer", i+1, e.Value)
			}
			if e.MeteringAssit == "" {
				return fmt.Errorf("record %d: metering_assit (meteringAssit) is required", i+1)
			}
		}
	}
	return nil
}

// Key identifies a record for the journal.
func Key(r marketapi.MeteringRecord) string {
	b, _ := json.Marshal(r)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16])
}

// Batch is one request: records of one product.
type Batch struct {
	Product   string
	Records   []marketapi.MeteringRecord
	Instances []string
}

// Plan groups records into requests: by product, at most MaxRecords each, in file order.
func Plan(recs []marketapi.MeteringRecord, productOf func(instance string) string) []Batch {
	byProduct := map[string][]marketapi.MeteringRecord{}
	var order []string
	for _, r := range recs {
		p := productOf(r.InstanceId)
		if _, ok := byProduct[p]; !ok {
			order = append(order, p)
		}
		byProduct[p] = append(byProduct[p], r)
	}
	var out []Batch
	for _, p := range order {
		rs := byProduct[p]
		for len(rs) > 0 {
			n := min(len(rs), MaxRecords)
			b := Batch{Product: p, Records: rs[:n]}
			seen := map[string]bool{}
			for _, r := range b.Records {
				if !seen[r.InstanceId] {
					seen[r.InstanceId] = true
					b.Instances = append(b.Instances, r.InstanceId)
				}
			}
			sort.Strings(b.Instances)
			out = append(out, b)
			rs = rs[n:]
		}
	}
	return out
}

// Journal is a push's progress, a file beside the usage file: for each record, that it is
// about to be sent (written and synced before the request goes), then whether the marketplace
// accepted or refused it. A record sent without an outcome — the answer was lost, the process
// was killed — may have been billed: a rerun does not send it again unless told to.
// Lines: "sent KEY", "ok KEY", "refused KEY"; a bare "KEY" (older journals) is "ok KEY".
type Journal struct {
	path  string
	state map[string]string // key → "sent", "ok" or "refused"
}

// OpenJournal reads the journal at path (missing is empty).
func OpenJournal(path string) (*Journal, error) {
	j := &Journal{path: path, state: map[string]string{}}
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return j, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		state, key, ok := strings.Cut(line, " ")
		if !ok {
			state, key = "ok", line
		}
		j.state[key] = state
	}
	return j, sc.Err()
}

// Done reports whether the record was accepted before.
func (j *Journal) Done(r marketapi.MeteringRecord) bool { return j.state[Key(r)] == "ok" }

// Unknown reports whether the record was sent before with no outcome known.
func (j *Journal) Unknown(r marketapi.MeteringRecord) bool { return j.state[Key(r)] == "sent" }

// Intend records that recs are about to be sent.
func (j *Journal) Intend(recs []marketapi.MeteringRecord) error { return j.write("sent", recs) }

// Record records that recs were accepted.
func (j *Journal) Record(recs []marketapi.MeteringRecord) error { return j.write("ok", recs) }

// Refused records that the marketplace refused recs (nothing billed: a rerun may send them).
func (j *Journal) Refused(recs []marketapi.MeteringRecord) error { return j.write("refused", recs) }

// write appends one state line per record and syncs the file.
func (j *Journal) write(state string, recs []marketapi.MeteringRecord) error {
	f, err := os.OpenFile(j.path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	var b strings.Builder
	for _, r := range recs {
		k := Key(r)
		j.state[k] = state
		b.WriteString(state + " " + k + "\n")
	}
	if _, err := f.WriteString(b.String()); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
