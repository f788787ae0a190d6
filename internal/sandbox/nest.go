package sandbox

import (
	"database/sql"
	"encoding/json"
	"errors"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mkt-cli/mkt/internal/acs"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/rules"
)

// Compute Nest (ComputeNestSupplier 2021-05-21) as the sandbox plays it: services and their
// versions with the real status machine (internal/rules, nest.go), review by
// SandboxReviewService, launch (Launching for NestLaunchDelay of sandbox time, then Online, the
// version it replaces Offline), artifacts (Created → Scanning on release → Available after
// ArtifactScanDelay), upload credentials answered by the sandbox's object store, service
// instances made by SandboxNestPurchase, metering for pay-as-you-go instances, and usage
// requests for restricted services.

// NestLaunchDelay is how long a launch stays Launching; ArtifactScanDelay how long a released
// artifact is scanned. Both are sandbox time (the clock moves them on too).
const (
	NestLaunchDelay   = 2 * time.Second
	ArtifactScanDelay = 2 * time.Second
)

func nestHandlers() map[string]func(*Call) (any, error) {
	return map[string]func(*Call) (any, error){
		"CreateService":             createService,
		"UpdateService":             updateService,
		"GetService":                getService,
		"ListServices":              listServices,
		"DeleteService":             deleteService,
		"RegisterService":           registerService,
		"CancelServiceRegistration": cancelRegistration,
		"PreLaunchService":          preLaunchService,
		"LaunchService":             launchService,
		"WithdrawService":           withdrawService,
		"ListServiceRegistrations":  listRegistrations,
		"CreateArtifact":            createArtifact,
		"UpdateArtifact":            updateArtifact,
		"GetArtifact":               getArtifact,
		"ListArtifacts":             listArtifacts,
		"ListArtifactVersions":      listArtifactVersions,
		"ReleaseArtifact":           releaseArtifact,
		"DeleteArtifact":            deleteArtifact,
		"ListServiceInstances":      listServiceInstances,
		"GetServiceInstance":        getServiceInstance,
		"PushMeteringData":          pushNestMetering,
		"ListServiceUsages":         listServiceUsages,
		"ApproveServiceUsage":       approveServiceUsage,
		"RejectServiceUsage":        rejectServiceUsage,
		"GetUploadCredentials":      getUploadCredentials,
	}
}

func nestTime(ms int64) string {
	if ms == 0 {
		return ""
	}
	return time.UnixMilli(ms).UTC().Format(time.RFC3339)
}

func nestRequired(c *Call, names ...string) error {
	for _, n := range names {
		if c.Params.Get(n) == "" {
			return missingParam(n)
		}
	}
	return nil
}

func serviceNotFound(id string) *Error {
	return Errf(404, "EntityNotExist.Service", "The specified service %s does not exist.", id)
}

// svcRow is one stored version of a service.
type svcRow struct {
	id        string
	version   int
	status    string
	doc       marketapi.NestService
	regID     string
	detail    string
	launchAt  int64
	created   int64
	updated   int64
	published int64
	commodity string
	effective string
}

// loadVersions reads every version of service id, oldest first, with their statuses as of
// now: a launch whose time has come is Online, and the version it replaced Offline.
func loadVersions(c *Call, id string) ([]*svcRow, error) {
	rows, err := c.Tx.Query(`SELECT version, status, doc, registration_id, status_detail, launch_at, created_at, updated_at, published_at
		FROM nest_services WHERE service_id = ? ORDER BY version`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*svcRow
	for rows.Next() {
		r := &svcRow{id: id}
		var doc string
		if err := rows.Scan(&r.version, &r.status, &doc, &r.regID, &r.detail, &r.launchAt, &r.created, &r.updated, &r.published); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(doc), &r.doc); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	settleVersions(out, c.Now)
	return out, nil
}

func settleVersions(vs []*svcRow, now time.Time) {
	var newest *svcRow
	for _, r := range vs {
		r.effective = r.status
		if r.status == rules.NestLaunching && now.UnixMilli() >= r.launchAt {
			r.effective = rules.NestOnline
		}
		if r.effective == rules.NestOnline && (newest == nil || r.launchAt > newest.launchAt) {
			newest = r
		}
	}
	for _, r := range vs {
		if r.effective == rules.NestOnline && r != newest {
			r.effective = rules.NestOffline
		}
	}
}

// pick is the version asked for ("" the default: the online one, else the newest).
func pick(vs []*svcRow, id, version string) (*svcRow, error) {
	if len(vs) == 0 {
		return nil, serviceNotFound(id)
	}
	if version == "" || version == "draft" {
		if version == "" {
			for _, r := range vs {
				if r.effective == rules.NestOnline {
					return r, nil
				}
			}
			return vs[len(vs)-1], nil
		}
		for _, r := range vs {
			if r.effective == rules.NestDraft {
				return r, nil
			}
		}
		return nil, Errf(404, "EntityNotExist.ServiceVersion", "Service %s has no draft version.", id)
	}
	for _, r := range vs {
		if strconv.Itoa(r.version) == version {
			return r, nil
		}
	}
	return nil, Errf(404, "EntityNotExist.ServiceVersion", "Service %s has no version %s.", id, version)
}

func (r *svcRow) view() marketapi.NestService {
	s := r.doc
	s.ServiceId, s.Version, s.Status = r.id, strconv.Itoa(r.version), r.effective
	s.StatusDetail, s.RegistrationId = r.detail, r.regID
	s.CreateTime, s.UpdateTime = nestTime(r.created), nestTime(r.updated)
	if r.effective == rules.NestOnline || r.effective == rules.NestOffline {
		s.PublishTime = nestTime(r.launchAt)
	}
	if s.Commodity != nil {
		s.CommodityCode = s.Commodity.CommodityCode
	}
	return s
}

func (r *svcRow) save(c *Call) error {
	doc, err := json.Marshal(r.doc)
	if err != nil {
		return err
	}
	_, err = c.Tx.Exec(`INSERT INTO nest_services (service_id, version, status, doc, registration_id, status_detail, launch_at, created_at, updated_at, published_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (service_id, version) DO UPDATE SET status = excluded.status, doc = excluded.doc, registration_id = excluded.registration_id,
		  status_detail = excluded.status_detail, launch_at = excluded.launch_at, updated_at = excluded.updated_at, published_at = excluded.published_at`,
		r.id, r.version, r.effective, string(doc), r.regID, r.detail, r.launchAt, r.created, c.Now.UnixMilli(), r.published)
	return err
}

// nestEnums are the values the reference lists for the parameters the sandbox checks.
var nestEnums = map[string][]string{
	"DeployType":   {"ros", "terraform", "ack", "spi", "operation", "container", "pkg"},
	"ServiceType":  {"private", "managed", "operation", "poc"},
	"ShareType":    {"Public", "Restricted", "OnlyFormalRestricted", "OnlyTrailRestricted", "Hidden"},
	"ApprovalType": {"Manual", "AutoPass"},
	"TenantType":   {"SingleTenant", "MultiTenant"},
}

// applyServiceParams writes the parameters of CreateService or UpdateService onto doc.
func applyServiceParams(c *Call, doc *marketapi.NestService) error {
	for name, allowed := range nestEnums {
		if v := c.Params.Get(name); v != "" && !slices.Contains(allowed, v) {
			return Errf(400, "InvalidParameter."+name, "%s %q is not one of %s.", name, v, strings.Join(allowed, ", "))
		}
	}
	str := map[string]*string{"DeployType": &doc.DeployType, "DeployMetadata": &doc.DeployMetadata, "ServiceType": &doc.ServiceType,
		"ShareType": &doc.ShareType, "ApprovalType": &doc.ApprovalType, "TenantType": &doc.TenantType, "VersionName": &doc.VersionName,
		"AlarmMetadata": &doc.AlarmMetadata, "OperationMetadata": &doc.OperationMetadata, "LicenseMetadata": &doc.LicenseMetadata,
		"UpgradeMetadata": &doc.UpgradeMetadata, "LogMetadata": &doc.LogMetadata, "PolicyNames": &doc.PolicyNames}
	for k, p := range str {
		if c.has(k) {
			*p = c.Params.Get(k)
		}
	}
	for k, p := range map[string]*int64{"TrialDuration": &doc.TrialDuration, "Duration": &doc.Duration} {
		if v := c.Params.Get(k); v != "" {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil || n < 0 {
				return badParam(k, "%s must be a whole number of seconds.", k)
			}
			*p = n
		}
	}
	for k, p := range map[string]*bool{"IsSupportOperated": &doc.IsSupportOperated, "Resellable": &doc.Resellable} {
		if c.has(k) {
			*p = c.boolParam(k)
		}
	}
	if v := doc.DeployMetadata; v != "" && !json.Valid([]byte(v)) {
		return badParam("DeployMetadata", "DeployMetadata must be JSON text.")
	}
	var infos []marketapi.NestServiceInfo
	if ok, err := acs.Unflatten(c.Params, "ServiceInfo", &infos); err != nil {
		return badParam("ServiceInfo", "ServiceInfo cannot be read: %v", err)
	} else if ok {
		seen := map[string]bool{}
		for _, in := range infos {
			if in.Locale != "zh-CN" && in.Locale != "en-US" {
				return badParam("ServiceInfo", "ServiceInfo Locale %q must be zh-CN or en-US.", in.Locale)
			}
			if seen[in.Locale] {
				return badParam("ServiceInfo", "ServiceInfo has two entries for %s.", in.Locale)
			}
			seen[in.Locale] = true
			if strings.TrimSpace(in.Name) == "" {
				return badParam("ServiceInfo", "ServiceInfo for %s has no Name.", in.Locale)
			}
		}
		doc.ServiceInfos = infos
	}
	if v := c.Params.Get("Commodity"); v != "" {
		var com struct {
			CommodityCode string
			Type          string
			ChargeType    string
		}
		if err := json.Unmarshal([]byte(v), &com); err != nil {
			return badParam("Commodity", "Commodity must be JSON text: %v", err)
		}
		doc.Commodity = &marketapi.NestCommodity{CommodityCode: com.CommodityCode, Type: orDefault(com.Type, "Marketplace"), ChargeType: com.ChargeType}
	}
	return nil
}

// orDefault is v, or def when v is empty.
func orDefault(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

// createService makes a service (version 1, Draft), or with ServiceId a new draft version of
// it, copied from SourceServiceVersion (default: the newest) and changed by the parameters.
func createService(c *Call) (any, error) {
	if err := nestRequired(c, "RegionId"); err != nil {
		return nil, err
	}
	var doc marketapi.NestService
	id := c.Params.Get("ServiceId")
	version := 1
	if id != "" {
		vs, err := loadVersions(c, id)
		if err != nil {
			return nil, err
		}
		if len(vs) == 0 {
			return nil, serviceNotFound(id)
		}
		for _, r := range vs {
			if r.effective == rules.NestDraft {
				return nil, Errf(400, "OperationDenied.DraftExists", "Service %s already has a draft version (%d): change it instead.", id, r.version)
			}
		}
		src, err := pick(vs, id, c.Params.Get("SourceServiceVersion"))
		if err != nil {
			return nil, err
		}
		doc = src.doc
		doc.VersionName = ""
		version = vs[len(vs)-1].version + 1
	} else {
		if err := nestRequired(c, "DeployType"); err != nil {
			return nil, err
		}
		id = "service-" + randomHex(16)
	}
	if err := applyServiceParams(c, &doc); err != nil {
		return nil, err
	}
	if len(doc.ServiceInfos) == 0 {
		return nil, missingParam("ServiceInfo")
	}
	if err := uniqueServiceName(c, id, doc.ServiceInfos); err != nil {
		return nil, err
	}
	r := &svcRow{id: id, version: version, effective: rules.NestDraft, doc: doc, created: c.Now.UnixMilli()}
	if err := r.save(c); err != nil {
		return nil, err
	}
	return marketapi.NestCreated{ServiceId: id, Version: strconv.Itoa(version), Status: rules.NestDraft}, nil
}

// uniqueServiceName refuses a name another service of the account already has (computenest
// finds services by name).
func uniqueServiceName(c *Call, id string, infos []marketapi.NestServiceInfo) error {
	rows, err := c.Tx.Query(`SELECT service_id, doc FROM nest_services WHERE service_id <> ?`, id)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var other, doc string
		if err := rows.Scan(&other, &doc); err != nil {
			return err
		}
		var s marketapi.NestService
		if json.Unmarshal([]byte(doc), &s) != nil {
			continue
		}
		for _, a := range s.ServiceInfos {
			for _, b := range infos {
				if a.Locale == b.Locale && a.Name == b.Name {
					return Errf(400, "EntityAlreadyExist.ServiceName", "Service %s already has the name %q.", other, b.Name)
				}
			}
		}
	}
	return rows.Err()
}

// version resolves ServiceVersion for the actions that change one: the draft when omitted.
func changing(c *Call, step rules.NestStep) ([]*svcRow, *svcRow, error) {
	if err := nestRequired(c, "RegionId", "ServiceId"); err != nil {
		return nil, nil, err
	}
	id := c.Params.Get("ServiceId")
	vs, err := loadVersions(c, id)
	if err != nil {
		return nil, nil, err
	}
	v := c.Params.Get("ServiceVersion")
	if v == "" {
		switch step {
		case rules.NestUpdate, rules.NestSubmit:
			v = "draft"
		case rules.NestLaunch, rules.NestPreLaunch:
			for _, r := range vs {
				if r.effective == rules.NestApproved || r.effective == rules.NestBeta {
					v = strconv.Itoa(r.version)
				}
			}
		}
	}
	if v == "draft" && len(vs) > 0 {
		// No draft: the version the refusal names is the newest.
		has := false
		for _, r := range vs {
			has = has || r.effective == rules.NestDraft
		}
		if !has {
			v = strconv.Itoa(vs[len(vs)-1].version)
		}
	}
	r, err := pick(vs, id, v)
	if err != nil {
		return nil, nil, err
	}
	if viol := rules.NestStepRefused(step, r.id, strconv.Itoa(r.version), r.effective); viol != nil {
		return nil, nil, c.Violation(viol)
	}
	return vs, r, nil
}

func updateService(c *Call) (any, error) {
	_, r, err := changing(c, rules.NestUpdate)
	if err != nil {
		return nil, err
	}
	if err := applyServiceParams(c, &r.doc); err != nil {
		return nil, err
	}
	if err := uniqueServiceName(c, r.id, r.doc.ServiceInfos); err != nil {
		return nil, err
	}
	return struct{}{}, r.save(c)
}

func getService(c *Call) (any, error) {
	id := c.Params.Get("ServiceId")
	if id == "" {
		return nil, missingParam("ServiceId")
	}
	vs, err := loadVersions(c, id)
	if err != nil {
		return nil, err
	}
	r, err := pick(vs, id, c.Params.Get("ServiceVersion"))
	if err != nil {
		return nil, err
	}
	return r.view(), nil
}

// nestFilters reads Filter.N.Name / Filter.N.Value.M (Values for the artifact actions).
func nestFilters(c *Call, prefix string) (map[string][]string, error) {
	var fs []struct {
		Name   string
		Value  []string
		Values []string
	}
	if _, err := acs.Unflatten(c.Params, prefix, &fs); err != nil {
		return nil, badParam(prefix, "%s cannot be read: %v", prefix, err)
	}
	out := map[string][]string{}
	for _, f := range fs {
		out[f.Name] = append(append(out[f.Name], f.Value...), f.Values...)
	}
	return out, nil
}

func matches(filter map[string][]string, name, value string) bool {
	vs, ok := filter[name]
	return !ok || slices.Contains(vs, value)
}

// page cuts a list by MaxResults (default 20, at most 100) and NextToken (an offset).
func page[T any](c *Call, all []T) ([]T, string, int32, error) {
	max := 20
	if v := c.Params.Get("MaxResults"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 100 {
			return nil, "", 0, badParam("MaxResults", "MaxResults must be 1 to 100.")
		}
		max = n
	}
	from := 0
	if t := c.Params.Get("NextToken"); t != "" {
		n, err := strconv.Atoi(t)
		if err != nil || n < 0 || n > len(all) {
			return nil, "", 0, badParam("NextToken", "NextToken is not one this API gave.")
		}
		from = n
	}
	to := min(from+max, len(all))
	next := ""
	if to < len(all) {
		next = strconv.Itoa(to)
	}
	return all[from:to], next, int32(max), nil
}

func serviceIDs(c *Call) ([]string, error) {
	rows, err := c.Tx.Query(`SELECT DISTINCT service_id FROM nest_services ORDER BY service_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

func listServices(c *Call) (any, error) {
	filter, err := nestFilters(c, "Filter")
	if err != nil {
		return nil, err
	}
	ids, err := serviceIDs(c)
	if err != nil {
		return nil, err
	}
	all := c.boolParam("AllVersions")
	var out []marketapi.NestService
	for _, id := range ids {
		vs, err := loadVersions(c, id)
		if err != nil {
			return nil, err
		}
		def, _ := pick(vs, id, "")
		hasDraft := false
		for _, r := range vs {
			hasDraft = hasDraft || r.effective == rules.NestDraft
		}
		for _, r := range vs {
			if !all && r != def {
				continue
			}
			s := r.view()
			s.DefaultVersion, s.HasDraft = r == def, hasDraft
			s.DeployMetadata = ""
			name := ""
			for _, in := range s.ServiceInfos {
				if name == "" || in.Locale == "zh-CN" {
					name = in.Name
				}
			}
			named := !hasFilter(filter, "Name") || anyName(s.ServiceInfos, filter["Name"])
			if named && matches(filter, "ServiceId", s.ServiceId) && matches(filter, "Status", s.Status) {
				out = append(out, s)
			}
		}
	}
	total := len(out)
	items, next, max, err := page(c, out)
	if err != nil {
		return nil, err
	}
	if items == nil {
		items = []marketapi.NestService{}
	}
	return marketapi.NestServiceList{Services: items, TotalCount: int32(total), NextToken: next, MaxResults: max}, nil
}

func hasFilter(f map[string][]string, name string) bool { _, ok := f[name]; return ok }

func anyName(infos []marketapi.NestServiceInfo, names []string) bool {
	for _, in := range infos {
		if slices.Contains(names, in.Name) {
			return true
		}
	}
	return false
}

func deleteService(c *Call) (any, error) {
	if err := nestRequired(c, "ServiceVersion"); err != nil {
		return nil, err
	}
	_, r, err := changing(c, rules.NestDelete)
	if err != nil {
		return nil, err
	}
	_, err = c.Tx.Exec(`DELETE FROM nest_services WHERE service_id = ? AND version = ?`, r.id, r.version)
	return struct{}{}, err
}

var artifactRef = regexp.MustCompile(`artifact-[0-9a-f]{16,}`)

// registerService sends the draft to review: every artifact its deploy metadata names must
// exist and be Available (released and scanned).
func registerService(c *Call) (any, error) {
	_, r, err := changing(c, rules.NestSubmit)
	if err != nil {
		return nil, err
	}
	if r.doc.DeployType != "spi" && r.doc.DeployType != "operation" && strings.TrimSpace(r.doc.DeployMetadata) == "" {
		return nil, Errf(400, "InvalidParameter.DeployMetadata", "Service %s version %d has no DeployMetadata: it cannot be reviewed.", r.id, r.version)
	}
	for _, aid := range artifactRef.FindAllString(r.doc.DeployMetadata, -1) {
		as, err := loadArtifact(c, aid)
		if err != nil {
			return nil, err
		}
		if len(as) == 0 {
			return nil, Errf(400, "OperationDenied.ArtifactStatus", "The deploy metadata names artifact %s, which does not exist.", aid)
		}
		if st := as[len(as)-1].effective; st != marketapi.ArtifactAvailable && !anyAvailable(as) {
			return nil, Errf(400, "OperationDenied.ArtifactStatus", "Artifact %s is %s: release it (ReleaseArtifact) and let its scan finish before the service is reviewed.", aid, st)
		}
	}
	regID := "sr-" + randomHex(16)
	if _, err := c.Tx.Exec(`INSERT INTO nest_registrations (registration_id, service_id, version, status, comment, submitted_at, finished_at) VALUES (?, ?, ?, 'Submitted', '', ?, 0)`,
		regID, r.id, r.version, c.Now.UnixMilli()); err != nil {
		return nil, err
	}
	r.effective, r.regID, r.detail = rules.NestSubmitted, regID, ""
	if err := r.save(c); err != nil {
		return nil, err
	}
	if r.doc.ApprovalType == "AutoPass" {
		if err := finishReview(c, r, true, "auto-approved"); err != nil {
			return nil, err
		}
	}
	return map[string]string{"RegistrationId": regID}, nil
}

func anyAvailable(as []*artRow) bool {
	for _, a := range as {
		if a.effective == marketapi.ArtifactAvailable {
			return true
		}
	}
	return false
}

func finishReview(c *Call, r *svcRow, approve bool, comment string) error {
	status, reg := rules.NestDraft, marketapi.RegistrationRejected
	if approve {
		status, reg = rules.NestApproved, marketapi.RegistrationApproved
	}
	if _, err := c.Tx.Exec(`UPDATE nest_registrations SET status = ?, comment = ?, finished_at = ? WHERE registration_id = ?`,
		reg, comment, c.Now.UnixMilli(), r.regID); err != nil {
		return err
	}
	r.effective, r.detail = status, comment
	return r.save(c)
}

func cancelRegistration(c *Call) (any, error) {
	if err := nestRequired(c, "RegionId", "RegistrationId"); err != nil {
		return nil, err
	}
	var id string
	var version int
	err := c.Tx.QueryRow(`SELECT service_id, version FROM nest_registrations WHERE registration_id = ?`, c.Params.Get("RegistrationId")).Scan(&id, &version)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, Errf(404, "EntityNotExist.Registration", "The registration %s does not exist.", c.Params.Get("RegistrationId"))
	} else if err != nil {
		return nil, err
	}
	vs, err := loadVersions(c, id)
	if err != nil {
		return nil, err
	}
	r, err := pick(vs, id, strconv.Itoa(version))
	if err != nil {
		return nil, err
	}
	if viol := rules.NestStepRefused(rules.NestCancel, id, strconv.Itoa(version), r.effective); viol != nil {
		return nil, c.Violation(viol)
	}
	if _, err := c.Tx.Exec(`UPDATE nest_registrations SET status = 'Canceled', finished_at = ? WHERE registration_id = ?`, c.Now.UnixMilli(), r.regID); err != nil {
		return nil, err
	}
	r.effective, r.detail = rules.NestDraft, ""
	return struct{}{}, r.save(c)
}

// sandboxReviewService answers a service's review: ServiceId, Approve (true/false), Comment.
func sandboxReviewService(c *Call) (any, error) {
	id := c.Params.Get("ServiceId")
	if id == "" {
		return nil, missingParam("ServiceId")
	}
	vs, err := loadVersions(c, id)
	if err != nil {
		return nil, err
	}
	var r *svcRow
	for _, v := range vs {
		if v.effective == rules.NestSubmitted {
			r = v
		}
	}
	if r == nil {
		if len(vs) == 0 {
			return nil, serviceNotFound(id)
		}
		last := vs[len(vs)-1]
		return nil, Errf(400, "OperationDenied.ServiceStatus", "Service %s has no version in review (version %d is %s): there is nothing to answer.", id, last.version, last.effective)
	}
	approve := c.boolParam("Approve")
	comment := c.Params.Get("Comment")
	if !approve && strings.TrimSpace(comment) == "" {
		return nil, missingParam("Comment")
	}
	if err := finishReview(c, r, approve, comment); err != nil {
		return nil, err
	}
	return r.view(), nil
}

func preLaunchService(c *Call) (any, error) {
	_, r, err := changing(c, rules.NestPreLaunch)
	if err != nil {
		return nil, err
	}
	r.effective = rules.NestBeta
	return struct{}{}, r.save(c)
}

func launchService(c *Call) (any, error) {
	if err := nestRequired(c, "ServiceVersion"); err != nil {
		return nil, err
	}
	vs, r, err := changing(c, rules.NestLaunch)
	if err != nil {
		return nil, err
	}
	result := "PublishNewVersion"
	for _, o := range vs {
		if o.version > r.version && (o.effective == rules.NestOnline || o.effective == rules.NestOffline) {
			result = "PublishOfflineVersion"
		}
	}
	r.effective, r.launchAt = rules.NestLaunching, c.Now.Add(NestLaunchDelay).UnixMilli()
	r.published = r.launchAt
	if err := r.save(c); err != nil {
		return nil, err
	}
	return marketapi.NestLaunched{ServiceLaunchResultType: result, Version: strconv.Itoa(r.version)}, nil
}

func withdrawService(c *Call) (any, error) {
	if err := nestRequired(c, "ServiceVersion"); err != nil {
		return nil, err
	}
	_, r, err := changing(c, rules.NestWithdraw)
	if err != nil {
		return nil, err
	}
	r.effective = rules.NestOffline
	return struct{}{}, r.save(c)
}

func listRegistrations(c *Call) (any, error) {
	filter, err := nestFilters(c, "Filter")
	if err != nil {
		return nil, err
	}
	rows, err := c.Tx.Query(`SELECT registration_id, service_id, status, comment, submitted_at, finished_at FROM nest_registrations ORDER BY submitted_at, registration_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []marketapi.NestRegistration
	for rows.Next() {
		var g marketapi.NestRegistration
		var sub, fin int64
		if err := rows.Scan(&g.RegistrationId, &g.ServiceId, &g.Status, &g.Comment, &sub, &fin); err != nil {
			return nil, err
		}
		g.SubmitTime, g.FinishTime = nestTime(sub), nestTime(fin)
		if matches(filter, "ServiceId", g.ServiceId) && matches(filter, "RegistrationId", g.RegistrationId) && matches(filter, "Status", g.Status) {
			out = append(out, g)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	items, next, max, err := page(c, out)
	if err != nil {
		return nil, err
	}
	if items == nil {
		items = []marketapi.NestRegistration{}
	}
	return marketapi.NestRegistrationList{ServiceRegistrations: items, TotalCount: int32(len(out)), NextToken: next, MaxResults: max}, nil
}

func randomHex(n int) string {
	const hex = "0123456789abcdef"
	s := randomString(n)
	b := make([]byte, n)
	for i := range b {
		b[i] = hex[int(s[i])%16]
	}
	return string(b)
}
