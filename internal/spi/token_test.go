package spi

import (
	"net/url"
	"strings"
	"testing"
)

// The self-computed vectors of the SPI token algorithm (docs/spi.md): they pin the algorithm as described.
func TestTokenVectors(t *testing.T) {
	p := url.Values{"p1": {"1"}, "p2": {"2"}, "p3": {"3"}}
	if got := StringToSign(p, "isvkey"); got != "p1=1&p2=2&p3=3&key=isvkey" {
		t.Fatalf("string to sign %q", got)
	}
	if got := Token(p, "isvkey"); got != "691b1c2be27485a87fb000de6f89f1d3" {
		t.Errorf("token %s", got)
	}
	create := url.Values{
		"action": {"createInstance"}, "aliUid": {"12345678901234"}, "orderBizId": {"12345"}, "orderId": {"123456789"},
		"productCode": {"cmapi00001"}, "skuId": {"yuncode215700000"}, "trial": {"false"},
	}
	if got := Token(create, "isvkey"); got != "c8141a87b1e4e6796288f0f1a146dba6" {
		t.Errorf("createInstance token %s", got)
	}
	// token itself never takes part, and signing is idempotent.
	signed := Sign(create, "isvkey")
	if signed.Get("token") != "c8141a87b1e4e6796288f0f1a146dba6" || Sign(signed, "isvkey").Get("token") != signed.Get("token") {
		t.Errorf("sign: %v", signed)
	}
}

func TestVerify(t *testing.T) {
	p := Sign(url.Values{"action": {"renewInstance"}, "instanceId": {"1"}, "expiredOn": {"2013-01-01 01:01:01"}}, "secret-key")
	if v := Verify(p, "secret-key"); !v.Valid {
		t.Fatalf("%+v", v)
	}
	upper := url.Values{}
	for k, vs := range p {
		upper[k] = vs
	}
	upper.Set("token", strings.ToUpper(p.Get("token")))
	if !Verify(upper, "secret-key").Valid {
		t.Error("upper-case hex refused")
	}
	v := Verify(p, "other-key")
	if v.Valid || !strings.Contains(v.StringToSign, "key=ot*******") || strings.Contains(v.StringToSign, "other-key") {
		t.Errorf("wrong key: %+v", v)
	}
	// The marketplace may add parameters: verification is over whatever arrives.
	extra := Sign(url.Values{"action": {"verify"}, "instanceId": {"1"}, "newParam": {"x"}}, "k")
	if !Verify(extra, "k").Valid {
		t.Error("extra parameter broke verification")
	}
	delete(extra, "newParam")
	if Verify(extra, "k").Valid {
		t.Error("dropping a parameter still verified")
	}
	if Verify(url.Values{"action": {"x"}}, "k").Valid {
		t.Error("no token verified")
	}
}

func TestParseCall(t *testing.T) {
	p, err := ParseCall("http://example.aliyundoc.com?token=abc&action=renewInstance&instanceId=1&orderId=2&expiredOn=2013-01-01 01:01:01")
	if err != nil || p.Get("expiredOn") != "2013-01-01 01:01:01" || p.Get("action") != "renewInstance" {
		t.Fatalf("%v %v", p, err)
	}
	p, _ = ParseCall("action=verify&timeStamp=2026-11-29%2012%3A00%3A00&token=x")
	if p.Get("timeStamp") != "2026-11-29 12:00:00" {
		t.Errorf("%v", p)
	}
	if p, _ := ParseCall("https://isv.example.com/spi"); len(p) != 0 {
		t.Errorf("no query: %v", p)
	}
}

func FuzzParseAndVerify(f *testing.F) {
	f.Add("http://x/spi?action=createInstance&orderBizId=1&token=abc", "key")
	f.Add("action=verify&timeStamp=2026-11-29 12:00:00&token=", "")
	f.Add("%zz&&==&token=%", "k")
	f.Fuzz(func(t *testing.T, raw, key string) {
		p, err := ParseCall(raw)
		if err != nil {
			return
		}
		v := Verify(p, key)
		if v.Valid && v.Got == "" {
			t.Fatal("valid without a token")
		}
		if Verify(Sign(p, key), key).Valid != true {
			t.Fatal("a signed call does not verify")
		}
	})
}
