package sandbox_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	"github.com/alibabacloud-go/tea/dara"

	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/sandbox"
)

// TestOfficialSDKCallsComputeNest: the official SDK (generic CallApi, RPC, V3 and again V1)
// calls every ComputeNestSupplier action of the table against a sandbox on 127.0.0.1, through
// a service's whole life — upload, artifact, draft, review, beta, launch, instances, metering,
// usage requests, withdraw, delete — and the status machine refuses what production refuses.
func TestOfficialSDKCallsComputeNest(t *testing.T) {
	for _, algo := range []string{"", "v2"} {
		name := "V3"
		if algo == "v2" {
			name = "V1"
		}
		t.Run(name, func(t *testing.T) { nestLifeCycle(t, algo) })
	}
}

func nestLifeCycle(t *testing.T, algo string) {
	store, err := sandbox.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	srv := httptest.NewServer(sandbox.NewServer(store))
	defer srv.Close()
	u, _ := url.Parse(srv.URL)
	cred := mustCredential(t, store)
	cfg := &openapiutil.Config{AccessKeyId: dara.String(cred.AccessKeyID), AccessKeySecret: dara.String(cred.AccessKeySecret),
		Endpoint: dara.String(u.Host), Protocol: dara.String("http")}
	if algo != "" {
		cfg.SignatureAlgorithm = dara.String(algo)
	}
	sdk, err := openapi.NewClient(cfg)
	if err != nil {
		t.Fatal(err)
	}
	called := map[string]bool{}
	call := func(action string, q map[string]any) (map[string]any, error) {
		row, ok := marketapi.LookupIn(marketapi.NestProduct, action)
		if !ok {
			row, _ = marketapi.Lookup(action)
		} else {
			called[action] = true
		}
		params := &openapiutil.Params{Action: dara.String(action), Version: dara.String(row.Version), Protocol: dara.String("HTTP"),
			Pathname: dara.String("/"), Method: dara.String(row.Sends()), AuthType: dara.String("AK"), Style: dara.String("RPC"),
			ReqBodyType: dara.String("formData"), BodyType: dara.String("json")}
		resp, err := sdk.CallApi(params, &openapiutil.OpenApiRequest{Query: openapiutil.Query(q)}, &dara.RuntimeOptions{})
		if err != nil {
			return nil, err
		}
		body := resp["body"].(map[string]any)
		if body["RequestId"] == nil || body["RequestId"] == "" {
			t.Errorf("%s: no RequestId in %v", action, body)
		}
		return body, nil
	}
	must := func(action string, q map[string]any) map[string]any {
		t.Helper()
		b, err := call(action, q)
		if err != nil {
			t.Fatalf("%s: %v", action, err)
		}
		return b
	}
	refused := func(action string, q map[string]any, code string) {
		t.Helper()
		if _, err := call(action, q); err == nil || !strings.Contains(err.Error(), code) {
			t.Errorf("%s: %v, want %s", action, err, code)
		}
	}
	str := func(v any) string { return fmt.Sprint(v) }
	advance := func() { must("SandboxAdvanceClock", map[string]any{"Duration": "5s"}) }

	// A file goes up through upload credentials, as OSS takes it.
	cr := must("GetUploadCredentials", map[string]any{"FileName": "app.tgz"})["Data"].(map[string]any)
	object := srv.URL + "/" + str(cr["BucketName"]) + "/" + str(cr["Key"])
	put := func(auth, token string) int {
		req, _ := http.NewRequest(http.MethodPut, object, strings.NewReader("package bytes"))
		req.Header.Set("Authorization", auth)
		req.Header.Set("x-oss-security-token", token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := put("OSS "+str(cr["AccessKeyId"])+":sig", "wrong"); code != 403 {
		t.Errorf("wrong token: %d", code)
	}
	if code := put("OSS "+str(cr["AccessKeyId"])+":sig", str(cr["SecurityToken"])); code != 200 {
		t.Fatalf("upload: %d", code)
	}
	refused("CreateArtifact", map[string]any{"ArtifactType": "File", "Name": "pkg", "VersionName": "v1",
		"ArtifactProperty": `{"Url":"` + srv.URL + "/" + sandbox.NestBucket + `/nothing-here"}`}, "InvalidParameter.ArtifactProperty")
	art := must("CreateArtifact", map[string]any{"ArtifactType": "File", "Name": "pkg", "VersionName": "v1",
		"ArtifactProperty": `{"Url":"` + object + `"}`})
	aid := str(art["ArtifactId"])
	if art["Status"] != "Created" || art["ArtifactVersion"] != "1" {
		t.Errorf("created: %v", art)
	}
	must("UpdateArtifact", map[string]any{"ArtifactId": aid, "Description": "the package"})
	must("GetArtifact", map[string]any{"ArtifactId": aid})
	if l := must("ListArtifacts", map[string]any{}); str(l["TotalCount"]) != "1" {
		t.Errorf("artifacts: %v", l)
	}
	must("ListArtifactVersions", map[string]any{"ArtifactId": aid})

	info := map[string]any{"RegionId": "cn-hangzhou", "DeployType": "ros", "ServiceType": "private", "ShareType": "Public", "ApprovalType": "Manual",
		"DeployMetadata": `{"TemplateConfigs":[{"Name":"one","Url":"oss://t.yaml"}],"FileArtifactRelation":{"{{ computenest::file::app }}":{"ArtifactId":"` + aid + `","ArtifactVersion":"draft"}}}`,
		"ServiceInfo":    []map[string]any{{"Locale": "zh-CN", "Name": "示例服务"}, {"Locale": "en-US", "Name": "Example service"}}}
	created := must("CreateService", info)
	sid := str(created["ServiceId"])
	if created["Status"] != "Draft" || created["Version"] != "1" {
		t.Errorf("created: %v", created)
	}
	must("UpdateService", map[string]any{"RegionId": "cn-hangzhou", "ServiceId": sid, "TrialDuration": "604800"})
	// The artifact is not released: review is refused until it is available.
	refused("RegisterService", map[string]any{"RegionId": "cn-hangzhou", "ServiceId": sid}, "OperationDenied.ArtifactStatus")
	must("ReleaseArtifact", map[string]any{"ArtifactId": aid})
	advance()
	reg := str(must("RegisterService", map[string]any{"RegionId": "cn-hangzhou", "ServiceId": sid})["RegistrationId"])
	refused("UpdateService", map[string]any{"RegionId": "cn-hangzhou", "ServiceId": sid, "TrialDuration": "1"}, "OperationDenied.ServiceStatus")
	must("CancelServiceRegistration", map[string]any{"RegionId": "cn-hangzhou", "RegistrationId": reg})
	must("RegisterService", map[string]any{"RegionId": "cn-hangzhou", "ServiceId": sid})
	if l := must("ListServiceRegistrations", map[string]any{"RegionId": "cn-hangzhou"}); str(l["TotalCount"]) != "2" {
		t.Errorf("registrations: %v", l)
	}
	refused("LaunchService", map[string]any{"RegionId": "cn-hangzhou", "ServiceId": sid, "ServiceVersion": "1"}, "OperationDenied.ServiceStatus")
	must("SandboxReviewService", map[string]any{"ServiceId": sid, "Approve": "true"})
	must("PreLaunchService", map[string]any{"RegionId": "cn-hangzhou", "ServiceId": sid})
	if s := must("GetService", map[string]any{"RegionId": "cn-hangzhou", "ServiceId": sid}); s["Status"] != "Beta" {
		t.Errorf("after pre-launch: %v", s["Status"])
	}
	l := must("LaunchService", map[string]any{"RegionId": "cn-hangzhou", "ServiceId": sid, "ServiceVersion": "1"})
	if l["ServiceLaunchResultType"] != "PublishNewVersion" {
		t.Errorf("launch: %v", l)
	}
	if s := must("GetService", map[string]any{"RegionId": "cn-hangzhou", "ServiceId": sid}); s["Status"] != "Launching" {
		t.Errorf("just launched: %v", s["Status"])
	}
	advance()
	if s := must("GetService", map[string]any{"RegionId": "cn-hangzhou", "ServiceId": sid}); s["Status"] != "Online" || len(s["ServiceInfos"].([]any)) != 2 {
		t.Errorf("online: %v", s)
	}
	// An online version is locked; a new draft version is made beside it.
	refused("UpdateService", map[string]any{"RegionId": "cn-hangzhou", "ServiceId": sid, "ServiceVersion": "1", "TrialDuration": "1"}, "OperationDenied.ServiceStatus")
	if v2 := must("CreateService", map[string]any{"RegionId": "cn-hangzhou", "ServiceId": sid}); v2["Version"] != "2" || v2["Status"] != "Draft" {
		t.Errorf("version 2: %v", v2)
	}
	if ls := must("ListServices", map[string]any{"RegionId": "cn-hangzhou", "AllVersions": "true"}); str(ls["TotalCount"]) != "2" {
		t.Errorf("all versions: %v", ls)
	}

	// A buyer deploys it pay-as-you-go and is metered.
	inst := must("SandboxNestPurchase", map[string]any{"ServiceId": sid, "PayType": "PayAsYouGo"})
	siid := str(inst["ServiceInstanceId"])
	if l := must("ListServiceInstances", map[string]any{"RegionId": "cn-hangzhou"}); str(l["TotalCount"]) != "1" {
		t.Errorf("instances: %v", l)
	}
	if g := must("GetServiceInstance", map[string]any{"RegionId": "cn-hangzhou", "ServiceInstanceId": siid}); g["Status"] != "Deployed" || g["PayType"] != "PayAsYouGo" {
		t.Errorf("instance: %v", g)
	}
	must("PushMeteringData", map[string]any{"ServiceInstanceId": siid, "Metering": `[{"StartTime":1700000000,"EndTime":1700003600,"VirtualCpu":2}]`})
	refused("PushMeteringData", map[string]any{"ServiceInstanceId": siid, "Metering": `[{"StartTime":5,"EndTime":1}]`}, "InvalidParameter.Metering")

	// A restricted service: buyers ask first; the vendor answers.
	r := map[string]any{}
	for k, v := range info {
		r[k] = v
	}
	r["ShareType"], r["ApprovalType"] = "Restricted", "AutoPass"
	r["ServiceInfo"] = []map[string]any{{"Locale": "zh-CN", "Name": "受限服务"}}
	rid := str(must("CreateService", r)["ServiceId"])
	must("RegisterService", map[string]any{"RegionId": "cn-hangzhou", "ServiceId": rid})
	must("LaunchService", map[string]any{"RegionId": "cn-hangzhou", "ServiceId": rid, "ServiceVersion": "1"})
	advance()
	must("SandboxNestPurchase", map[string]any{"ServiceId": rid, "AliUid": "1001"})
	must("SandboxNestPurchase", map[string]any{"ServiceId": rid, "AliUid": "1002"})
	if l := must("ListServiceUsages", map[string]any{}); str(l["TotalCount"]) != "2" {
		t.Errorf("usages: %v", l)
	}
	must("ApproveServiceUsage", map[string]any{"ServiceId": rid, "UserAliUid": "1001"})
	must("RejectServiceUsage", map[string]any{"ServiceId": rid, "UserAliUid": "1002", "Comments": "not yet"})
	refused("ApproveServiceUsage", map[string]any{"ServiceId": rid, "UserAliUid": "1002"}, "OperationDenied.UsageStatus")

	// Withdrawn, then deleted; an online version cannot be deleted.
	refused("DeleteService", map[string]any{"RegionId": "cn-hangzhou", "ServiceId": sid, "ServiceVersion": "1"}, "OperationDenied.ServiceStatus")
	must("WithdrawService", map[string]any{"RegionId": "cn-hangzhou", "ServiceId": sid, "ServiceVersion": "1"})
	must("DeleteService", map[string]any{"RegionId": "cn-hangzhou", "ServiceId": sid, "ServiceVersion": "2"})
	must("DeleteService", map[string]any{"RegionId": "cn-hangzhou", "ServiceId": sid, "ServiceVersion": "1"})
	refused("GetService", map[string]any{"RegionId": "cn-hangzhou", "ServiceId": sid}, "EntityNotExist.Service")
	refused("DeleteArtifact", map[string]any{"ArtifactId": aid}, "OperationDenied.ArtifactInUse") // the restricted service uses it
	must("WithdrawService", map[string]any{"RegionId": "cn-hangzhou", "ServiceId": rid, "ServiceVersion": "1"})
	must("DeleteArtifact", map[string]any{"ArtifactId": aid})

	for _, row := range marketapi.OfProduct(marketapi.NestProduct, marketapi.Public) {
		if !called[row.Name] {
			t.Errorf("%s: not called", row.Name)
		}
	}
}

// mkt's Upload goes through the official OSS SDK (V4 signatures, the security token) to the
// sandbox's store — in process and over TCP — and the object is what was sent; a File
// artifact then names it.
func TestUploadThroughOSSSDK(t *testing.T) {
	store, err := sandbox.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	h := sandbox.NewServer(store)
	srv := httptest.NewServer(h)
	defer srv.Close()
	cred := mustCredential(t, store)
	for name, c := range map[string]*market.Client{
		"tcp":        market.New(market.Options{Endpoint: srv.URL, Credential: cred}),
		"in-process": market.New(market.Options{Endpoint: "http://sandbox.mkt.local", Credential: cred, Transport: sandbox.Transport{Handler: h}}),
	} {
		t.Run(name, func(t *testing.T) {
			u, err := c.Upload(context.Background(), "app.tgz", strings.NewReader("package bytes "+name))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(u, "/"+sandbox.NestBucket+"/uploads/") || !strings.HasSuffix(u, "/app.tgz") {
				t.Errorf("url %s", u)
			}
			a, err := c.CreateArtifact(context.Background(), market.ArtifactInput{Type: "File", Name: "pkg-" + name, VersionName: "v1",
				Property: marketapi.ArtifactProperty{Url: u}}, "")
			if err != nil || a.Status != "Created" {
				t.Errorf("artifact: %+v %v", a, err)
			}
		})
	}
	// The object is there, byte for byte, and only with the key that put it.
	resp, err := http.Get(srv.URL + "/" + sandbox.NestBucket + "/uploads/x/app.tgz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 403 {
		t.Errorf("unsigned GET: %d", resp.StatusCode)
	}
}

// Buying the Marketplace product a service is bound to (its Commodity) deploys the service: a
// service instance for the buyer, pay-as-you-go when the commodity is postpaid.
func TestBoundProductPurchaseDeploysTheService(t *testing.T) {
	store, err := sandbox.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	c := market.New(market.Options{Endpoint: "http://sandbox.mkt.local", Credential: mustCredential(t, store),
		Transport: sandbox.Transport{Handler: sandbox.NewServer(store)}})
	ctx := context.Background()
	name, mode, act := "Nest product", "license", "https://isv.example.com/activate"
	p, err := c.CreateProduct(ctx, market.ProductInput{Type: "SAAS", Name: &name, DeliveryMode: &mode, ActivationUrl: &act,
		Skus: []marketapi.SKU{{Name: "Basic", Price: "10"}}, ValidityPeriods: []string{"1m"}}, "")
	if err != nil {
		t.Fatal(err)
	}
	c.SubmitProduct(ctx, p.Code, "review", "")
	c.ReviewProduct(ctx, p.Code, "approve", "")
	s, err := c.CreateService(ctx, "", market.NestSpec{DeployType: "spi", ShareType: "Public",
		ServiceInfos: []marketapi.NestServiceInfo{{Locale: "zh-CN", Name: "绑定服务"}},
		Commodity:    &marketapi.NestCommodity{CommodityCode: p.Code, ChargeType: "POSTPAY"}}, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, step := range []string{"RegisterService", "review", "LaunchService", "clock"} {
		switch step {
		case "review":
			_, err = c.ReviewService(ctx, s.ServiceId, true, "")
		case "clock":
			_, err = c.AdvanceClock(ctx, "5s")
		default:
			_, err = c.ServiceStep(ctx, step, s.ServiceId, "1", "")
		}
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	got, _ := c.GetService(ctx, s.ServiceId, "")
	if got.Commodity == nil || got.CommodityCode != p.Code {
		t.Fatalf("binding: %+v", got)
	}
	if _, err := c.Simulate(ctx, "SandboxPurchase", market.BuyerEvent{Code: p.Code, AliUid: "1002"}); err != nil {
		t.Fatal(err)
	}
	list, err := c.ServiceInstances(ctx, map[string][]string{"ServiceId": {s.ServiceId}})
	if err != nil || len(list) != 1 || list[0].PayType != "PayAsYouGo" || list[0].UserId != 1002 || list[0].Source != "Market" {
		t.Errorf("%+v %v", list, err)
	}
}
