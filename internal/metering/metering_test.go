package metering

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/marketapi"
)

func TestReadCSVMergesEntities(t *testing.T) {
	csv := `instance_id,start_time,end_time,key,value,metering_assit
10000001,1700000000,1700000600,Frequency,42,a-Frequency-1
10000001,1700000000,1700000600,Storage,1024,a-Storage-2
10000002,1700000000,1700000600,Frequency,7,a-Frequency-1
`
	recs, err := Read("usage.csv", strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || len(recs[0].Entities) != 2 || recs[0].Entities[1].MeteringAssit != "a-Storage-2" {
		t.Fatalf("%+v", recs)
	}
	for name, bad := range map[string]string{
		"header":   "instance,start,end\n1,2,3\n",
		"window":   "instance_id,start_time,end_time,key,value,metering_assit\n1,20,10,F,1,a\n",
		"negative": "instance_id,start_time,end_time,key,value,metering_assit\n1,10,20,F,-1,a\n",
		"assit":    "instance_id,start_time,end_time,key,value,metering_assit\n1,10,20,F,1,\n",
	} {
		if _, err := Read("u.csv", strings.NewReader(bad)); err == nil {
			t.Errorf("%s accepted", name)
		}
	}
	recs, err = Read("u.json", strings.NewReader(`[{"InstanceId":"1","StartTime":"10","EndTime":"20","Entities":[{"Key":"F","Value":"1","meteringAssit":"a"}]}]`))
	if err != nil || len(recs) != 1 {
		t.Fatalf("json: %v %v", recs, err)
	}
}

func TestPlanBatchesByProductAndSize(t *testing.T) {
	var recs []marketapi.MeteringRecord
	for i := 0; i < 250; i++ {
		recs = append(recs, marketapi.MeteringRecord{InstanceId: fmt.Sprint(i % 3), StartTime: fmt.Sprint(i), EndTime: fmt.Sprint(i + 1)})
	}
	product := func(id string) string {
		if id == "2" {
			return "cmgjB"
		}
		return "cmgjA"
	}
	batches := Plan(recs, product)
	total := 0
	for _, b := range batches {
		if len(b.Records) > MaxRecords {
			t.Errorf("batch of %d", len(b.Records))
		}
		for _, r := range b.Records {
			if product(r.InstanceId) != b.Product {
				t.Errorf("record of %s in a %s batch", product(r.InstanceId), b.Product)
			}
		}
		total += len(b.Records)
	}
	if total != 250 || len(batches) != 3 { // 167 of A (100+67) and 83 of B
		t.Errorf("%d records in %d batches", total, len(batches))
	}
}

func TestJournalMakesAPushResumable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "usage.progress")
	j, _ := OpenJournal(path)
	r := marketapi.MeteringRecord{InstanceId: "1", StartTime: "10", EndTime: "20"}
	if j.Done(r) {
		t.Fatal("done before recording")
	}
	if err := j.Record([]marketapi.MeteringRecord{r}); err != nil {
		t.Fatal(err)
	}
	again, _ := OpenJournal(path)
	if !again.Done(r) || again.Done(marketapi.MeteringRecord{InstanceId: "2"}) {
		t.Error("journal not reread")
	}
}
