package market

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/aliyun/alibabacloud-oss-go-sdk-v2/oss"
	"github.com/aliyun/alibabacloud-oss-go-sdk-v2/oss/credentials"

	"github.com/mkt-cli/mkt/internal/acs"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// Compute Nest's supplier API (marketapi.NestProduct): typed methods over Call, each sent to
// the client's NestEndpoint with the region in RegionId.

// NestSpec is what a service version is made of: CreateService's and UpdateService's
// parameters, and what GetService answers of them (SpecOf).
type NestSpec struct {
	DeployType        string                      `json:"DeployType"`
	DeployMetadata    string                      `json:"DeployMetadata,omitempty"`
	ServiceType       string                      `json:"ServiceType,omitempty"`
	ShareType         string                      `json:"ShareType,omitempty"`
	ApprovalType      string                      `json:"ApprovalType,omitempty"`
	TenantType        string                      `json:"TenantType,omitempty"`
	VersionName       string                      `json:"VersionName,omitempty"`
	TrialDuration     int64                       `json:"TrialDuration,omitempty"`
	Duration          int64                       `json:"Duration,omitempty"`
	IsSupportOperated bool                        `json:"IsSupportOperated,omitempty"`
	Resellable        bool                        `json:"Resellable,omitempty"`
	AlarmMetadata     string                      `json:"AlarmMetadata,omitempty"`
	OperationMetadata string                      `json:"OperationMetadata,omitempty"`
	LicenseMetadata   string                      `json:"LicenseMetadata,omitempty"`
	UpgradeMetadata   string                      `json:"UpgradeMetadata,omitempty"`
	LogMetadata       string                      `json:"LogMetadata,omitempty"`
	PolicyNames       string                      `json:"PolicyNames,omitempty"`
	ServiceInfos      []marketapi.NestServiceInfo `json:"ServiceInfos,omitempty"`
	Commodity         *marketapi.NestCommodity    `json:"Commodity,omitempty"`
}

// SpecOf is the spec of a stored version.
func SpecOf(s marketapi.NestService) NestSpec {
	return NestSpec{DeployType: s.DeployType, DeployMetadata: s.DeployMetadata, ServiceType: s.ServiceType, ShareType: s.ShareType,
		ApprovalType: s.ApprovalType, TenantType: s.TenantType, VersionName: s.VersionName, TrialDuration: s.TrialDuration,
		Duration: s.Duration, IsSupportOperated: s.IsSupportOperated, Resellable: s.Resellable, AlarmMetadata: s.AlarmMetadata,
		OperationMetadata: s.OperationMetadata, LicenseMetadata: s.LicenseMetadata, UpgradeMetadata: s.UpgradeMetadata,
		LogMetadata: s.LogMetadata, PolicyNames: s.PolicyNames, ServiceInfos: s.ServiceInfos, Commodity: s.Commodity}
}

// Params is the spec as RPC parameters: every field (an update sends the whole spec, so that
// what the file says is what the version holds).
func (s NestSpec) Params() url.Values {
	v := url.Values{}
	for k, val := range map[string]string{"DeployType": s.DeployType, "DeployMetadata": s.DeployMetadata, "ServiceType": s.ServiceType,
		"ShareType": s.ShareType, "ApprovalType": s.ApprovalType, "TenantType": s.TenantType, "VersionName": s.VersionName,
		"AlarmMetadata": s.AlarmMetadata, "OperationMetadata": s.OperationMetadata, "LicenseMetadata": s.LicenseMetadata,
		"UpgradeMetadata": s.UpgradeMetadata, "LogMetadata": s.LogMetadata, "PolicyNames": s.PolicyNames} {
		if val != "" {
			v.Set(k, val)
		}
	}
	if s.TrialDuration > 0 {
		v.Set("TrialDuration", strconv.FormatInt(s.TrialDuration, 10))
	}
	if s.Duration > 0 {
		v.Set("Duration", strconv.FormatInt(s.Duration, 10))
	}
	if s.IsSupportOperated {
		v.Set("IsSupportOperated", "true")
	}
	if s.Resellable {
		v.Set("Resellable", "true")
	}
	acs.Flatten(v, "ServiceInfo", s.ServiceInfos)
	if s.Commodity != nil {
		b, _ := json.Marshal(s.Commodity)
		v.Set("Commodity", string(b))
	}
	return v
}

func (c *Client) nest(ctx context.Context, action string, form url.Values, token string, out any) error {
	if form == nil {
		form = url.Values{}
	}
	return c.Call(ctx, Request{Product: marketapi.NestProduct, Action: action, Form: form, ClientToken: token}, out)
}

func (c *Client) region() string {
	if c.opts.Region == "" {
		return "cn-hangzhou"
	}
	return c.opts.Region
}

func (c *Client) regional(v url.Values) url.Values {
	if v == nil {
		v = url.Values{}
	}
	v.Set("RegionId", c.region())
	return v
}

// CreateService makes a service (or, with serviceID, a new draft version of it).
func (c *Client) CreateService(ctx context.Context, serviceID string, spec NestSpec, token string) (marketapi.NestCreated, error) {
	v := c.regional(spec.Params())
	if serviceID != "" {
		v.Set("ServiceId", serviceID)
	}
	var out marketapi.NestCreated
	return out, c.nest(ctx, "CreateService", v, token, &out)
}

// NewServiceVersion drafts a new version of serviceID from its newest (CreateService with the
// ServiceId and nothing else).
func (c *Client) NewServiceVersion(ctx context.Context, serviceID, token string) (marketapi.NestCreated, error) {
	var out marketapi.NestCreated
	return out, c.nest(ctx, "CreateService", c.regional(url.Values{"ServiceId": {serviceID}}), token, &out)
}

// UpdateService changes a version (the draft when version is "") to spec's fields, or to
// the raw parameters in extra.
func (c *Client) UpdateService(ctx context.Context, serviceID, version string, params url.Values, token string) error {
	v := c.regional(params)
	v.Set("ServiceId", serviceID)
	if version != "" {
		v.Set("ServiceVersion", version)
	}
	return c.nest(ctx, "UpdateService", v, token, nil)
}

// GetService reads one version ("" the default one).
func (c *Client) GetService(ctx context.Context, serviceID, version string) (marketapi.NestService, error) {
	v := c.regional(url.Values{"ServiceId": {serviceID}})
	if version != "" {
		v.Set("ServiceVersion", version)
	}
	var out marketapi.NestService
	return out, c.nest(ctx, "GetService", v, "", &out)
}

// ListServices follows the pages of ListServices, filtered by name → values.
func (c *Client) ListServices(ctx context.Context, filter map[string][]string, allVersions bool) ([]marketapi.NestService, error) {
	var all []marketapi.NestService
	return all, c.pages(ctx, "ListServices", filter, "Value", func(v url.Values) {
		if allVersions {
			v.Set("AllVersions", "true")
		}
	}, func(b []byte) (string, error) {
		var page marketapi.NestServiceList
		if err := json.Unmarshal(b, &page); err != nil {
			return "", err
		}
		all = append(all, page.Services...)
		return page.NextToken, nil
	})
}

// pages calls a NextToken-paged list action until its last page; fn reads each raw page and
// returns its NextToken.
func (c *Client) pages(ctx context.Context, action string, filter map[string][]string, valueKey string, setup func(url.Values), fn func([]byte) (string, error)) error {
	next := ""
	for range 1000 {
		v := c.regional(nil)
		if action == "ListArtifacts" || action == "ListArtifactVersions" {
			v.Del("RegionId")
		}
		v.Set("MaxResults", "100")
		if next != "" {
			v.Set("NextToken", next)
		}
		i := 1
		for _, name := range slices.Sorted(maps.Keys(filter)) {
			v.Set(fmt.Sprintf("Filter.%d.Name", i), name)
			for j, val := range filter[name] {
				v.Set(fmt.Sprintf("Filter.%d.%s.%d", i, valueKey, j+1), val)
			}
			i++
		}
		if setup != nil {
			setup(v)
		}
		row, _ := marketapi.LookupIn(marketapi.NestProduct, action)
		req := Request{Product: marketapi.NestProduct, Action: action, Form: v}
		if row.Sends() == http.MethodGet {
			req.Form, req.Query = nil, v
		}
		resp, err := c.Do(ctx, req)
		if err != nil {
			return err
		}
		if next, err = fn(resp.Body); err != nil {
			return &DecodeError{Action: action, Status: resp.Status, Body: string(resp.Body), Err: err}
		}
		if next == "" {
			return nil
		}
	}
	return fmt.Errorf("%s: more than 1000 pages", action)
}

// ServiceStep is one of the actions that move a version along: RegisterService (version
// ignored), PreLaunchService, LaunchService, WithdrawService, DeleteService.
func (c *Client) ServiceStep(ctx context.Context, action, serviceID, version, token string) (map[string]any, error) {
	v := c.regional(url.Values{"ServiceId": {serviceID}})
	if version != "" && action != "RegisterService" && action != "PreLaunchService" {
		v.Set("ServiceVersion", version)
	}
	out := map[string]any{}
	return out, c.nest(ctx, action, v, token, &out)
}

// CancelServiceRegistration takes a submitted version back to Draft.
func (c *Client) CancelServiceRegistration(ctx context.Context, registrationID, token string) error {
	return c.nest(ctx, "CancelServiceRegistration", c.regional(url.Values{"RegistrationId": {registrationID}}), token, nil)
}

// ServiceRegistrations follows ListServiceRegistrations' pages: the review requests, oldest
// first as the API lists them.
func (c *Client) ServiceRegistrations(ctx context.Context, filter map[string][]string) ([]marketapi.NestRegistration, error) {
	var all []marketapi.NestRegistration
	return all, c.pages(ctx, "ListServiceRegistrations", filter, "Value", nil, func(b []byte) (string, error) {
		var page marketapi.NestRegistrationList
		if err := json.Unmarshal(b, &page); err != nil {
			return "", err
		}
		all = append(all, page.ServiceRegistrations...)
		return page.NextToken, nil
	})
}

// ArtifactInput is what an artifact version is made of.
type ArtifactInput struct {
	ArtifactID       string
	Type             string
	Name             string
	VersionName      string
	Description      string
	Property         marketapi.ArtifactProperty
	SupportRegionIDs []string
}

func (in ArtifactInput) params() url.Values {
	v := url.Values{}
	b, _ := json.Marshal(in.Property)
	v.Set("ArtifactProperty", string(b))
	for k, val := range map[string]string{"ArtifactId": in.ArtifactID, "ArtifactType": in.Type, "Name": in.Name,
		"VersionName": in.VersionName, "Description": in.Description} {
		if val != "" {
			v.Set(k, val)
		}
	}
	for i, r := range in.SupportRegionIDs {
		v.Set("SupportRegionIds."+strconv.Itoa(i+1), r)
	}
	return v
}

// CreateArtifact makes an artifact (or, with ArtifactID, a new version of it).
func (c *Client) CreateArtifact(ctx context.Context, in ArtifactInput, token string) (marketapi.NestArtifact, error) {
	var out marketapi.NestArtifact
	return out, c.nest(ctx, "CreateArtifact", in.params(), token, &out)
}

// UpdateArtifact changes the unreleased newest version of in.ArtifactID.
func (c *Client) UpdateArtifact(ctx context.Context, in ArtifactInput, token string) (marketapi.NestArtifact, error) {
	v := in.params()
	v.Del("ArtifactType")
	v.Del("Name")
	var out marketapi.NestArtifact
	return out, c.nest(ctx, "UpdateArtifact", v, token, &out)
}

// GetArtifact reads one version ("" the newest) of an artifact.
func (c *Client) GetArtifact(ctx context.Context, id, version string) (marketapi.NestArtifact, error) {
	v := url.Values{"ArtifactId": {id}}
	if version != "" {
		v.Set("ArtifactVersion", version)
	}
	var out marketapi.NestArtifact
	return out, c.nest(ctx, "GetArtifact", v, "", &out)
}

// ListArtifacts follows ListArtifacts' pages (or, with id, ListArtifactVersions').
func (c *Client) ListArtifacts(ctx context.Context, filter map[string][]string, id string) ([]marketapi.NestArtifact, error) {
	action, setup := "ListArtifacts", func(url.Values) {}
	if id != "" {
		action, filter = "ListArtifactVersions", nil
		setup = func(v url.Values) { v.Set("ArtifactId", id) }
	}
	var all []marketapi.NestArtifact
	return all, c.pages(ctx, action, filter, "Values", setup, func(b []byte) (string, error) {
		var page marketapi.NestArtifactList
		if err := json.Unmarshal(b, &page); err != nil {
			return "", err
		}
		all = append(all, page.Artifacts...)
		return page.NextToken, nil
	})
}

// ReleaseArtifact releases the newest version of an artifact.
func (c *Client) ReleaseArtifact(ctx context.Context, id, token string) (marketapi.NestArtifact, error) {
	var out marketapi.NestArtifact
	return out, c.nest(ctx, "ReleaseArtifact", url.Values{"ArtifactId": {id}}, token, &out)
}

// DeleteArtifact deletes one version of an artifact, or all when version is "".
func (c *Client) DeleteArtifact(ctx context.Context, id, version, token string) error {
	v := url.Values{"ArtifactId": {id}}
	if version != "" {
		v.Set("ArtifactVersion", version)
	}
	return c.nest(ctx, "DeleteArtifact", v, token, nil)
}

// ServiceInstances follows ListServiceInstances' pages.
func (c *Client) ServiceInstances(ctx context.Context, filter map[string][]string) ([]marketapi.NestInstance, error) {
	var all []marketapi.NestInstance
	return all, c.pages(ctx, "ListServiceInstances", filter, "Value", nil, func(b []byte) (string, error) {
		var page marketapi.NestInstanceList
		if err := json.Unmarshal(b, &page); err != nil {
			return "", err
		}
		all = append(all, page.ServiceInstances...)
		return page.NextToken, nil
	})
}

// ServiceInstance reads one service instance.
func (c *Client) ServiceInstance(ctx context.Context, id string) (marketapi.NestInstance, error) {
	var out marketapi.NestInstance
	return out, c.nest(ctx, "GetServiceInstance", c.regional(url.Values{"ServiceInstanceId": {id}}), "", &out)
}

// PushNestMetering sends a service instance's usage (ComputeNestSupplier's PushMeteringData),
// once: it takes no ClientToken, so a lost answer cannot be told from a lost request.
func (c *Client) PushNestMetering(ctx context.Context, instanceID, metering string) error {
	return c.Call(ctx, Request{Product: marketapi.NestProduct, Action: "PushMeteringData", Once: true,
		Form: url.Values{"ServiceInstanceId": {instanceID}, "Metering": {metering}}}, nil)
}

// ServiceUsages follows ListServiceUsages' pages.
func (c *Client) ServiceUsages(ctx context.Context, filter map[string][]string) ([]marketapi.NestUsage, error) {
	var all []marketapi.NestUsage
	return all, c.pages(ctx, "ListServiceUsages", filter, "Value", nil, func(b []byte) (string, error) {
		var page marketapi.NestUsageList
		if err := json.Unmarshal(b, &page); err != nil {
			return "", err
		}
		all = append(all, page.ServiceUsages...)
		return page.NextToken, nil
	})
}

// AnswerServiceUsage approves (ApproveServiceUsage) or rejects (RejectServiceUsage) a usage
// request.
func (c *Client) AnswerServiceUsage(ctx context.Context, approve bool, serviceID string, uid int64, comments, token string) error {
	action := "RejectServiceUsage"
	if approve {
		action = "ApproveServiceUsage"
	}
	v := c.regional(url.Values{"ServiceId": {serviceID}, "UserAliUid": {strconv.FormatInt(uid, 10)}})
	if comments != "" {
		v.Set("Comments", comments)
	}
	return c.nest(ctx, action, v, token, nil)
}

// ReviewService answers a submitted version's review in the sandbox (SandboxReviewService).
func (c *Client) ReviewService(ctx context.Context, serviceID string, approve bool, comment string) (marketapi.NestService, error) {
	var out marketapi.NestService
	return out, c.Call(ctx, Request{Action: "SandboxReviewService", Form: url.Values{"ServiceId": {serviceID},
		"Approve": {strconv.FormatBool(approve)}, "Comment": {comment}}}, &out)
}

// NestPurchase plays a buyer deploying a service in the sandbox (SandboxNestPurchase).
func (c *Client) NestPurchase(ctx context.Context, serviceID string, uid int64, payType string) (map[string]any, error) {
	v := url.Values{"ServiceId": {serviceID}, "PayType": {payType}}
	if uid > 0 {
		v.Set("AliUid", strconv.FormatInt(uid, 10))
	}
	out := map[string]any{}
	return out, c.Call(ctx, Request{Action: "SandboxNestPurchase", Form: v}, &out)
}

// Upload puts a file where Compute Nest can read it: GetUploadCredentials for its name, then
// an OSS PutObject with the key given (the OSS SDK; to the region's OSS endpoint live, to the
// target itself — the sandbox's store, path-style — otherwise). It returns the object's URL.
func (c *Client) Upload(ctx context.Context, fileName string, body io.Reader) (string, error) {
	var ans marketapi.UploadCredentialsAnswer
	if err := c.nest(ctx, "GetUploadCredentials", url.Values{"FileName": {fileName}}, "", &ans); err != nil {
		return "", err
	}
	d := ans.Data
	if d.BucketName == "" || d.Key == "" || d.AccessKeyId == "" {
		return "", &DecodeError{Action: "GetUploadCredentials", Status: 200, Err: fmt.Errorf("the answer names no bucket, key or AccessKeyId")}
	}
	ep := c.NestEndpoint()
	live := strings.HasSuffix(hostOf(ep), ".aliyuncs.com")
	cfg := oss.LoadDefaultConfig().
		WithCredentialsProvider(credentials.NewStaticCredentialsProvider(d.AccessKeyId, d.AccessKeySecret, d.SecurityToken)).
		WithRegion(d.RegionId).
		WithRetryMaxAttempts(c.opts.Retry.MaxAttempts)
	hc := &http.Client{Timeout: c.opts.Timeout}
	if c.opts.Transport != nil {
		hc.Transport = c.opts.Transport
	}
	cfg = cfg.WithHttpClient(hc)
	var objectURL string
	if live {
		objectURL = "https://" + d.BucketName + ".oss-" + d.RegionId + ".aliyuncs.com/" + d.Key
	} else {
		cfg = cfg.WithEndpoint(ep).WithUsePathStyle(true)
		if strings.HasPrefix(ep, "http://") {
			cfg = cfg.WithDisableSSL(true)
		}
		objectURL = strings.TrimRight(ep, "/") + "/" + d.BucketName + "/" + d.Key
	}
	if _, err := oss.NewClient(cfg).PutObject(ctx, &oss.PutObjectRequest{Bucket: oss.Ptr(d.BucketName), Key: oss.Ptr(d.Key), Body: body}); err != nil {
		return "", &TransportError{Endpoint: objectURL, Attempts: 1, Err: err}
	}
	return objectURL, nil
}

func hostOf(ep string) string {
	u, err := url.Parse(ep)
	if err != nil {
		return ep
	}
	return u.Hostname()
}
