package nest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/manifest"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/rules"
	"github.com/mkt-cli/mkt/internal/sandbox"
)

const config = `Service:
  RegionId: cn-hangzhou
  DeployType: ros
  DeployMetadata:
    ServiceInstanceNameRule:
      Prefix: ${Prefix}-${ServiceInstanceId}
    SupplierDeployMetadata:
      FileArtifactRelation:
        '{{ computenest::file::app }}':
          ArtifactId: ${Artifact.App.ArtifactId}
          ArtifactVersion: ${Artifact.App.ArtifactVersion}
    TemplateConfigs:
      - Name: one
        Url: t.yaml
  ServiceInfo:
    Locale: zh-CN
    Name: 示例
  Tag:
    - Key: team
      Value: a
  TrialDuration: 86400
Artifact:
  App:
    ArtifactType: File
    ArtifactName: app
    ArtifactProperty:
      Url: app.tgz
`

func write(t *testing.T, text string) string {
	t.Helper()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "t.yaml"), []byte("ROSTemplateFormatVersion: '2015-09-01'\n"), 0o600)
	os.WriteFile(filepath.Join(dir, "app.tgz"), []byte("app"), 0o600)
	p := filepath.Join(dir, "config.yaml")
	os.WriteFile(p, []byte(text), 0o600)
	return p
}

// computenest-cli's file as it is: a single ServiceInfo mapping, parameters substituted,
// Compute Nest's own placeholders left, keys mkt does not send listed.
func TestLoad(t *testing.T) {
	cfg, err := Load(write(t, config), map[string]string{"Prefix": "demo"})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Name != "示例" || len(cfg.Artifacts) != 1 || cfg.Artifacts[0].File == nil || len(cfg.Files) != 2 || strings.Join(cfg.Ignored, ",") != "Tag" {
		t.Fatalf("%+v", cfg)
	}
	spec := cfg.Spec(fixed{})
	if !strings.Contains(spec.DeployMetadata, `"Prefix":"demo-${ServiceInstanceId}"`) || !strings.Contains(spec.DeployMetadata, `"ArtifactId":"artifact-x"`) ||
		!strings.Contains(spec.DeployMetadata, `"Url":"https://oss/t.yaml"`) || spec.TrialDuration != 86400 || spec.ServiceInfos[0].Locale != "zh-CN" {
		t.Errorf("%+v", spec)
	}
	if in := cfg.ArtifactInput(cfg.Artifacts[0], fixed{}); in.Property.Url != "https://oss/app.tgz" || in.VersionName != "v1" {
		t.Errorf("%+v", in)
	}
}

type fixed struct{}

func (fixed) FileURL(f *File) string { return "https://oss/" + filepath.Base(f.Path) }
func (fixed) ArtifactField(key, field string) string {
	if field == "ArtifactId" {
		return "artifact-x"
	}
	return "1"
}

func TestLoadProblems(t *testing.T) {
	bad := strings.NewReplacer("DeployType: ros", "DeployType: helm", "Url: t.yaml", "Url: gone.yaml",
		"${Artifact.App.ArtifactId}", "${Artifact.Nope.ArtifactId}", "  Tag:", "  Tags:").Replace(config)
	_, err := Load(write(t, bad), nil)
	var probs manifest.Problems
	if !errors.As(err, &probs) || len(probs) != 4 {
		t.Fatalf("%v", err)
	}
	text := probs.In(i18n.EN)
	for _, want := range []string{`line 3, column 15: DeployType "helm" is not one of`, "line 10, column 23: ${Artifact.Nope.ArtifactId} names artifact Nope",
		"line 14, column 14: no such file: gone.yaml", "line 18, column 3: unknown key Tags (in Service)"} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in\n%s", want, text)
		}
	}
	if _, err := Load(write(t, "Service: [\n"), nil); !errors.As(err, &probs) || probs[0].Line == 0 {
		t.Errorf("syntax: %v", err)
	}
}

func TestDiff(t *testing.T) {
	a := market.NestSpec{DeployType: "ros", DeployMetadata: `{"a":{"b":1,"c":[1,2]}}`}
	b := market.NestSpec{DeployType: "ros", DeployMetadata: `{"a":{"c":[1,3],"b":1}}`}
	got := Diff(a, b)
	if len(got) != 1 || got[0].Field != "DeployMetadata.a.c[1]" || got[0].From != "2" || got[0].To != "3" {
		t.Errorf("%+v", got)
	}
	if len(Diff(b, b)) != 0 {
		t.Error("a spec differs from itself")
	}
}

// Applied against the sandbox: created, then unchanged; once online, a change plans a new
// version and leaves the online one as it was; in review, a change is blocked.
func TestPlanAndApply(t *testing.T) {
	store, err := sandbox.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	id, secret, _ := store.Credentials()
	c := market.New(market.Options{Endpoint: "http://sandbox.mkt.local", Credential: market.Credential{AccessKeyID: id, AccessKeySecret: secret},
		Transport: sandbox.Transport{Handler: sandbox.NewServer(store)}})
	ctx := context.Background()
	path := write(t, config)
	apply := func(prefix string, opts ApplyOptions) (Plan, Result, error) {
		t.Helper()
		cfg, err := Load(path, map[string]string{"Prefix": prefix})
		if err != nil {
			t.Fatal(err)
		}
		st, err := Fetch(ctx, c, cfg, cfg.Name)
		if err != nil {
			t.Fatal(err)
		}
		p := MakePlan(cfg, st, cfg.Name)
		opts.Poll, opts.WaitTimeout = 10*time.Millisecond, time.Minute
		res, err := Apply(ctx, c, cfg, st, p, opts)
		return p, res, err
	}
	p, res, err := apply("a", ApplyOptions{})
	if err != nil || res.Status != rules.NestDraft || p.Steps[len(p.Steps)-1].Action != Create {
		t.Fatalf("%+v %+v %v", p, res, err)
	}
	if p, _, _ = apply("a", ApplyOptions{}); p.Changes() {
		t.Errorf("again: %+v", p)
	}
	if _, res, err = apply("a", ApplyOptions{Submit: true}); err != nil || res.Status != rules.NestSubmitted {
		t.Fatalf("submit: %+v %v", res, err)
	}
	// In review, a change is blocked (exit 3 in the CLI).
	if p, _, err = apply("b", ApplyOptions{}); p.Blocked() == nil || err == nil {
		t.Errorf("in review: %+v %v", p, err)
	}
	if _, err := c.ReviewService(ctx, res.ServiceID, true, ""); err != nil {
		t.Fatal(err)
	}
	if _, res, err = apply("a", ApplyOptions{Launch: true, Wait: true}); err != nil || res.Status != rules.NestOnline {
		t.Fatalf("launch: %+v %v", res, err)
	}
	p, res, err = apply("b", ApplyOptions{})
	if err != nil || res.Version != "2" || p.Steps[len(p.Steps)-1].Action != NewVersion {
		t.Fatalf("new version: %+v %+v %v", p, res, err)
	}
	v1, _ := c.GetService(ctx, res.ServiceID, "1")
	if v1.Status != rules.NestOnline || !strings.Contains(v1.DeployMetadata, `"a-${ServiceInstanceId}"`) {
		t.Errorf("version 1: %+v", v1)
	}
	// --launch with nothing approved is refused with the next step.
	var v *rules.Violation
	if _, _, err = apply("b", ApplyOptions{Launch: true}); !errors.As(err, &v) || v.Code != rules.CodeNestStatus {
		t.Errorf("launch a draft: %v", err)
	}
}

// The example in docs/examples/computenest is a config mkt reads.
func TestExampleConfig(t *testing.T) {
	cfg, err := Load(filepath.Join("..", "..", "docs", "examples", "computenest", "config.yaml"), map[string]string{"TrialSeconds": "604800"})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Name != "云CRM 私有部署版" || len(cfg.Artifacts) != 2 || len(cfg.Files) != 3 {
		t.Errorf("%+v", cfg)
	}
}
