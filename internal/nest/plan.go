package nest

import (
	"context"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/rules"
)

// State is what the target holds for a config: the service's versions (oldest first, each
// read whole) and the artifacts the config names, by name (their versions, newest first).
type State struct {
	ServiceID string
	Versions  []marketapi.NestService
	Artifacts map[string][]marketapi.NestArtifact
}

// Fetch reads the state of the service named name and of the config's artifacts.
func Fetch(ctx context.Context, c *market.Client, cfg *Config, name string) (*State, error) {
	st := &State{Artifacts: map[string][]marketapi.NestArtifact{}}
	found, err := c.ListServices(ctx, map[string][]string{"Name": {name}}, false)
	if err != nil {
		return nil, err
	}
	if len(found) > 0 {
		st.ServiceID = found[0].ServiceId
		all, err := c.ListServices(ctx, map[string][]string{"ServiceId": {st.ServiceID}}, true)
		if err != nil {
			return nil, err
		}
		for _, v := range all {
			full, err := c.GetService(ctx, st.ServiceID, v.Version)
			if err != nil {
				return nil, err
			}
			st.Versions = append(st.Versions, full)
		}
		sortVersions(st.Versions)
	}
	for _, a := range cfg.Artifacts {
		list, err := c.ListArtifacts(ctx, map[string][]string{"Name": {a.Name}}, "")
		if err != nil {
			return nil, err
		}
		for _, x := range list {
			if x.Name != a.Name {
				continue
			}
			vs, err := c.ListArtifacts(ctx, nil, x.ArtifactId)
			if err != nil {
				return nil, err
			}
			st.Artifacts[a.Name] = vs
		}
	}
	return st, nil
}

func sortVersions(vs []marketapi.NestService) {
	n := func(s marketapi.NestService) int { v, _ := strconv.Atoi(s.Version); return v }
	slices.SortFunc(vs, func(a, b marketapi.NestService) int { return n(a) - n(b) })
}

// Draft is the draft version, if any.
func (s *State) Draft() *marketapi.NestService {
	for i := range s.Versions {
		if s.Versions[i].Status == rules.NestDraft {
			return &s.Versions[i]
		}
	}
	return nil
}

// Newest is the newest version, if any.
func (s *State) Newest() *marketapi.NestService {
	if len(s.Versions) == 0 {
		return nil
	}
	return &s.Versions[len(s.Versions)-1]
}

// Known finds the URL of a file already uploaded under upload name: the string values of
// the state that end with it.
func (s *State) Known(name string) string {
	var found string
	look := func(text string) {
		for _, field := range strings.FieldsFunc(text, func(r rune) bool { return r == '"' || r == ' ' || r == ',' }) {
			if strings.HasSuffix(field, "/"+name) && found == "" {
				found = field
			}
		}
	}
	for _, v := range s.Versions {
		look(v.DeployMetadata)
		for _, in := range v.ServiceInfos {
			look(in.Image + " " + in.LongDescriptionUrl)
		}
	}
	for _, vs := range s.Artifacts {
		for _, a := range vs {
			look(a.ArtifactProperty)
		}
	}
	return found
}

// Plan actions.
const (
	Create     = "create"
	Update     = "update"
	NewVersion = "new-version"
	Release    = "release"
	Upload     = "upload"
	Unchanged  = "unchanged"
	Blocked    = "blocked"
)

// Step is one thing apply does (or would do).
type Step struct {
	Kind    string   `json:"kind"` // file, artifact, service
	Key     string   `json:"key"`
	Action  string   `json:"action"`
	ID      string   `json:"id,omitempty"`
	Version string   `json:"version,omitempty"`
	Status  string   `json:"status,omitempty"`
	Changes []Change `json:"changes,omitempty"`
	// Why says why the step is what it is (the online version is locked; a version is in
	// review), in the reader's language once Localize has run.
	Why     i18n.Message `json:"-"`
	WhyText string       `json:"why,omitempty"`
	Remedy  i18n.Message `json:"-"`
	Next    string       `json:"next,omitempty"`
}

// Plan is the difference between a config and its target.
type Plan struct {
	Service   string   `json:"service"`
	ServiceID string   `json:"serviceId,omitempty"`
	Steps     []Step   `json:"steps"`
	Ignored   []string `json:"ignored,omitempty"`
}

// Localize renders the steps' reasons in lang.
func (p *Plan) Localize(lang i18n.Lang) {
	for i := range p.Steps {
		if !p.Steps[i].Why.IsZero() {
			p.Steps[i].WhyText = p.Steps[i].Why.In(lang)
		}
		if !p.Steps[i].Remedy.IsZero() {
			p.Steps[i].Next = p.Steps[i].Remedy.In(lang)
		}
	}
}

// Changes reports whether the plan does anything.
func (p Plan) Changes() bool {
	for _, s := range p.Steps {
		if s.Action != Unchanged {
			return true
		}
	}
	return false
}

// Blocked is the blocked step, if any.
func (p Plan) Blocked() *Step {
	for i := range p.Steps {
		if p.Steps[i].Action == Blocked {
			return &p.Steps[i]
		}
	}
	return nil
}

// planResolver resolves what the target already has, and marks the rest as known after apply.
type planResolver struct {
	st        *State
	artifacts map[string][2]string // key → ID, version
}

const afterApply = "(known after apply)"

func (r planResolver) FileURL(f *File) string {
	if u := r.st.Known(f.UploadName()); u != "" {
		return u
	}
	return "(upload " + f.Rel + ")"
}

func (r planResolver) ArtifactField(key, field string) string {
	v, ok := r.artifacts[key]
	if !ok {
		return afterApply
	}
	if field == "ArtifactId" {
		return v[0]
	}
	return v[1]
}

// MakePlan compares the config with the state: files to upload, artifacts to create, change
// or version anew, and the service — created, its draft updated, or, when no draft exists
// and the newest version differs, a new draft version (an online version is locked).
func MakePlan(cfg *Config, st *State, name string) Plan {
	p := Plan{Service: name, ServiceID: st.ServiceID, Ignored: cfg.Ignored}
	r := planResolver{st: st, artifacts: map[string][2]string{}}
	for _, f := range cfg.allFiles() {
		if st.Known(f.UploadName()) == "" {
			p.Steps = append(p.Steps, Step{Kind: "file", Key: f.Rel, Action: Upload, ID: f.UploadName()})
		}
	}
	for _, a := range cfg.Artifacts {
		in := cfg.ArtifactInput(a, r)
		vs := st.Artifacts[a.Name]
		if len(vs) == 0 {
			p.Steps = append(p.Steps, Step{Kind: "artifact", Key: a.Key, Action: Create, Changes: ArtifactDiff(marketapi.NestArtifact{}, in)})
			continue
		}
		cur := vs[0]
		step := Step{Kind: "artifact", Key: a.Key, ID: cur.ArtifactId, Version: cur.ArtifactVersion, Status: cur.Status, Changes: ArtifactDiff(cur, in)}
		switch {
		case len(step.Changes) == 0 && cur.Status == marketapi.ArtifactCreated:
			step.Action = Release
		case len(step.Changes) == 0:
			step.Action = Unchanged
			r.artifacts[a.Key] = [2]string{cur.ArtifactId, cur.ArtifactVersion}
		case cur.Status == marketapi.ArtifactCreated:
			step.Action = Update
		default:
			step.Action = NewVersion
			step.Why = i18n.M("nest.plan.artifact.locked", cur.ArtifactVersion, i18n.E(i18n.EnumArtifactStatus, cur.Status))
		}
		p.Steps = append(p.Steps, step)
	}
	spec := cfg.Spec(r)
	svc := Step{Kind: "service", Key: name, ID: st.ServiceID}
	switch draft, newest := st.Draft(), st.Newest(); {
	case newest == nil:
		svc.Action, svc.Changes = Create, Diff(market.NestSpec{}, spec)
	case draft != nil:
		svc.Version, svc.Status, svc.Changes = draft.Version, draft.Status, Diff(market.SpecOf(*draft), spec)
		svc.Action = Update
		if len(svc.Changes) == 0 {
			svc.Action = Unchanged
		}
	default:
		svc.Version, svc.Status, svc.Changes = newest.Version, newest.Status, Diff(market.SpecOf(*newest), spec)
		switch {
		case len(svc.Changes) == 0:
			svc.Action = Unchanged
		case newest.Status == rules.NestSubmitted:
			svc.Action = Blocked
			svc.Why = i18n.M("nest.plan.inreview", newest.Version)
			svc.Remedy = i18n.M("remedy.nest.inreview", st.ServiceID)
		case rules.NestTransient(newest.Status):
			svc.Action = Blocked
			svc.Why = i18n.M("nest.plan.launching", newest.Version)
			svc.Remedy = i18n.M("remedy.nest.launching", st.ServiceID)
		default:
			n, _ := strconv.Atoi(newest.Version)
			svc.Action = NewVersion
			svc.Why = i18n.M("nest.plan.locked", newest.Version, i18n.E(i18n.EnumNestStatus, newest.Status), strconv.Itoa(n+1))
		}
	}
	p.Steps = append(p.Steps, svc)
	return p
}

func (cfg *Config) allFiles() []*File {
	seen := map[string]bool{}
	var out []*File
	add := func(f *File) {
		if f != nil && !seen[f.Path] {
			seen[f.Path] = true
			out = append(out, f)
		}
	}
	for _, a := range cfg.Artifacts {
		add(a.File)
	}
	for _, k := range slices.Sorted(maps.Keys(cfg.Files)) {
		add(cfg.Files[k])
	}
	return out
}
