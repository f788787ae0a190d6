package acs

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// The published V1 example (docs/api.md).
func v1Example() url.Values {
	return url.Values{
		"AccessKeyId":      {"testid"},
		"Action":           {"DescribeRegions"},
		"Format":           {"XML"},
		"SignatureMethod":  {"HMAC-SHA1"},
		"SignatureNonce":   {"3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"},
		"SignatureVersion": {"1.0"},
		"Timestamp":        {"2016-02-23T12:46:24Z"},
		"Version":          {"2014-05-26"},
	}
}

func TestV1Vectors(t *testing.T) {
	p := v1Example()
	wantSTS := "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26"
	if got := V1StringToSign("GET", p); got != wantSTS {
		t.Fatalf("string to sign:\n%s\nwant\n%s", got, wantSTS)
	}
	if got := V1Sign("GET", p, "testsecret"); got != "OLeaidS1JvxuMvnyHOwuJ+uX5qY=" {
		t.Errorf("GET signature %s", got)
	}
	if got := V1Sign("POST", p, "testsecret"); got != "MxbnVAM4w6sft9xjVpe/GCKueuk=" {
		t.Errorf("POST signature %s", got)
	}
	// Signature itself never takes part.
	p.Set("Signature", "anything")
	if got := V1Sign("GET", p, "testsecret"); got != "OLeaidS1JvxuMvnyHOwuJ+uX5qY=" {
		t.Errorf("Signature parameter was signed: %s", got)
	}
}

func TestV3Vector(t *testing.T) {
	headers := map[string]string{
		"host":                  "ecs.cn-shanghai.aliyuncs.com",
		"x-acs-action":          "RunInstances",
		"x-acs-version":         "2014-05-26",
		"x-acs-date":            "2023-10-26T10:22:32Z",
		"x-acs-signature-nonce": "3156853299f313e23d1673dc12e1703d",
		"x-acs-content-sha256":  EmptySHA256,
	}
	q := url.Values{"ImageId": {"win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd"}, "RegionId": {"cn-shanghai"}}
	canonical, signed := V3CanonicalRequest("POST", "/", q, headers, EmptySHA256)
	want := "POST\n/\nImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai\n" +
		"host:ecs.cn-shanghai.aliyuncs.com\nx-acs-action:RunInstances\nx-acs-content-sha256:" + EmptySHA256 + "\n" +
		"x-acs-date:2023-10-26T10:22:32Z\nx-acs-signature-nonce:3156853299f313e23d1673dc12e1703d\nx-acs-version:2014-05-26\n\n" +
		"host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version\n" + EmptySHA256
	if canonical != want {
		t.Fatalf("canonical request:\n%q\nwant\n%q", canonical, want)
	}
	if h := HashHex([]byte(canonical)); h != "7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259" {
		t.Errorf("hash of canonical request %s", h)
	}
	sig := V3Signature(V3StringToSign(canonical), "YourAccessKeySecret")
	if sig != "06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0" {
		t.Errorf("signature %s", sig)
	}
	auth := V3Authorization("YourAccessKeyId", signed, sig)
	if auth != "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0" {
		t.Errorf("authorization %s", auth)
	}
	a, err := ParseV3Authorization(auth)
	if err != nil || a.AccessKeyID != "YourAccessKeyId" || len(a.SignedHeaders) != 6 || a.Signature != sig {
		t.Errorf("parse: %+v %v", a, err)
	}
}

func TestSignV3MatchesVector(t *testing.T) {
	req, _ := http.NewRequest("POST", "https://ecs.cn-shanghai.aliyuncs.com/?ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai", nil)
	req.Header.Set("x-acs-action", "RunInstances")
	req.Header.Set("x-acs-version", "2014-05-26")
	req.Header.Set("x-acs-date", "2023-10-26T10:22:32Z")
	req.Header.Set("x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d")
	SignV3(req, nil, "YourAccessKeyId", "YourAccessKeySecret")
	if !strings.HasSuffix(req.Header.Get("Authorization"), "Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0") {
		t.Errorf("SignV3: %s", req.Header.Get("Authorization"))
	}
}

func TestPercentEncode(t *testing.T) {
	cases := map[string]string{
		"a b*c~d":              "a%20b%2Ac~d",
		"2016-02-23T12:46:24Z": "2016-02-23T12%3A46%3A24Z",
		"/":                    "%2F",
		"":                     "",
		"中文":                   "%E4%B8%AD%E6%96%87",
		"+&=%":                 "%2B%26%3D%25",
		"AZaz09-_.~":           "AZaz09-_.~",
		"!'()":                 "%21%27%28%29",
	}
	for in, want := range cases {
		if got := PercentEncode(in); got != want {
			t.Errorf("PercentEncode(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCanonicalQueryEdgeCases(t *testing.T) {
	// The aliyun CLI sends SignatureType= empty and signs it: an empty value stays "k=".
	q := url.Values{"SignatureType": {""}, "b": {"2", "1"}, "A": {"x y"}, "Filter.1.Key": {"sort"}}
	if got := CanonicalQuery(q); got != "A=x%20y&Filter.1.Key=sort&SignatureType=&b=1&b=2" {
		t.Errorf("CanonicalQuery = %q", got)
	}
	// An empty parameter changes the signature: dropping it must not verify.
	p := v1Example()
	with := V1Sign("GET", p, "s")
	p.Set("SignatureType", "")
	if V1Sign("GET", p, "s") == with {
		t.Error("empty parameter not signed")
	}
}

func TestFlattenRoundTrip(t *testing.T) {
	type agreement struct{ Name, Url string }
	type info struct {
		Locale, Name string
		Agreements   []agreement `json:",omitempty"`
	}
	in := []info{{Locale: "zh-CN", Name: "服务", Agreements: []agreement{{Name: "a", Url: "u"}}}, {Locale: "en-US", Name: "Svc"}}
	v := url.Values{}
	if err := Flatten(v, "ServiceInfo", in); err != nil {
		t.Fatal(err)
	}
	if v.Get("ServiceInfo.1.Agreements.1.Url") != "u" || v.Get("ServiceInfo.2.Locale") != "en-US" {
		t.Fatalf("flattened %v", v)
	}
	for i := 3; i <= 11; i++ { // the tenth item sorts after the second as text, not as a number
		v.Set(fmt.Sprintf("ServiceInfo.%d.Name", i), fmt.Sprint("n", i))
	}
	var out []info
	if ok, err := Unflatten(v, "ServiceInfo", &out); !ok || err != nil {
		t.Fatal(ok, err)
	}
	if len(out) != 11 || out[0].Agreements[0].Url != "u" || out[1].Name != "Svc" || out[10].Name != "n11" {
		t.Fatalf("unflattened %+v", out)
	}
	if ok, _ := Unflatten(v, "Tag", &out); ok {
		t.Error("Tag: nothing was under it")
	}
}
