package nest

import (
	"context"
	"os"
	"time"

	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/rules"
)

// ApplyOptions say how far apply goes and how it reports.
type ApplyOptions struct {
	// Submit sends the draft to review; Launch publishes an approved (or beta) version; Wait
	// follows what was started (artifacts' scans before review, the review, the launch) until
	// it settles or WaitTimeout passes.
	Submit, Launch, Wait bool
	WaitTimeout          time.Duration
	// Poll is the wait between reads while waiting (1 s when zero).
	Poll time.Duration
	// Done is told each step as it completes.
	Done func(Step)
	// Sleep is replaced in tests.
	Sleep func(context.Context, time.Duration) error
}

// Result is what apply did.
type Result struct {
	ServiceID string `json:"serviceId"`
	Version   string `json:"version"`
	Status    string `json:"status"`
	Steps     []Step `json:"steps"`
}

type applyResolver struct {
	urls      map[string]string // upload name → URL
	artifacts map[string][2]string
}

func (r applyResolver) FileURL(f *File) string { return r.urls[f.UploadName()] }
func (r applyResolver) ArtifactField(key, field string) string {
	if field == "ArtifactId" {
		return r.artifacts[key][0]
	}
	return r.artifacts[key][1]
}

// Apply makes the target what the config says, following plan p (MakePlan of the same state):
// uploads, artifacts (each released), the service's draft; then, as asked, review and launch.
// Every change carries a ClientToken derived from what it sends, and every run starts from
// what the target holds, so a run cut short (kill -9) and run again creates nothing twice.
func Apply(ctx context.Context, c *market.Client, cfg *Config, st *State, p Plan, opts ApplyOptions) (Result, error) {
	if opts.Poll <= 0 {
		opts.Poll = time.Second
	}
	if opts.Sleep == nil {
		opts.Sleep = func(ctx context.Context, d time.Duration) error {
			t := time.NewTimer(d)
			defer t.Stop()
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-t.C:
				return nil
			}
		}
	}
	res := Result{ServiceID: st.ServiceID}
	done := func(s Step) {
		res.Steps = append(res.Steps, s)
		if opts.Done != nil {
			opts.Done(s)
		}
	}
	r := applyResolver{urls: map[string]string{}, artifacts: map[string][2]string{}}
	for _, f := range cfg.allFiles() {
		if u := st.Known(f.UploadName()); u != "" {
			r.urls[f.UploadName()] = u
			continue
		}
		fh, err := os.Open(f.Path)
		if err != nil {
			return res, err
		}
		u, err := c.Upload(ctx, f.UploadName(), fh)
		fh.Close()
		if err != nil {
			return res, err
		}
		r.urls[f.UploadName()] = u
		done(Step{Kind: "file", Key: f.Rel, Action: Upload, ID: u})
	}
	var pending []string // artifacts released and not yet available
	for _, a := range cfg.Artifacts {
		in := cfg.ArtifactInput(a, r)
		vs := st.Artifacts[a.Name]
		var art marketapi.NestArtifact
		var err error
		action := Unchanged
		switch {
		case len(vs) == 0:
			action = Create
			art, err = c.CreateArtifact(ctx, in, market.ContentToken("nest-artifact", in))
		case len(ArtifactDiff(vs[0], in)) == 0:
			art = vs[0]
		case vs[0].Status == marketapi.ArtifactCreated:
			action = Update
			in.ArtifactID = vs[0].ArtifactId
			art, err = c.UpdateArtifact(ctx, in, "")
		default:
			action = NewVersion
			in.ArtifactID = vs[0].ArtifactId
			art, err = c.CreateArtifact(ctx, in, "")
		}
		if err != nil {
			return res, err
		}
		if art.Status == marketapi.ArtifactCreated {
			if art, err = c.ReleaseArtifact(ctx, art.ArtifactId, ""); err != nil {
				return res, err
			}
			if action == Unchanged {
				action = Release
			}
		}
		if art.Status != marketapi.ArtifactAvailable {
			pending = append(pending, art.ArtifactId)
		}
		r.artifacts[a.Key] = [2]string{art.ArtifactId, art.ArtifactVersion}
		if action != Unchanged {
			done(Step{Kind: "artifact", Key: a.Key, Action: action, ID: art.ArtifactId, Version: art.ArtifactVersion, Status: art.Status})
		}
	}
	spec := cfg.Spec(r)
	svc := p.Steps[len(p.Steps)-1]
	if b := p.Blocked(); b != nil {
		return res, &rules.Violation{Code: rules.CodeNestStatus, Msg: b.Why, Remedy: b.Remedy, Rule: true}
	}
	version := svc.Version
	switch draft, newest := st.Draft(), st.Newest(); {
	case newest == nil:
		created, err := c.CreateService(ctx, "", spec, market.ContentToken("nest-service", p.Service, spec))
		if err != nil {
			return res, err
		}
		res.ServiceID, version = created.ServiceId, created.Version
		done(Step{Kind: "service", Key: p.Service, Action: Create, ID: created.ServiceId, Version: created.Version, Status: created.Status})
	case draft != nil:
		if len(Diff(market.SpecOf(*draft), spec)) > 0 {
			if err := c.UpdateService(ctx, st.ServiceID, draft.Version, spec.Params(), ""); err != nil {
				return res, err
			}
			done(Step{Kind: "service", Key: p.Service, Action: Update, ID: st.ServiceID, Version: draft.Version, Status: rules.NestDraft})
		}
		version = draft.Version
	default:
		if len(Diff(market.SpecOf(*newest), spec)) > 0 {
			created, err := c.CreateService(ctx, st.ServiceID, spec, "")
			if err != nil {
				return res, err
			}
			version = created.Version
			step := Step{Kind: "service", Key: p.Service, Action: NewVersion, ID: st.ServiceID, Version: created.Version, Status: created.Status}
			step.Why = i18n.M("nest.plan.locked", newest.Version, i18n.E(i18n.EnumNestStatus, newest.Status), created.Version)
			done(step)
		}
	}
	res.Version = version
	cur, err := c.GetService(ctx, res.ServiceID, version)
	if err != nil {
		return res, err
	}
	res.Status = cur.Status
	deadline := time.Now().Add(opts.WaitTimeout)
	if opts.Submit && cur.Status == rules.NestDraft {
		for _, id := range pending {
			if err := waitArtifact(ctx, c, id, opts, deadline); err != nil {
				return res, err
			}
		}
		if _, err := c.ServiceStep(ctx, "RegisterService", res.ServiceID, version, ""); err != nil {
			return res, err
		}
		done(Step{Kind: "service", Key: p.Service, Action: "submit", ID: res.ServiceID, Version: version, Status: rules.NestSubmitted})
		if cur, err = waitService(ctx, c, res.ServiceID, version, opts, deadline, opts.Wait, rules.NestSubmitted); err != nil {
			return res, err
		}
		res.Status = cur.Status
		if opts.Wait && cur.Status == rules.NestDraft {
			return res, &rules.Violation{Code: rules.CodeNestStatus, Msg: i18n.M("nest.rejected", res.ServiceID, version, cur.StatusDetail),
				Remedy: i18n.M("remedy.nest.rejected"), Rule: true}
		}
	}
	if opts.Launch {
		target := ""
		for _, v := range st.Versions {
			if v.Status == rules.NestApproved || v.Status == rules.NestBeta {
				target = v.Version
			}
		}
		if cur.Status == rules.NestApproved || cur.Status == rules.NestBeta {
			target = version
		}
		if target == "" {
			return res, &rules.Violation{Code: rules.CodeNestStatus, Msg: i18n.M("nest.nolaunch", res.ServiceID, version, i18n.E(i18n.EnumNestStatus, cur.Status)),
				Remedy: i18n.M("remedy.nest.launch", res.ServiceID), Rule: true}
		}
		if _, err := c.ServiceStep(ctx, "LaunchService", res.ServiceID, target, ""); err != nil {
			return res, err
		}
		done(Step{Kind: "service", Key: p.Service, Action: "launch", ID: res.ServiceID, Version: target, Status: rules.NestLaunching})
		if cur, err = waitService(ctx, c, res.ServiceID, target, opts, deadline, opts.Wait, rules.NestLaunching); err != nil {
			return res, err
		}
		res.Version, res.Status = target, cur.Status
	}
	return res, nil
}

// waitArtifact waits until an artifact's newest version is Available.
func waitArtifact(ctx context.Context, c *market.Client, id string, opts ApplyOptions, deadline time.Time) error {
	for {
		a, err := c.GetArtifact(ctx, id, "")
		if err != nil {
			return err
		}
		switch a.Status {
		case marketapi.ArtifactAvailable:
			return nil
		case marketapi.ArtifactScanFailed:
			return &rules.Violation{Code: "OperationDenied.ArtifactStatus", Msg: i18n.M("nest.artifact.failed", id, a.StatusDetail), Rule: true}
		}
		if time.Now().After(deadline) {
			return &WaitTimeout{What: id, Status: a.Status}
		}
		if err := opts.Sleep(ctx, opts.Poll); err != nil {
			return err
		}
	}
}

// WaitService reads a version until its status is no longer from (or, when wait is false,
// once).
func waitService(ctx context.Context, c *market.Client, id, version string, opts ApplyOptions, deadline time.Time, wait bool, from string) (marketapi.NestService, error) {
	for {
		s, err := c.GetService(ctx, id, version)
		if err != nil || !wait || s.Status != from {
			return s, err
		}
		if time.Now().After(deadline) {
			return s, &WaitTimeout{What: id + " v" + version, Status: s.Status}
		}
		if err := opts.Sleep(ctx, opts.Poll); err != nil {
			return s, err
		}
	}
}

// WaitTimeout is a wait that ran out before the status settled (exit 11, pending).
type WaitTimeout struct {
	What   string
	Status string
}

func (e *WaitTimeout) Error() string { return e.What + " is still " + e.Status }
