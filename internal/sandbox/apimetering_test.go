package sandbox

import (
	"context"
	"fmt"
	"net/url"
	"testing"

	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// DescribeApiMetering: each buyer's calls of each API product, bought and used; the calls stop
// at the quota.
func TestAPIMetering(t *testing.T) {
	_, s := newSeller(t, "en")
	api := listedProduct(t, s, url.Values{"Type": {"API"}, "Name": {"Weather API"}, "ApiGroup": {"weather"}, "ApiPrefix": {"weather-api"}})
	saas := listedProduct(t, s, url.Values{"DeliveryMode": {"license"}, "ActivationUrl": {"https://isv.example.com/a"}})
	a := purchase(t, s, "SandboxPurchase", url.Values{"Code": {api.Code}, "ApiQuota": {"100"}, "AliUid": {"1111"}})
	purchase(t, s, "SandboxPurchase", url.Values{"Code": {api.Code}, "ApiQuota": {"50"}, "AliUid": {"1111"}})
	b := purchase(t, s, "SandboxPurchase", url.Values{"Code": {api.Code}, "AliUid": {"2222"}})
	lic := purchase(t, s, "SandboxPurchase", url.Values{"Code": {saas.Code}})

	var calls marketapi.APICalls
	if err := s.do("SandboxApiCalls", url.Values{"InstanceId": {fmt.Sprint(a.InstanceId)}, "Count": {"130"}}, &calls); err != nil {
		t.Fatal(err)
	}
	if calls.Accepted != 100 || calls.Refused != 30 || calls.Used != 100 {
		t.Errorf("130 calls on a quota of 100: %+v", calls)
	}
	s.do("SandboxApiCalls", url.Values{"InstanceId": {fmt.Sprint(b.InstanceId)}, "Count": {"7"}}, nil)
	if err := s.do("SandboxApiCalls", url.Values{"InstanceId": {fmt.Sprint(lic.InstanceId)}, "Count": {"1"}}, nil); code(err) != "InvalidParameter.ProductType" {
		t.Errorf("calls on a licence: %v", err)
	}

	call := func(method string, q url.Values) (marketapi.APIMetering, error) {
		var out marketapi.APIMetering
		err := s.c.Call(context.Background(), market.Request{Action: "DescribeApiMetering", Method: method, Query: q}, &out)
		return out, err
	}
	if _, err := call("POST", url.Values{"pageNum": {"1"}}); err == nil {
		t.Error("DescribeApiMetering is GET only; a POST was answered")
	}
	get := func(q url.Values) (marketapi.APIMetering, error) { return call("GET", q) }
	if _, err := get(url.Values{}); code(err) != "MissingParameter" {
		t.Errorf("no pageNum: %v", err)
	}
	out, err := get(url.Values{"pageNum": {"1"}, "productCode": {api.Code}, "type": {"1"}})
	if err != nil {
		t.Fatal(err)
	}
	if out.Count != 2 || len(out.Result) != 2 || out.Code != "200" || !out.Success || out.Version != "1.0" {
		t.Fatalf("answer %+v", out)
	}
	want := map[int64][3]int64{1111: {150, 100, 50}, 2222: {10000, 7, 9993}}
	for _, u := range out.Result {
		w := want[u.AliyunPk]
		if u.ProductCode != api.Code || u.ProductName != "Weather API" || [3]int64{u.TotalQuota, u.TotalUsage, u.TotalCapacity} != w || u.Unit == "" {
			t.Errorf("buyer %d: %+v, want quota/usage/left %v", u.AliyunPk, u, w)
		}
	}
	if out, _ := get(url.Values{"pageNum": {"2"}}); len(out.Result) != 0 || out.Count != 2 {
		t.Errorf("page 2: %+v", out)
	}
}
