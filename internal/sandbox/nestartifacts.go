package sandbox

import (
	"database/sql"
	"encoding/json"
	"errors"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mkt-cli/mkt/internal/marketapi"
)

// artRow is one stored version of an artifact.
type artRow struct {
	id        string
	version   int
	name      string
	kind      string
	status    string
	doc       marketapi.NestArtifact
	readyAt   int64
	created   int64
	updated   int64
	effective string
}

func loadArtifact(c *Call, id string) ([]*artRow, error) {
	rows, err := c.Tx.Query(`SELECT version, name, type, status, doc, ready_at, created_at, updated_at FROM nest_artifacts WHERE artifact_id = ? ORDER BY version`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*artRow
	for rows.Next() {
		a := &artRow{id: id}
		var doc string
		if err := rows.Scan(&a.version, &a.name, &a.kind, &a.status, &doc, &a.readyAt, &a.created, &a.updated); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(doc), &a.doc); err != nil {
			return nil, err
		}
		a.effective = a.status
		if a.status == marketapi.ArtifactScanning && c.Now.UnixMilli() >= a.readyAt {
			a.effective = marketapi.ArtifactAvailable
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

func (a *artRow) view(max int) marketapi.NestArtifact {
	d := a.doc
	d.ArtifactId, d.ArtifactVersion, d.ArtifactType, d.Name, d.Status = a.id, strconv.Itoa(a.version), a.kind, a.name, a.effective
	d.GmtCreate, d.GmtModified = nestTime(a.created), nestTime(a.updated)
	d.MaxVersion = int64(max)
	return d
}

func (a *artRow) save(c *Call) error {
	doc, err := json.Marshal(a.doc)
	if err != nil {
		return err
	}
	_, err = c.Tx.Exec(`INSERT INTO nest_artifacts (artifact_id, version, name, type, status, doc, ready_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (artifact_id, version) DO UPDATE SET status = excluded.status, doc = excluded.doc, ready_at = excluded.ready_at, updated_at = excluded.updated_at`,
		a.id, a.version, a.name, a.kind, a.effective, string(doc), a.readyAt, a.created, c.Now.UnixMilli())
	return err
}

func artifactNotFound(id string) *Error {
	return Errf(404, "EntityNotExist.Artifact", "The specified artifact %s does not exist.", id)
}

var imageID = regexp.MustCompile(`^m-[0-9a-z]{8,}$`)

// artifactParams checks and writes ArtifactProperty, Description, VersionName and
// SupportRegionIds: an ECS image names its region and an image ID; a file names a URL, and
// a file in the sandbox's object store must have been uploaded.
func artifactParams(c *Call, kind string, doc *marketapi.NestArtifact) error {
	if v := c.Params.Get("ArtifactProperty"); v != "" {
		var p marketapi.ArtifactProperty
		if err := json.Unmarshal([]byte(v), &p); err != nil {
			return badParam("ArtifactProperty", "ArtifactProperty must be JSON text: %v", err)
		}
		switch kind {
		case "EcsImage":
			if !imageID.MatchString(p.ImageId) || p.RegionId == "" {
				return badParam("ArtifactProperty", "An EcsImage artifact needs RegionId and an ImageId such as m-bp1xxxxxxxxxxxxxxxxx.")
			}
		case "File":
			u, err := url.Parse(p.Url)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "oss") || u.Host == "" {
				return badParam("ArtifactProperty", "A File artifact needs the Url of the uploaded file.")
			}
			if bucket, key, ok := sandboxObject(u); ok {
				var n int
				if err := c.Tx.QueryRow(`SELECT COUNT(*) FROM nest_objects WHERE bucket = ? AND key = ?`, bucket, key).Scan(&n); err != nil {
					return err
				}
				if n == 0 {
					return badParam("ArtifactProperty", "No file was uploaded to %s: upload it through GetUploadCredentials first.", p.Url)
				}
			}
		}
		b, _ := json.Marshal(p)
		doc.ArtifactProperty = string(b)
	}
	if c.has("Description") {
		doc.Description = c.Params.Get("Description")
	}
	if c.has("VersionName") {
		doc.VersionName = c.Params.Get("VersionName")
	}
	var regions []string
	for i := 1; ; i++ {
		v := c.Params.Get("SupportRegionIds." + strconv.Itoa(i))
		if v == "" {
			break
		}
		regions = append(regions, v)
	}
	if len(regions) > 0 {
		b, _ := json.Marshal(regions)
		doc.SupportRegionIds = string(b)
	}
	return nil
}

// sandboxObject reports whether u names an object of the sandbox's store (its bucket).
func sandboxObject(u *url.URL) (bucket, key string, ok bool) {
	path := strings.TrimPrefix(u.Path, "/")
	if b, k, found := strings.Cut(path, "/"); found && b == NestBucket {
		return b, k, true
	}
	if strings.HasPrefix(u.Host, NestBucket+".") {
		return NestBucket, path, true
	}
	return "", "", false
}

var artifactTypes = []string{"EcsImage", "AcrImage", "File", "Script", "HelmChart"}

// createArtifact makes an artifact (version 1, Created), or with ArtifactId a new version.
func createArtifact(c *Call) (any, error) {
	if err := nestRequired(c, "ArtifactType", "Name", "VersionName"); err != nil {
		return nil, err
	}
	kind := c.Params.Get("ArtifactType")
	if !slices.Contains(artifactTypes, kind) {
		return nil, badParam("ArtifactType", "ArtifactType %q is not one of %s.", kind, strings.Join(artifactTypes, ", "))
	}
	id := c.Params.Get("ArtifactId")
	a := &artRow{version: 1, name: c.Params.Get("Name"), kind: kind, effective: marketapi.ArtifactCreated, created: c.Now.UnixMilli()}
	if id != "" {
		as, err := loadArtifact(c, id)
		if err != nil {
			return nil, err
		}
		if len(as) == 0 {
			return nil, artifactNotFound(id)
		}
		last := as[len(as)-1]
		if last.kind != kind {
			return nil, badParam("ArtifactType", "Artifact %s is %s, not %s.", id, last.kind, kind)
		}
		a.version, a.doc, a.name = last.version+1, last.doc, last.name
	} else {
		var n int
		if err := c.Tx.QueryRow(`SELECT COUNT(*) FROM nest_artifacts WHERE name = ?`, a.name).Scan(&n); err != nil {
			return nil, err
		}
		if n > 0 {
			return nil, Errf(400, "EntityAlreadyExist.ArtifactName", "An artifact named %q exists: give its ArtifactId to make a new version.", a.name)
		}
		id = "artifact-" + randomHex(20)
	}
	a.id = id
	if err := artifactParams(c, kind, &a.doc); err != nil {
		return nil, err
	}
	if a.doc.ArtifactProperty == "" {
		return nil, missingParam("ArtifactProperty")
	}
	if err := a.save(c); err != nil {
		return nil, err
	}
	return a.view(a.version), nil
}

// updateArtifact changes the newest version while it is not yet released (Created).
func updateArtifact(c *Call) (any, error) {
	if err := nestRequired(c, "ArtifactId"); err != nil {
		return nil, err
	}
	as, err := loadArtifact(c, c.Params.Get("ArtifactId"))
	if err != nil {
		return nil, err
	}
	if len(as) == 0 {
		return nil, artifactNotFound(c.Params.Get("ArtifactId"))
	}
	a := as[len(as)-1]
	if a.effective != marketapi.ArtifactCreated {
		return nil, Errf(400, "OperationDenied.ArtifactStatus", "Artifact %s version %d is %s: only an unreleased version changes; make a new version (CreateArtifact with ArtifactId).", a.id, a.version, a.effective)
	}
	if err := artifactParams(c, a.kind, &a.doc); err != nil {
		return nil, err
	}
	if err := a.save(c); err != nil {
		return nil, err
	}
	return a.view(a.version), nil
}

func pickArtifact(c *Call) ([]*artRow, *artRow, error) {
	id := c.Params.Get("ArtifactId")
	if id == "" && c.Params.Get("ArtifactName") != "" {
		err := c.Tx.QueryRow(`SELECT artifact_id FROM nest_artifacts WHERE name = ? LIMIT 1`, c.Params.Get("ArtifactName")).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, nil, artifactNotFound(c.Params.Get("ArtifactName"))
		} else if err != nil {
			return nil, nil, err
		}
	}
	if id == "" {
		return nil, nil, missingParam("ArtifactId")
	}
	as, err := loadArtifact(c, id)
	if err != nil {
		return nil, nil, err
	}
	if len(as) == 0 {
		return nil, nil, artifactNotFound(id)
	}
	a := as[len(as)-1]
	if v := c.Params.Get("ArtifactVersion"); v != "" && v != "draft" {
		a = nil
		for _, x := range as {
			if strconv.Itoa(x.version) == v {
				a = x
			}
		}
		if a == nil {
			return nil, nil, Errf(404, "EntityNotExist.ArtifactVersion", "Artifact %s has no version %s.", id, v)
		}
	}
	return as, a, nil
}

func getArtifact(c *Call) (any, error) {
	as, a, err := pickArtifact(c)
	if err != nil {
		return nil, err
	}
	return a.view(len(as)), nil
}

func listArtifacts(c *Call) (any, error) {
	filter, err := nestFilters(c, "Filter")
	if err != nil {
		return nil, err
	}
	rows, err := c.Tx.Query(`SELECT DISTINCT artifact_id FROM nest_artifacts ORDER BY created_at, artifact_id`)
	if err != nil {
		return nil, err
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	var out []marketapi.NestArtifact
	for _, id := range ids {
		as, err := loadArtifact(c, id)
		if err != nil {
			return nil, err
		}
		v := as[len(as)-1].view(len(as))
		if matches(filter, "Name", v.Name) && matches(filter, "ArtifactId", v.ArtifactId) && matches(filter, "ArtifactType", v.ArtifactType) {
			out = append(out, v)
		}
	}
	items, next, max, err := page(c, out)
	if err != nil {
		return nil, err
	}
	if items == nil {
		items = []marketapi.NestArtifact{}
	}
	return marketapi.NestArtifactList{Artifacts: items, TotalCount: int32(len(out)), NextToken: next, MaxResults: max}, nil
}

func listArtifactVersions(c *Call) (any, error) {
	if err := nestRequired(c, "ArtifactId"); err != nil {
		return nil, err
	}
	as, _, err := pickArtifact(c)
	if err != nil {
		return nil, err
	}
	out := make([]marketapi.NestArtifact, 0, len(as))
	for i := len(as) - 1; i >= 0; i-- {
		out = append(out, as[i].view(len(as)))
	}
	items, next, max, err := page(c, out)
	if err != nil {
		return nil, err
	}
	return marketapi.NestArtifactList{Artifacts: items, TotalCount: int32(len(out)), NextToken: next, MaxResults: max}, nil
}

// releaseArtifact releases the newest version: it is scanned, then Available.
func releaseArtifact(c *Call) (any, error) {
	if err := nestRequired(c, "ArtifactId"); err != nil {
		return nil, err
	}
	as, err := loadArtifact(c, c.Params.Get("ArtifactId"))
	if err != nil {
		return nil, err
	}
	if len(as) == 0 {
		return nil, artifactNotFound(c.Params.Get("ArtifactId"))
	}
	a := as[len(as)-1]
	if a.effective != marketapi.ArtifactCreated {
		return nil, Errf(400, "OperationDenied.ArtifactStatus", "Artifact %s version %d is %s: only a new version (Created) is released.", a.id, a.version, a.effective)
	}
	a.effective, a.readyAt = marketapi.ArtifactScanning, c.Now.Add(ArtifactScanDelay).UnixMilli()
	if err := a.save(c); err != nil {
		return nil, err
	}
	return a.view(len(as)), nil
}

// deleteArtifact deletes one version (ArtifactVersion) or the whole artifact; an artifact a
// service version in review or online names cannot be deleted.
func deleteArtifact(c *Call) (any, error) {
	as, a, err := pickArtifact(c)
	if err != nil {
		return nil, err
	}
	var n int
	if err := c.Tx.QueryRow(`SELECT COUNT(*) FROM nest_services WHERE instr(doc, ?) > 0 AND status IN ('Submitted', 'Approved', 'Launching', 'Online', 'Beta')`, a.id).Scan(&n); err != nil {
		return nil, err
	}
	if n > 0 {
		return nil, Errf(400, "OperationDenied.ArtifactInUse", "Artifact %s is used by a service version in review or online.", a.id)
	}
	if c.Params.Get("ArtifactVersion") == "" {
		_, err = c.Tx.Exec(`DELETE FROM nest_artifacts WHERE artifact_id = ?`, a.id)
	} else {
		_, err = c.Tx.Exec(`DELETE FROM nest_artifacts WHERE artifact_id = ? AND version = ?`, a.id, a.version)
	}
	_ = as
	return struct{}{}, err
}

// NestBucket is the sandbox object store's one bucket: uploads land there.
const NestBucket = "mkt-sandbox-nest"

// getUploadCredentials gives a short-lived key for one object of the sandbox's store; the
// upload itself (an OSS PutObject) goes to the sandbox, which checks the key (oss.go).
func getUploadCredentials(c *Call) (any, error) {
	if err := nestRequired(c, "FileName"); err != nil {
		return nil, err
	}
	name := c.Params.Get("FileName")
	if strings.ContainsAny(name, "/\\") || name == "." || name == ".." {
		return nil, badParam("FileName", "FileName is a file's name, without a directory.")
	}
	id, secret, token := "STS."+randomString(20), randomString(30), randomString(40)
	key := "uploads/" + randomHex(16) + "/" + name
	exp := c.Now.Add(time.Hour)
	if _, err := c.Tx.Exec(`INSERT INTO nest_uploads (access_key_id, secret, token, bucket, key, expires_at) VALUES (?, ?, ?, ?, ?, ?)`,
		id, secret, token, NestBucket, key, exp.UnixMilli()); err != nil {
		return nil, err
	}
	return marketapi.UploadCredentialsAnswer{Code: "200", Success: true, Data: marketapi.UploadCredentials{
		AccessKeyId: id, AccessKeySecret: secret, SecurityToken: token, BucketName: NestBucket, Key: key,
		RegionId: "cn-hangzhou", ExpireDate: exp.UTC().Format(time.RFC3339)}}, nil
}
