package sandbox_test

import (
	"bytes"
	"encoding/json"
	"fmt"
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

// TestOfficialSDKInterop: the official Alibaba Cloud Go SDK calls a sandbox served on
// 127.0.0.1 the way it calls the real endpoint — generic CallApi, RPC style — with its V3
// default and again with SignatureAlgorithm "v2" (V1, HMAC-SHA1), and gets DescribeProducts
// in the real shape; with a wrong secret it gets SignatureDoesNotMatch.
func TestOfficialSDKInterop(t *testing.T) {
	store, err := sandbox.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	srv := httptest.NewServer(sandbox.NewServer(store))
	defer srv.Close()
	u, _ := url.Parse(srv.URL)
	id, secret, _ := store.Credentials()

	call := func(t *testing.T, secret, algorithm string) (map[string]any, error) {
		cfg := &openapiutil.Config{
			AccessKeyId:     dara.String(id),
			AccessKeySecret: dara.String(secret),
			Endpoint:        dara.String(u.Host),
			Protocol:        dara.String("http"),
		}
		if algorithm != "" {
			cfg.SignatureAlgorithm = dara.String(algorithm)
		}
		c, err := openapi.NewClient(cfg)
		if err != nil {
			t.Fatal(err)
		}
		params := &openapiutil.Params{
			Action: dara.String("DescribeProducts"), Version: dara.String("2015-11-01"),
			Protocol: dara.String("HTTP"), Pathname: dara.String("/"), Method: dara.String("POST"),
			AuthType: dara.String("AK"), Style: dara.String("RPC"),
			ReqBodyType: dara.String("formData"), BodyType: dara.String("json"),
		}
		req := &openapiutil.OpenApiRequest{Query: openapiutil.Query(map[string]any{"PageSize": "5", "SearchTerm": "中文 a*b"})}
		resp, err := c.CallApi(params, req, &dara.RuntimeOptions{})
		if err != nil {
			return nil, err
		}
		return resp["body"].(map[string]any), nil
	}

	// The seller extension exists only under its own version: an SDK script that calls
	// CreateProduct under 2015-11-01 gets what production answers (404 InvalidAction.NotFound),
	// so it cannot work against the sandbox and fail only in production.
	t.Run("ExtensionVersion", func(t *testing.T) {
		cfg := &openapiutil.Config{AccessKeyId: dara.String(id), AccessKeySecret: dara.String(secret), Endpoint: dara.String(u.Host), Protocol: dara.String("http")}
		c, err := openapi.NewClient(cfg)
		if err != nil {
			t.Fatal(err)
		}
		create := func(version string) (map[string]any, error) {
			p := &openapiutil.Params{Action: dara.String("CreateProduct"), Version: dara.String(version), Protocol: dara.String("HTTP"),
				Pathname: dara.String("/"), Method: dara.String("POST"), AuthType: dara.String("AK"), Style: dara.String("RPC"),
				ReqBodyType: dara.String("formData"), BodyType: dara.String("json")}
			return c.CallApi(p, &openapiutil.OpenApiRequest{Query: openapiutil.Query(map[string]any{"Type": "SAAS", "Name": "SDK product"})}, &dara.RuntimeOptions{})
		}
		_, err = create(marketapi.Version)
		if err == nil || !strings.Contains(err.Error(), "InvalidAction.NotFound") || !strings.Contains(err.Error(), "StatusCode: 404") {
			t.Errorf("CreateProduct under %s: %v", marketapi.Version, err)
		}
		resp, err := create(marketapi.ExtensionVersion)
		if err != nil {
			t.Fatalf("CreateProduct under %s: %v", marketapi.ExtensionVersion, err)
		}
		if p, _ := resp["body"].(map[string]any)["Product"].(map[string]any); p["Status"] != "DRAFT" {
			t.Errorf("created: %v", resp["body"])
		}
	})

	// DescribeInvoiceForIsv decodes into the shape the public documentation describes:
	// numbers as strings, Result[] with its nested objects.
	t.Run("DescribeInvoiceForIsv", func(t *testing.T) {
		cfg := &openapiutil.Config{AccessKeyId: dara.String(id), AccessKeySecret: dara.String(secret), Endpoint: dara.String(u.Host), Protocol: dara.String("http")}
		c, err := openapi.NewClient(cfg)
		if err != nil {
			t.Fatal(err)
		}
		params := func(action string) *openapiutil.Params {
			row, _ := marketapi.Lookup(action)
			return &openapiutil.Params{Action: dara.String(action), Version: dara.String(row.Version), Protocol: dara.String("HTTP"),
				Pathname: dara.String("/"), Method: dara.String("POST"), AuthType: dara.String("AK"), Style: dara.String("RPC"),
				ReqBodyType: dara.String("formData"), BodyType: dara.String("json")}
		}
		if _, err := c.CallApi(params("SandboxRequestInvoice"), &openapiutil.OpenApiRequest{Query: openapiutil.Query(map[string]any{"Count": "3"})}, &dara.RuntimeOptions{}); err != nil {
			t.Fatal(err)
		}
		resp, err := c.CallApi(params("DescribeInvoiceForIsv"), &openapiutil.OpenApiRequest{Query: openapiutil.Query(map[string]any{"Status": "0", "PageIndex": "1", "PageSize": "2"})}, &dara.RuntimeOptions{})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(resp["body"])
		var doc struct {
			RequestId, PageSize, PageNumber, Count, Code string
			Success                                      bool
			Result                                       []struct {
				Id, Status, Title, Type, Price, AliyunPk, CreateTimeStr, ModifiedTime, MaterialType string
				ReceiptUserInfoDto                                                                  struct{ TaxNumber string }
				UserAddressDto                                                                      struct{ AliyunPk, Emails string }
				InvoiceList                                                                         []struct{ Id, InvoiceAmount string }
				EvaluateList                                                                        []struct {
					Id, ProductCode, Amount, BizTimeStr string
					Agent                               bool
				}
			}
		}
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&doc); err != nil {
			// Unknown fields are fine (NextToken, MaxResults…); a type mismatch is not.
			if !strings.Contains(err.Error(), "unknown field") {
				t.Fatalf("shape: %v\n%s", err, b)
			}
			json.Unmarshal(b, &doc)
		}
		if doc.PageSize != "2" || doc.PageNumber != "1" || doc.Count != "3" || !doc.Success || len(doc.Result) != 2 ||
			doc.Result[0].EvaluateList[0].ProductCode == "" || doc.Result[0].Status != "Processing" {
			t.Errorf("%+v", doc)
		}
	})

	for _, algo := range []string{"", "v2"} {
		name := "V3"
		if algo == "v2" {
			name = "V1"
		}
		t.Run(name, func(t *testing.T) {
			body, err := call(t, secret, algo)
			if err != nil {
				t.Fatal(err)
			}
			items, ok := body["ProductItems"].(map[string]any)["ProductItem"].([]any)
			if !ok || len(items) != 0 || body["RequestId"] == "" || fmt.Sprint(body["PageSize"]) != "5" || fmt.Sprint(body["TotalCount"]) != "0" {
				t.Errorf("shape: %v", body)
			}
			_, err = call(t, "wrong-secret", algo)
			if err == nil || !strings.Contains(err.Error(), "SignatureDoesNotMatch") {
				t.Errorf("wrong secret: %v", err)
			}
		})
	}
}

// TestOfficialSDKCallsAll31: the official SDK calls every public action — with the HTTP method
// the action table sends, V3 and again V1 — and each succeeds with a RequestId.
func TestOfficialSDKCallsAll31(t *testing.T) {
	for _, algo := range []string{"", "v2"} {
		name := "V3"
		if algo == "v2" {
			name = "V1"
		}
		t.Run(name, func(t *testing.T) {
			store, err := sandbox.Open(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			defer store.Close()
			srv := httptest.NewServer(sandbox.NewServer(store))
			defer srv.Close()
			u, _ := url.Parse(srv.URL)
			cred := mustCredential(t, store)
			mkt := market.New(market.Options{Endpoint: srv.URL, Credential: cred, Retry: market.RetryPolicy{MaxAttempts: 1}})
			cfg := &openapiutil.Config{AccessKeyId: dara.String(cred.AccessKeyID), AccessKeySecret: dara.String(cred.AccessKeySecret),
				Endpoint: dara.String(u.Host), Protocol: dara.String("http")}
			if algo != "" {
				cfg.SignatureAlgorithm = dara.String(algo)
			}
			sdk, err := openapi.NewClient(cfg)
			if err != nil {
				t.Fatal(err)
			}
			calls := everyPublicCall(t, mkt)
			if len(calls) != 31 {
				t.Fatalf("%d calls, want 31", len(calls))
			}
			for _, pc := range calls {
				row, _ := marketapi.Lookup(pc.Action)
				params := &openapiutil.Params{Action: dara.String(pc.Action), Version: dara.String(row.Version), Protocol: dara.String("HTTP"),
					Pathname: dara.String("/"), Method: dara.String(row.Sends()), AuthType: dara.String("AK"), Style: dara.String("RPC"),
					ReqBodyType: dara.String("formData"), BodyType: dara.String("json")}
				q := map[string]any{}
				for k, v := range pc.Params {
					q[k] = v[0]
				}
				resp, err := sdk.CallApi(params, &openapiutil.OpenApiRequest{Query: openapiutil.Query(q)}, &dara.RuntimeOptions{})
				if err != nil {
					t.Errorf("%s (%s): %v", pc.Action, row.Sends(), err)
					continue
				}
				if body, _ := resp["body"].(map[string]any); body["RequestId"] == nil || body["RequestId"] == "" {
					t.Errorf("%s: no RequestId in %v", pc.Action, resp["body"])
				}
			}
		})
	}
}
