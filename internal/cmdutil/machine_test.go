package cmdutil

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestCamelCase(t *testing.T) {
	for in, want := range map[string]string{
		"Code": "code", "CategoryId": "categoryId", "URL": "url", "HTTPStatus": "httpStatus", "SKUs": "skus",
		"ID": "id", "AliUid": "aliUid", "already": "already", "meteringAssit": "meteringAssit", "X": "x",
		"NotificationRequestId": "notificationRequestId",
	} {
		if got := CamelCase(in); got != want {
			t.Errorf("CamelCase(%q) = %q, want %q", in, got, want)
		}
	}
}

type inner struct{ ShopName string }

type wire struct {
	Id          int64
	CreatedOn   int64  `mkt:"time"`
	EndOn       int64  `mkt:"time"`
	ExpiredTime string `mkt:"time"`
	PaidTime    string `mkt:"time"`
	AutoRenewal string `mkt:"json"`
	Trial       string `mkt:"bool"`
	Off         string `mkt:"json"`
	Note        string `json:"note,omitempty"`
	Hidden      string `json:"-"`
	When        time.Time
	Never       time.Time
	Params      map[string]string
	Raw         json.RawMessage
	Ptr         *inner
	inner
}

// The contract for any model: camelCase names in declaration order (promoted fields after),
// times as RFC 3339 UTC (epoch ms, Beijing wall time, time.Time), unset times null, "true"
// strings as booleans, map keys and raw JSON untouched.
func TestMachine(t *testing.T) {
	w := wire{Id: 200000000000001, CreatedOn: 1796067072928, ExpiredTime: "2026-12-31 03:31:12", PaidTime: "2026-12-01T08:00:00+08:00",
		AutoRenewal: `{"autoRenewCycle":"Month","autoRenewDuration":3}`, Trial: "true", Hidden: "x", When: time.Date(2026, 12, 1, 8, 0, 0, 0, time.FixedZone("CST", 8*3600)),
		Params: map[string]string{"Zed": "1", "aliUid": "2"}, Raw: json.RawMessage(`{"B":1,"A":[true]}`), Ptr: &inner{"p"}, inner: inner{"s"}}
	b, err := json.Marshal(Machine(w))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"id":200000000000001,"createdOn":"2026-11-30T19:31:12Z","endOn":null,"expiredTime":"2026-12-30T19:31:12Z",` +
		`"paidTime":"2026-12-01T00:00:00Z","autoRenewal":{"autoRenewCycle":"Month","autoRenewDuration":3},"trial":true,"off":null,"when":"2026-12-01T00:00:00Z","never":null,` +
		`"params":{"Zed":"1","aliUid":"2"},"raw":{"B":1,"A":[true]},"ptr":{"shopName":"p"},"shopName":"s"}`
	if string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
	// A list of nothing is [], never null.
	if b, _ := json.Marshal(Machine([]wire(nil))); string(b) != "[]" {
		t.Errorf("nil list: %s", b)
	}
}

// csv has the type's columns even for an omitted field, nested objects as dotted columns and
// lists as JSON; tsv has no header and no tab or line break inside a cell.
func TestRecords(t *testing.T) {
	type row struct {
		Name  string            `json:"name"`
		Note  string            `json:"note,omitempty"`
		Shop  inner             `json:"shop"`
		Tags  []string          `json:"tags"`
		Extra map[string]string `json:"extra"`
	}
	rows := []row{{Name: "a,b", Shop: inner{"s"}, Tags: []string{"x"}}, {Name: "tab\there\nnew", Note: "n", Extra: map[string]string{"k": "v"}}}
	var buf bytes.Buffer
	if err := writeRecords(&buf, "csv", rows); err != nil {
		t.Fatal(err)
	}
	want := "name,note,shop.shopName,tags,extra\n\"a,b\",,s,\"[\"\"x\"\"]\",{}\n\"tab\there\nnew\",n,,[],\"{\"\"k\"\":\"\"v\"\"}\"\n"
	if buf.String() != want {
		t.Errorf("csv:\n%q\nwant\n%q", buf.String(), want)
	}
	buf.Reset()
	if err := writeRecords(&buf, "tsv", rows); err != nil {
		t.Fatal(err)
	}
	if lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n"); len(lines) != 2 || strings.Count(lines[1], "\t") != 4 || !strings.HasPrefix(lines[1], "tab here new\tn") {
		t.Errorf("tsv: %q", buf.String())
	}
	// An empty list still has its header.
	buf.Reset()
	writeRecords(&buf, "csv", []row{})
	if buf.String() != "name,note,shop.shopName,tags,extra\n" {
		t.Errorf("empty csv: %q", buf.String())
	}
}
