package sandbox

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/spi"
)

type spiLog struct {
	mu    sync.Mutex
	calls []spi.Event
}

func (r *spiLog) add(e spi.Event) { r.mu.Lock(); r.calls = append(r.calls, e); r.mu.Unlock() }
func (r *spiLog) actions() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, e := range r.calls {
		out = append(out, e.Action)
	}
	return out
}

func listedProduct(t *testing.T, s seller, extra url.Values) marketapi.Product {
	p := url.Values{"Type": {"SAAS"}, "Name": {"SPI product"}, "Skus": {`[{"Name":"Basic","Price":"10"},{"Name":"Pro","Price":"30"}]`}, "ValidityPeriods": {"1m,1y"}}
	for k, v := range extra {
		p[k] = v
	}
	prod := s.must("CreateProduct", p)
	s.must("SubmitProduct", url.Values{"Code": {prod.Code}})
	return s.must("SandboxReviewProduct", url.Values{"Code": {prod.Code}, "Decision": {"approve"}})
}

func purchase(t *testing.T, s seller, action string, p url.Values) marketapi.Purchase {
	t.Helper()
	var r marketapi.Purchase
	if err := s.do(action, p, &r); err != nil {
		t.Fatalf("%s: %v", action, err)
	}
	return r
}

func TestPurchaseCallsTheSPI(t *testing.T) {
	store, s := newSeller(t, "en")
	key, _ := store.SPIKey()
	rec := &spiLog{}
	var pending atomic.Int64
	pending.Store(2)
	lis := &spi.Listener{Key: key, Events: rec.add}
	isv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// instanceId=0 twice, then the listener's answer.
		if r.URL.Query().Get("action") == spi.CreateInstance && pending.Add(-1) >= 0 {
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprint(w, `{"instanceId":"0"}`)
			return
		}
		lis.ServeHTTP(w, r)
	}))
	defer isv.Close()
	prod := listedProduct(t, s, url.Values{"DeliveryMode": {"spi"}, "ProductionUrl": {isv.URL + "/spi"}})

	res := purchase(t, s, "SandboxPurchase", url.Values{"Code": {prod.Code}, "SkuCode": {"Pro"}})
	if res.Status != "OPENED" || res.Spi == nil || res.Spi.Calls != 3 || res.Spi.IsvInstanceId != fmt.Sprint(res.OrderBizId) {
		t.Fatalf("purchase: %+v %+v", res, res.Spi)
	}
	var inst marketapi.InstanceForIsv
	if err := s.c.Call(context.Background(), market.Request{Action: "DescribeInstanceForIsv", Query: url.Values{"InstanceId": {fmt.Sprint(res.InstanceId)}}}, &inst); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(inst.AppJson, "frontEndUrl") || inst.ProductSkuCode != prod.Skus[1].Code || !strings.HasPrefix(inst.ProductSkuCode, "yuncode") || inst.Status != "OPENED" || inst.ProductType != "APP" {
		t.Errorf("instance: %+v", inst)
	}
	var order marketapi.OrderForIsv
	if err := s.c.Call(context.Background(), market.Request{Action: "DescribeOrderForIsv", Query: url.Values{"OrderId": {fmt.Sprint(res.OrderId)}}}, &order); err != nil {
		t.Fatal(err)
	}
	if order.OrderType != "NEW" || order.PeriodType != "MONTH" || order.PaymentPrice != 30 || order.InstanceIds[0] != fmt.Sprint(res.InstanceId) {
		t.Errorf("order: %+v", order)
	}

	id := url.Values{"InstanceId": {fmt.Sprint(res.InstanceId)}}
	renew := purchase(t, s, "SandboxRenew", id)
	if renew.Spi == nil || renew.Spi.Error != "" || renew.EndOn <= res.EndOn {
		t.Errorf("renew: %+v %+v", renew, renew.Spi)
	}
	purchase(t, s, "SandboxUpgrade", url.Values{"InstanceId": id["InstanceId"], "SkuCode": {"Basic"}})
	purchase(t, s, "SandboxRefund", id)
	purchase(t, s, "SandboxExpire", id)
	purchase(t, s, "SandboxRelease", url.Values{"InstanceId": id["InstanceId"], "IsRefund": {"true"}})
	got := strings.Join(rec.actions(), " ")
	// Each paid order (new, renewal, upgrade) is also announced by the orderPay message.
	if got != "createInstance orderPay renewInstance orderPay upgradeInstance orderPay refundRenewInstance expiredInstance releaseInstance" {
		t.Errorf("the ISV saw: %s", got)
	}
	// The ISV got its own instanceId back in every later instance call; messages name the
	// order (requestId, orderBizId, orderId).
	for _, e := range rec.calls[1:] {
		if e.Action == spi.OrderPay {
			if e.Params["requestId"] == "" || e.Params["orderBizId"] != fmt.Sprint(res.OrderBizId) || e.Params["orderId"] == "" {
				t.Errorf("orderPay: %v", e.Params)
			}
			continue
		}
		if e.Params["instanceId"] != res.Spi.IsvInstanceId {
			t.Errorf("%s with instanceId %s", e.Action, e.Params["instanceId"])
		}
	}
}

// A failed notification is a message (orderPay) the vendor did not take, as production lists
// them; the failed createInstance itself leaves the instance OPENING and is not listed.
func TestFailedSPIBecomesANotification(t *testing.T) {
	_, s := newSeller(t, "en")
	wrongKey := &spi.Listener{Key: "not-the-sandbox-key"}
	isv := httptest.NewServer(wrongKey)
	defer isv.Close()
	prod := listedProduct(t, s, url.Values{"DeliveryMode": {"spi"}, "ProductionUrl": {isv.URL}})
	res := purchase(t, s, "SandboxPurchase", url.Values{"Code": {prod.Code}})
	if res.Status != "OPENING" || res.Spi.Error == "" {
		t.Fatalf("%+v %+v", res, res.Spi)
	}
	var list struct {
		TotalCount       int
		NotificationList []marketapi.Notification
	}
	q := url.Values{"PageNumber": {"1"}, "PageSize": {"10"}}
	if err := s.c.Call(context.Background(), market.Request{Action: "DescribeFailedNotifications", Query: q}, &list); err != nil {
		t.Fatal(err)
	}
	if list.TotalCount != 1 || list.NotificationList[0].Action != "orderPay" || !strings.Contains(list.NotificationList[0].Message, prod.Code) {
		t.Fatalf("%+v", list)
	}
	if err := s.c.Call(context.Background(), market.Request{Action: "ConfirmNotification", Query: url.Values{"NotificationRequestId": {list.NotificationList[0].NotificationRequestId}}}, nil); err != nil {
		t.Fatal(err)
	}
	s.c.Call(context.Background(), market.Request{Action: "DescribeFailedNotifications", Query: q}, &list)
	if list.TotalCount != 0 {
		t.Errorf("confirmed notification still listed: %+v", list)
	}
}

func TestLicensesAndMetering(t *testing.T) {
	_, s := newSeller(t, "en")
	prod := listedProduct(t, s, url.Values{"DeliveryMode": {"license"}, "ActivationUrl": {"https://isv.example.com/activate"}})
	res := purchase(t, s, "SandboxPurchase", url.Values{"Code": {prod.Code}, "AliUid": {"1234567890123456"}})
	if res.LicenseCode == "" || res.Spi != nil {
		t.Fatalf("%+v", res)
	}
	lic := url.Values{"LicenseCode": {res.LicenseCode}}
	var d struct{ License marketapi.License }
	if err := s.c.Call(context.Background(), market.Request{Action: "DescribeLicense", Query: lic}, &d); err != nil {
		t.Fatal(err)
	}
	if d.License.LicenseStatus != "INACTIVATED" || d.License.ExtendInfo.AliUid != 1234567890123456 || len(d.License.ExtendArray.LicenseAttribute) != 6 {
		t.Errorf("%+v", d.License)
	}
	code := func(err error) string {
		var ae *market.APIError
		if errors.As(err, &ae) {
			return ae.Code
		}
		return fmt.Sprint(err)
	}
	act := func(p url.Values) error {
		return s.c.Call(context.Background(), market.Request{Action: "ActivateLicense", Query: p}, nil)
	}
	if c := code(act(url.Values{"LicenseCode": {res.LicenseCode}, "Identification": {"999"}})); c != "Auth.Match" {
		t.Errorf("other buyer: %s", c)
	}
	if err := act(url.Values{"LicenseCode": {res.LicenseCode}, "Identification": {"1234567890123456"}}); err != nil {
		t.Fatal(err)
	}
	if c := code(act(lic)); c != "License.Invalid" {
		t.Errorf("twice: %s", c)
	}
	if c := code(act(url.Values{"LicenseCode": {"nope"}})); c != "License.Invalid" {
		t.Errorf("malformed: %s", c)
	}
	if c := code(act(url.Values{"LicenseCode": {strings.Repeat("A", 14) + "-" + strings.Repeat("B", 8) + "_" + strings.Repeat("C", 40)}})); c != "License.NotFound" {
		t.Errorf("unknown: %s", c)
	}

}

// PushMeteringData is as strict as production: metered products only, the documented keys,
// the product's own metering items, whole windows of at least 5 minutes in the past, numbers
// as strings or integers, 100 records, one push a minute.
func TestMeteringIsStrict(t *testing.T) {
	_, s := newSeller(t, "en")
	code := func(err error) string {
		var ae *market.APIError
		if errors.As(err, &ae) {
			return ae.Code
		}
		return fmt.Sprint(err)
	}
	prod := listedProduct(t, s, url.Values{"DeliveryMode": {"spi"}, "ProductionUrl": {"http://127.0.0.1:1/spi"}})
	res := purchase(t, s, "SandboxPurchase", url.Values{"Code": {prod.Code}})
	lic := listedProduct(t, s, url.Values{"DeliveryMode": {"license"}, "ActivationUrl": {"https://isv.example.com/activate"}})
	licRes := purchase(t, s, "SandboxPurchase", url.Values{"Code": {lic.Code}})
	push := func(recs any) error {
		b, _ := json.Marshal(recs)
		return s.c.Call(context.Background(), market.Request{Action: "PushMeteringData", Form: url.Values{"Metering": {string(b)}}}, nil)
	}
	rec := func(inst int64, key, assit string, start, end, value any) map[string]any {
		return map[string]any{"InstanceId": fmt.Sprint(inst), "StartTime": start, "EndTime": end,
			"Entities": []map[string]any{{"Key": key, "Value": value, "meteringAssit": assit}}}
	}
	item := prod.Code + "-Frequency-1"
	future := time.Now().Add(time.Hour).Unix()
	for name, c := range map[string]struct {
		rec  map[string]any
		want string
	}{
		"no meteringAssit":         {rec(res.InstanceId, "Frequency", "", "1700000000", "1700000600", "42"), "Invalid.Parameter.Metering"},
		"another product's item":   {rec(res.InstanceId, "Frequency", "cmgj00000001-Frequency-1", "1700000000", "1700000600", "42"), "Invalid.Parameter.Metering"},
		"unknown key":              {rec(res.InstanceId, "Calls", prod.Code+"-Calls-1", "1700000000", "1700000600", "42"), "Invalid.Parameter.Metering"},
		"a window under 5 minutes": {rec(res.InstanceId, "Frequency", item, "1700000000", "1700000060", "42"), "Invalid.Parameter.Metering"},
		"a window in the future":   {rec(res.InstanceId, "Frequency", item, future-600, future, "42"), "Invalid.Parameter.Metering"},
		"a negative value":         {rec(res.InstanceId, "Frequency", item, "1700000000", "1700000600", "-1"), "Invalid.Parameter.Metering"},
		"a license is not metered": {rec(licRes.InstanceId, "Frequency", lic.Code+"-Frequency-1", "1700000000", "1700000600", "42"), "Invalid.Parameter.Instance"},
		"an instance that is not":  {rec(999999, "Frequency", item, "1700000000", "1700000600", "42"), "Invalid.Parameter.Instance"},
	} {
		if got := code(push([]any{c.rec})); got != c.want {
			t.Errorf("%s: %s, want %s", name, got, c.want)
		}
	}
	// Integers where the metadata says integer are accepted as well as strings.
	if err := push([]any{rec(res.InstanceId, "Frequency", item, 1700000000, 1700000600, 42)}); err != nil {
		t.Fatal(err)
	}
	if c := code(push([]any{rec(res.InstanceId, "Frequency", item, "1700000600", "1700001200", "42")})); c != "Service.Flow.Control" {
		t.Errorf("within 60 s: %s", c)
	}
	many := make([]any, 101)
	for i := range many {
		many[i] = rec(res.InstanceId, "Frequency", item, "1700000000", "1700000600", "1")
	}
	if c := code(push(many)); c != "Metering.Data.Exceeded" {
		t.Errorf("101 records: %s", c)
	}
}

// A vendor endpoint that hangs during a purchase holds no lock: the call runs after the
// purchase's transaction has committed, so a concurrent CreateProduct is not delayed. Before
// the call left the transaction, CreateProduct waited for the vendor's whole timeout.
func TestHangingVendorDoesNotBlockWriters(t *testing.T) {
	store, s := newSeller(t, "en")
	key, _ := store.SPIKey()
	lis := &spi.Listener{Key: key}
	hanging := make(chan struct{}) // closed when the hanging call has arrived
	release := make(chan struct{})
	var once sync.Once
	isv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("action") == spi.CreateInstance {
			once.Do(func() { close(hanging) })
			select {
			case <-release:
			case <-time.After(10 * time.Second):
			}
		}
		lis.ServeHTTP(w, r)
	}))
	defer isv.Close()
	prod := listedProduct(t, s, url.Values{"DeliveryMode": {"spi"}, "ProductionUrl": {isv.URL + "/spi"}})

	done := make(chan marketapi.Purchase, 1)
	go func() {
		var r marketapi.Purchase
		if err := s.do("SandboxPurchase", url.Values{"Code": {prod.Code}}, &r); err != nil {
			t.Errorf("purchase: %v", err)
		}
		done <- r
	}()
	select {
	case <-hanging:
	case <-time.After(10 * time.Second):
		t.Fatal("the vendor was never called")
	}
	// The fastest of three writes: a writer blocked by the vendor would wait every time; a busy
	// test machine may slow one of them.
	fastest := time.Hour
	for i := range 3 {
		start := time.Now()
		s.must("CreateProduct", saas(fmt.Sprintf("Written while the vendor hangs %d", i)))
		fastest = min(fastest, time.Since(start))
	}
	if fastest > 100*time.Millisecond {
		t.Errorf("CreateProduct took at least %v while the vendor hung; want ≤ 100ms", fastest)
	}
	close(release)
	res := <-done
	if res.Status != "OPENED" || res.Spi == nil || res.Spi.Calls != 1 || res.Spi.IsvInstanceId == "" {
		t.Errorf("purchase after the vendor answered: %+v %+v", res, res.Spi)
	}
	// The outcome was recorded in the second transaction: the instance is open, no call pending.
	var inst marketapi.InstanceForIsv
	if err := s.c.Call(context.Background(), market.Request{Action: "DescribeInstanceForIsv", Query: url.Values{"InstanceId": {fmt.Sprint(res.InstanceId)}}}, &inst); err != nil {
		t.Fatal(err)
	}
	if inst.Status != "OPENED" {
		t.Errorf("instance %s, want OPENED", inst.Status)
	}
	var pending int
	if err := store.db.QueryRow(`SELECT COUNT(*) FROM spi_calls WHERE error = 'pending'`).Scan(&pending); err != nil || pending != 0 {
		t.Errorf("pending spi_calls: %d (%v)", pending, err)
	}
}

// A refund takes back the period the refunded renewal bought — a year here — and the vendor
// is told the instance's end as it is after the refund.
func TestRefundTakesBackTheRenewalsOwnPeriod(t *testing.T) {
	store, s := newSeller(t, "en")
	key, _ := store.SPIKey()
	rec := &spiLog{}
	isv := httptest.NewServer(&spi.Listener{Key: key, Events: rec.add})
	defer isv.Close()
	prod := listedProduct(t, s, url.Values{"DeliveryMode": {"spi"}, "ProductionUrl": {isv.URL + "/spi"}})
	buy := purchase(t, s, "SandboxPurchase", url.Values{"Code": {prod.Code}, "Period": {"1m"}})
	id := url.Values{"InstanceId": {fmt.Sprint(buy.InstanceId)}}
	renewed := purchase(t, s, "SandboxRenew", url.Values{"InstanceId": id["InstanceId"], "Period": {"1y"}})
	refunded := purchase(t, s, "SandboxRefund", id)
	if refunded.EndOn != buy.EndOn || renewed.EndOn == buy.EndOn {
		t.Errorf("bought until %s, renewed until %s, refunded back to %s", buy.EndOn, renewed.EndOn, refunded.EndOn)
	}
	var last spi.Event
	for _, e := range rec.calls {
		if e.Action == spi.RefundRenewInstance {
			last = e
		}
	}
	want, _ := time.Parse(time.RFC3339, buy.EndOn)
	if got := last.Params["expiredOn"]; got != want.In(time.FixedZone("CST", 8*3600)).Format("2006-01-02 15:04:05") {
		t.Errorf("refundRenewInstance expiredOn %q, want the original end %s", got, buy.EndOn)
	}
}

// Moving the clock past an instance's end expires it as the marketplace would: the instance and
// its license both expired, the vendor sent expiredInstance.
func TestClockPastTheEndExpires(t *testing.T) {
	store, s := newSeller(t, "en")
	key, _ := store.SPIKey()
	rec := &spiLog{}
	isv := httptest.NewServer(&spi.Listener{Key: key, Events: rec.add})
	defer isv.Close()
	prod := listedProduct(t, s, url.Values{"DeliveryMode": {"spi"}, "ProductionUrl": {isv.URL + "/spi"}})
	buy := purchase(t, s, "SandboxPurchase", url.Values{"Code": {prod.Code}, "Period": {"1m"}})
	if err := s.do("SandboxAdvanceClock", url.Values{"Duration": {"32d"}}, nil); err != nil {
		t.Fatal(err)
	}
	var inst marketapi.InstanceForIsv
	if err := s.c.Call(context.Background(), market.Request{Action: "DescribeInstanceForIsv", Query: url.Values{"InstanceId": {fmt.Sprint(buy.InstanceId)}}}, &inst); err != nil {
		t.Fatal(err)
	}
	if inst.Status != "EXPIRED" {
		t.Errorf("instance %s after its end", inst.Status)
	}
	if got := strings.Join(rec.actions(), " "); got != "createInstance orderPay expiredInstance" {
		t.Errorf("the vendor saw: %s", got)
	}
	// A second move does not expire it again.
	s.do("SandboxAdvanceClock", url.Values{"Duration": {"1d"}}, nil)
	if got := len(rec.actions()); got != 3 {
		t.Errorf("%d calls after a second move", got)
	}
}

// CreateOrder buys as a buyer would: the SPI product's vendor is called, and a retry with the
// same ClientToken answers the first order without buying again.
func TestCreateOrder(t *testing.T) {
	store, s := newSeller(t, "en")
	key, _ := store.SPIKey()
	rec := &spiLog{}
	isv := httptest.NewServer(&spi.Listener{Key: key, Events: rec.add})
	defer isv.Close()
	prod := listedProduct(t, s, url.Values{"DeliveryMode": {"spi"}, "ProductionUrl": {isv.URL + "/spi"}})
	commodity := func(code string, quantity int) string {
		return fmt.Sprintf(`{"productCode":%q,"components":{"package_version":""},"duration":1,"pricingCycle":"Year","quantity":%d}`, code, quantity)
	}
	order := func(p url.Values) (marketapi.CreatedOrder, error) {
		var out marketapi.CreatedOrder
		err := s.c.Call(context.Background(), market.Request{Action: "CreateOrder", Query: p}, &out)
		return out, err
	}
	q := url.Values{"OrderType": {"INSTANCE_BUY"}, "PaymentType": {"HAND"}, "Commodity": {commodity(prod.Code, 1)}, "ClientToken": {"order-1"}}
	first, err := order(q)
	if err != nil || first.OrderId == "" || len(first.InstanceIds.InstanceId) != 1 {
		t.Fatalf("%+v %v", first, err)
	}
	again, err := order(q)
	if err != nil || again.OrderId != first.OrderId {
		t.Errorf("retry with the same token: %+v %v, want order %s", again, err, first.OrderId)
	}
	var inst struct{ Status string }
	if err := s.c.Call(context.Background(), market.Request{Action: "DescribeInstanceForIsv", Query: url.Values{"InstanceId": first.InstanceIds.InstanceId}}, &inst); err != nil || inst.Status != "OPENED" {
		t.Errorf("instance: %+v %v (the vendor's createInstance should have opened it)", inst, err)
	}
	code := func(err error) string {
		var ae *market.APIError
		if errors.As(err, &ae) {
			return ae.Code
		}
		return fmt.Sprint(err)
	}
	for name, c := range map[string]struct {
		change func(url.Values)
		want   string
	}{
		"no PaymentType":  {func(v url.Values) { v.Del("PaymentType") }, "MissingParameter"},
		"two instances":   {func(v url.Values) { v.Set("Commodity", commodity(prod.Code, 2)) }, "UnknownError"},
		"not on sale":     {func(v url.Values) { v.Set("Commodity", commodity("cmgj00009999", 1)) }, "UnknownError"},
		"a renewal order": {func(v url.Values) { v.Set("OrderType", "INSTANCE_RENEW") }, "UnknownError"},
	} {
		v := url.Values{"OrderType": {"INSTANCE_BUY"}, "PaymentType": {"HAND"}, "Commodity": {commodity(prod.Code, 1)}, "ClientToken": {"t-" + strings.ReplaceAll(name, " ", "-")}}
		c.change(v)
		if _, err := order(v); code(err) != c.want {
			t.Errorf("%s: %v, want %s", name, err, c.want)
		}
	}
}
