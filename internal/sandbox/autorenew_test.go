package sandbox

import (
	"context"
	"fmt"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/spi"
)

// AutoRenewInstance as the metadata documents it, and what it does: at its end an instance with
// auto-renewal on is renewed (a RENEW order, renewInstance to the vendor), not expired.
func TestAutoRenewInstance(t *testing.T) {
	store, s := newSeller(t, "en")
	key, _ := store.SPIKey()
	rec := &spiLog{}
	isv := httptest.NewServer(&spi.Listener{Key: key, Events: rec.add})
	defer isv.Close()
	prod := listedProduct(t, s, url.Values{"DeliveryMode": {"spi"}, "ProductionUrl": {isv.URL + "/spi"}})
	buy := purchase(t, s, "SandboxPurchase", url.Values{"Code": {prod.Code}, "Period": {"1m"}})
	biz := fmt.Sprint(buy.OrderBizId)

	for _, tc := range []struct {
		name string
		p    url.Values
		want string
	}{
		{"no Type", url.Values{"OrderBizId": {biz}}, "MissingParameter"},
		{"no OrderBizId", url.Values{"Type": {"close"}}, "MissingParameter"},
		{"Type neither open nor close", url.Values{"OrderBizId": {biz}, "Type": {"on"}}, "IllegalParameter"},
		{"open without a cycle", url.Values{"OrderBizId": {biz}, "Type": {"open"}, "AutoRenewDuration": {"1"}}, "MissingParameter"},
		{"open without a duration", url.Values{"OrderBizId": {biz}, "Type": {"open"}, "AutoRenewCycle": {"Year"}}, "MissingParameter"},
		{"a cycle not documented", url.Values{"OrderBizId": {biz}, "Type": {"open"}, "AutoRenewCycle": {"Week"}, "AutoRenewDuration": {"1"}}, "IllegalParameter"},
		{"a duration of 0", url.Values{"OrderBizId": {biz}, "Type": {"open"}, "AutoRenewCycle": {"Year"}, "AutoRenewDuration": {"0"}}, "IllegalParameter"},
		{"an unknown instance", url.Values{"OrderBizId": {"77777777"}, "Type": {"close"}}, "IllegalPermission"},
	} {
		if err := s.do("AutoRenewInstance", tc.p, nil); code(err) != tc.want {
			t.Errorf("%s: %v, want %s", tc.name, err, tc.want)
		}
	}
	if err := s.do("AutoRenewInstance", url.Values{"OrderBizId": {biz}, "Type": {"open"}, "AutoRenewCycle": {"Month"}, "AutoRenewDuration": {"3"}}, nil); err != nil {
		t.Fatal(err)
	}
	get := func() marketapi.InstanceForIsv {
		var inst marketapi.InstanceForIsv
		if err := s.c.Call(context.Background(), market.Request{Action: "DescribeInstanceForIsv", Query: url.Values{"InstanceId": {fmt.Sprint(buy.InstanceId)}}}, &inst); err != nil {
			t.Fatal(err)
		}
		return inst
	}
	if got := get().AutoRenewal; got != `{"autoRenewCycle":"Month","autoRenewDuration":3}` {
		t.Errorf("AutoRenewal %q", got)
	}
	// 32 days on, past the 1-month end: renewed by 3 months, not expired.
	if err := s.do("SandboxAdvanceClock", url.Values{"Duration": {"32d"}}, nil); err != nil {
		t.Fatal(err)
	}
	inst := get()
	end, _ := time.Parse(time.RFC3339, buy.EndOn)
	if inst.Status != "OPENED" || time.UnixMilli(inst.EndOn).Sub(end) < 89*24*time.Hour {
		t.Errorf("after its end with auto-renewal: %s until %s (bought until %s)", inst.Status, time.UnixMilli(inst.EndOn), end)
	}
	if got := strings.Join(rec.actions(), " "); got != "createInstance orderPay renewInstance orderPay" {
		t.Errorf("the vendor saw: %s", got)
	}
	var orders int
	store.db.QueryRow(`SELECT COUNT(*) FROM orders WHERE instance_id = ? AND order_type = 'RENEW' AND period_spec = '3m'`, buy.InstanceId).Scan(&orders)
	if orders != 1 {
		t.Errorf("%d RENEW orders of 3m", orders)
	}
	// Off (the instance ID works too, as production's instance IDs are its orderBizIds): expires.
	if err := s.do("AutoRenewInstance", url.Values{"OrderBizId": {fmt.Sprint(buy.InstanceId)}, "Type": {"close"}}, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.do("SandboxAdvanceClock", url.Values{"Duration": {"100d"}}, nil); err != nil {
		t.Fatal(err)
	}
	if inst := get(); inst.Status != "EXPIRED" || inst.AutoRenewal != "" {
		t.Errorf("after auto-renewal off: %s, %q", inst.Status, inst.AutoRenewal)
	}
	// An expired instance does not take auto-renewal.
	if err := s.do("AutoRenewInstance", url.Values{"OrderBizId": {biz}, "Type": {"open"}, "AutoRenewCycle": {"Year"}, "AutoRenewDuration": {"1"}}, nil); code(err) != "IncorrectInstanceStatus" {
		t.Errorf("auto-renewal of an expired instance: %v", err)
	}
}
