package nest

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// Resolver gives the values a config leaves open: a local file's URL once uploaded, an
// artifact's ID and version once made.
type Resolver interface {
	FileURL(f *File) string
	ArtifactField(key, field string) string
}

// resolveTree replaces, in every string of x, local file paths (the config's Files) and
// ${Artifact.<key>.<field>} references.
func (cfg *Config) resolveTree(x any, r Resolver) any {
	switch t := x.(type) {
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, v := range t {
			out[k] = cfg.resolveTree(v, r)
		}
		return out
	case []any:
		out := make([]any, len(t))
		for i, v := range t {
			out[i] = cfg.resolveTree(v, r)
		}
		return out
	case string:
		if f, ok := cfg.Files[t]; ok {
			return r.FileURL(f)
		}
		return artifactRef.ReplaceAllStringFunc(t, func(m string) string {
			sm := artifactRef.FindStringSubmatch(m)
			return r.ArtifactField(sm[1], sm[2])
		})
	}
	return x
}

// jsonText is a metadata value as the API takes it: JSON text (a YAML mapping or list is
// encoded, keys sorted; a string is taken as written).
func jsonText(x any) string {
	switch t := x.(type) {
	case nil:
		return ""
	case string:
		return t
	}
	b, _ := json.Marshal(x)
	return string(b)
}

func intOf(x any) int64 {
	switch t := x.(type) {
	case int:
		return int64(t)
	case int64:
		return t
	case float64:
		return int64(t)
	case string:
		n, _ := strconv.ParseInt(t, 10, 64)
		return n
	}
	return 0
}

func boolOf(x any) bool {
	switch t := x.(type) {
	case bool:
		return t
	case string:
		return t == "true"
	}
	return false
}

func str(x any) string {
	if x == nil {
		return ""
	}
	if s, ok := x.(string); ok {
		return s
	}
	return fmt.Sprint(x)
}

// Spec is the service version the config describes, its files and references resolved by r.
func (cfg *Config) Spec(r Resolver) market.NestSpec {
	svc, _ := cfg.resolveTree(cfg.Service, r).(map[string]any)
	s := market.NestSpec{
		DeployType: str(svc["DeployType"]), ServiceType: str(svc["ServiceType"]), ShareType: str(svc["ShareType"]),
		ApprovalType: str(svc["ApprovalType"]), TenantType: str(svc["TenantType"]), VersionName: str(svc["VersionName"]),
		DeployMetadata: jsonText(svc["DeployMetadata"]), AlarmMetadata: jsonText(svc["AlarmMetadata"]),
		OperationMetadata: jsonText(svc["OperationMetadata"]), LicenseMetadata: jsonText(svc["LicenseMetadata"]),
		UpgradeMetadata: jsonText(svc["UpgradeMetadata"]), LogMetadata: jsonText(svc["LogMetadata"]),
		TrialDuration: intOf(svc["TrialDuration"]), Duration: intOf(svc["Duration"]),
		IsSupportOperated: boolOf(svc["IsSupportOperated"]), Resellable: boolOf(svc["Resellable"]),
	}
	switch p := svc["PolicyNames"].(type) {
	case []any:
		parts := make([]string, len(p))
		for i, v := range p {
			parts[i] = str(v)
		}
		s.PolicyNames = strings.Join(parts, ",")
	default:
		s.PolicyNames = str(p)
	}
	infos := []any{svc["ServiceInfo"]}
	if l, ok := svc["ServiceInfo"].([]any); ok {
		infos = l
	}
	for _, x := range infos {
		m, _ := x.(map[string]any)
		if m == nil {
			continue
		}
		in := marketapi.NestServiceInfo{Locale: str(m["Locale"]), Name: str(m["Name"]), ShortDescription: str(m["ShortDescription"]),
			Image: str(m["Image"]), LongDescriptionUrl: str(m["LongDescriptionUrl"])}
		if in.Locale == "" {
			in.Locale = "zh-CN"
		}
		b, _ := json.Marshal(m["Agreements"])
		json.Unmarshal(b, &in.Agreements)
		b, _ = json.Marshal(m["Softwares"])
		json.Unmarshal(b, &in.Softwares)
		s.ServiceInfos = append(s.ServiceInfos, in)
	}
	sort.SliceStable(s.ServiceInfos, func(i, j int) bool { return s.ServiceInfos[i].Locale > s.ServiceInfos[j].Locale })
	if m, ok := svc["Commodity"].(map[string]any); ok {
		s.Commodity = &marketapi.NestCommodity{CommodityCode: str(m["CommodityCode"]), ChargeType: str(m["ChargeType"]), Type: str(m["Type"])}
		if s.Commodity.Type == "" {
			s.Commodity.Type = "Marketplace"
		}
	}
	return s
}

// ArtifactInput is what artifact a describes, its file and references resolved by r.
func (cfg *Config) ArtifactInput(a Artifact, r Resolver) market.ArtifactInput {
	prop, _ := cfg.resolveTree(a.Property, r).(map[string]any)
	in := market.ArtifactInput{Type: a.Type, Name: a.Name, VersionName: a.VersionName, Description: a.Description, SupportRegionIDs: a.Regions}
	in.Property = marketapi.ArtifactProperty{RegionId: str(prop["RegionId"]), ImageId: str(prop["ImageId"]), Url: str(prop["Url"]),
		RepoName: str(prop["RepoName"]), Tag: str(prop["Tag"])}
	if a.File != nil {
		in.Property.Url = r.FileURL(a.File)
	}
	if in.VersionName == "" {
		in.VersionName = "v1"
	}
	return in
}

// Change is one field that differs between what is and what the config says.
type Change struct {
	Field string `json:"field"`
	From  string `json:"from"`
	To    string `json:"to"`
}

// canonical re-encodes JSON text with sorted keys (text that is not JSON stays as it is).
func canonical(s string) string {
	var x any
	if s == "" || json.Unmarshal([]byte(s), &x) != nil {
		return s
	}
	b, _ := json.Marshal(x)
	return string(b)
}

// leaves flattens JSON text into path → value.
func leaves(s string) map[string]string {
	out := map[string]string{}
	var x any
	if s == "" {
		return out
	}
	if json.Unmarshal([]byte(s), &x) != nil {
		out[""] = s
		return out
	}
	var rec func(p string, x any)
	rec = func(p string, x any) {
		switch t := x.(type) {
		case map[string]any:
			for k, v := range t {
				rec(p+"."+k, v)
			}
		case []any:
			for i, v := range t {
				rec(fmt.Sprintf("%s[%d]", p, i), v)
			}
		default:
			b, _ := json.Marshal(t)
			out[p] = string(b)
		}
	}
	rec("", x)
	return out
}

// Diff lists what differs between a stored version (from) and the config's spec (to): scalar
// fields by name, metadata by the JSON paths that changed, service infos by locale.
func Diff(from, to market.NestSpec) []Change {
	var out []Change
	scalar := func(field, a, b string) {
		if a != b {
			out = append(out, Change{Field: field, From: a, To: b})
		}
	}
	scalar("DeployType", from.DeployType, to.DeployType)
	scalar("ServiceType", from.ServiceType, to.ServiceType)
	scalar("ShareType", from.ShareType, to.ShareType)
	scalar("ApprovalType", from.ApprovalType, to.ApprovalType)
	scalar("TenantType", from.TenantType, to.TenantType)
	scalar("VersionName", from.VersionName, to.VersionName)
	scalar("TrialDuration", strconv.FormatInt(from.TrialDuration, 10), strconv.FormatInt(to.TrialDuration, 10))
	scalar("Duration", strconv.FormatInt(from.Duration, 10), strconv.FormatInt(to.Duration, 10))
	scalar("IsSupportOperated", strconv.FormatBool(from.IsSupportOperated), strconv.FormatBool(to.IsSupportOperated))
	scalar("Resellable", strconv.FormatBool(from.Resellable), strconv.FormatBool(to.Resellable))
	scalar("PolicyNames", from.PolicyNames, to.PolicyNames)
	for _, m := range []struct {
		name string
		a, b string
	}{{"DeployMetadata", from.DeployMetadata, to.DeployMetadata}, {"AlarmMetadata", from.AlarmMetadata, to.AlarmMetadata},
		{"OperationMetadata", from.OperationMetadata, to.OperationMetadata}, {"LicenseMetadata", from.LicenseMetadata, to.LicenseMetadata},
		{"UpgradeMetadata", from.UpgradeMetadata, to.UpgradeMetadata}, {"LogMetadata", from.LogMetadata, to.LogMetadata}} {
		if canonical(m.a) == canonical(m.b) {
			continue
		}
		la, lb := leaves(m.a), leaves(m.b)
		paths := map[string]bool{}
		for p := range la {
			paths[p] = true
		}
		for p := range lb {
			paths[p] = true
		}
		keys := make([]string, 0, len(paths))
		for p := range paths {
			if la[p] != lb[p] {
				keys = append(keys, p)
			}
		}
		sort.Strings(keys)
		for _, p := range keys {
			out = append(out, Change{Field: m.name + p, From: la[p], To: lb[p]})
		}
	}
	infoOf := func(l []marketapi.NestServiceInfo) map[string]string {
		m := map[string]string{}
		for _, in := range l {
			b, _ := json.Marshal(in)
			for p, v := range leaves(string(b)) {
				m["ServiceInfo["+in.Locale+"]"+p] = v
			}
		}
		return m
	}
	ia, ib := infoOf(from.ServiceInfos), infoOf(to.ServiceInfos)
	var keys []string
	for p := range ia {
		if ia[p] != ib[p] {
			keys = append(keys, p)
		}
	}
	for p := range ib {
		if _, ok := ia[p]; !ok {
			keys = append(keys, p)
		}
	}
	sort.Strings(keys)
	for _, p := range keys {
		out = append(out, Change{Field: p, From: ia[p], To: ib[p]})
	}
	ca, cb := "", ""
	if from.Commodity != nil {
		ca = from.Commodity.CommodityCode + "/" + from.Commodity.ChargeType
	}
	if to.Commodity != nil {
		cb = to.Commodity.CommodityCode + "/" + to.Commodity.ChargeType
	}
	if to.Commodity != nil || from.Commodity != nil {
		scalar("Commodity", strings.Trim(ca, "/"), strings.Trim(cb, "/"))
	}
	return out
}

// ArtifactDiff lists what differs between an artifact version and what the config says.
func ArtifactDiff(cur marketapi.NestArtifact, in market.ArtifactInput) []Change {
	var out []Change
	scalar := func(field, a, b string) {
		if a != b {
			out = append(out, Change{Field: field, From: a, To: b})
		}
	}
	scalar("ArtifactType", cur.ArtifactType, in.Type)
	scalar("Description", cur.Description, in.Description)
	scalar("VersionName", cur.VersionName, in.VersionName)
	b, _ := json.Marshal(in.Property)
	la, lb := leaves(cur.ArtifactProperty), leaves(string(b))
	var keys []string
	for p := range lb {
		if la[p] != lb[p] {
			keys = append(keys, p)
		}
	}
	sort.Strings(keys)
	for _, p := range keys {
		out = append(out, Change{Field: "ArtifactProperty" + p, From: la[p], To: lb[p]})
	}
	if len(in.SupportRegionIDs) > 0 {
		rb, _ := json.Marshal(in.SupportRegionIDs)
		scalar("SupportRegionIds", cur.SupportRegionIds, string(rb))
	}
	return out
}
