// Package nest is Compute Nest services as code: it reads computenest-cli's
// .computenest/config.yaml as it is (Service and Artifact), resolves its references and files,
// and plans and applies the difference to a service's draft version — or, when the online
// version is locked, a new draft version — through ComputeNestSupplier.
package nest

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/manifest"
)

// serviceKeys are the Service keys computenest-cli's config takes: CreateService's and
// UpdateService's parameters. Those marked false are read but not sent by mkt (the plan
// says so).
var serviceKeys = map[string]bool{
	"RegionId": true, "DeployType": true, "DeployMetadata": true, "ServiceType": true, "ServiceInfo": true,
	"ShareType": true, "ApprovalType": true, "TenantType": true, "TrialDuration": true, "Duration": true,
	"IsSupportOperated": true, "Resellable": true, "AlarmMetadata": true, "OperationMetadata": true,
	"LicenseMetadata": true, "UpgradeMetadata": true, "LogMetadata": true, "PolicyNames": true, "VersionName": true,
	"Commodity":       true,
	"BuildParameters": false, "ComplianceMetadata": false, "ServiceLocaleConfigs": false, "Tag": false,
	"ResourceGroupId": false, "SourceServiceId": false, "SourceServiceVersion": false, "UpdateOption": false,
}

var serviceInfoKeys = []string{"Locale", "Name", "ShortDescription", "Image", "LongDescriptionUrl", "Agreements", "Softwares"}

var artifactKeys = []string{"ArtifactType", "ArtifactName", "Description", "VersionName", "ArtifactProperty", "SupportRegionIds",
	"ArtifactBuildProperty", "ArtifactBuildType", "ArtifactId"}

var artifactPropertyKeys = []string{"RegionId", "ImageId", "Url", "RepoName", "RepoId", "RepoType", "Tag", "CommodityCode", "CommodityVersion"}

// enums are the values the API takes, by key.
var enums = map[string][]string{
	"DeployType":   {"ros", "terraform", "ack", "spi", "operation", "container", "pkg"},
	"ServiceType":  {"private", "managed", "operation", "poc"},
	"ShareType":    {"Public", "Restricted", "OnlyFormalRestricted", "OnlyTrailRestricted", "Hidden"},
	"ApprovalType": {"Manual", "AutoPass"},
	"TenantType":   {"SingleTenant", "MultiTenant"},
	"ArtifactType": {"EcsImage", "AcrImage", "File", "Script", "HelmChart"},
	"Locale":       {"zh-CN", "en-US"},
}

// File is a local file the config names (a template, an icon, an artifact's file): uploaded
// under a name that carries its content's hash, so an unchanged file is never sent again.
type File struct {
	Rel  string // as the config writes it
	Path string
	Line int
	Sum  string // hex SHA-256
	Size int64
}

// UploadName is the name the file is uploaded under: its name with the first 12 hex digits
// of its hash before the extension (template.3f2a9c1b7d0e.yaml).
func (f File) UploadName() string {
	base := filepath.Base(f.Path)
	ext := filepath.Ext(base)
	return strings.TrimSuffix(base, ext) + "." + f.Sum[:12] + ext
}

// Artifact is one entry of the config's Artifact map.
type Artifact struct {
	Key         string
	Line        int
	Type        string
	Name        string
	Description string
	VersionName string
	Property    map[string]any
	Regions     []string
	// File is the local file of a File artifact (nil when its Url is already remote).
	File *File
}

// Config is a parsed .computenest/config.yaml.
type Config struct {
	Path string
	Dir  string
	// Region is Service.RegionId ("" when the file does not say).
	Region string
	// Service is the Service section as data, parameters substituted, files and artifact
	// references still in place (Resolve replaces them).
	Service map[string]any
	// Ignored are Service keys the config has that mkt does not send.
	Ignored   []string
	Artifacts []Artifact
	// Files are the local files the Service section names, by their place in the file.
	Files map[string]*File
	// Name is the service's name: its zh-CN ServiceInfo name, else the first.
	Name string
}

var (
	artifactRef = regexp.MustCompile(`\$\{Artifact\.([^.}]+)\.([A-Za-z]+)\}`)
	paramRef    = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)\}`)
	imageID     = regexp.MustCompile(`^m-[0-9a-z]{8,}$`)
	lineNumber  = regexp.MustCompile(`line (\d+)`)
)

// Load reads and checks the config at path. params are the values of `${Name}` placeholders
// (computenest-cli's parameters): those named are replaced; `${Artifact.<key>.ArtifactId}` and
// `.ArtifactVersion` are checked against the Artifact section; every other placeholder is
// left for Compute Nest to fill at deployment. Every problem is reported at once, with its
// line (manifest.Problems).
func Load(path string, params map[string]string) (*Config, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	abs, _ := filepath.Abs(path)
	cfg := &Config{Path: path, Dir: filepath.Dir(abs), Files: map[string]*File{}}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, manifest.Problems{{Line: yamlLine(err), Msg: i18n.M("manifest.yaml", err.Error())}}
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, manifest.Problems{{Line: 1, Msg: i18n.M("nest.config.notmap")}}
	}
	var probs manifest.Problems
	add := func(n *yaml.Node, key string, args ...any) {
		probs = append(probs, manifest.Problem{Line: n.Line, Col: n.Column, Msg: i18n.M(key, args...)})
	}
	substitute(doc.Content[0], params)
	root := doc.Content[0]
	var svcNode, artNode *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "Service":
			svcNode = v
		case "Artifact":
			artNode = v
		default:
			add(k, "nest.config.unknown", k.Value, "Service, Artifact")
		}
	}
	if svcNode == nil {
		probs = append(probs, manifest.Problem{Line: 1, Msg: i18n.M("nest.config.noservice")})
	}
	keys := map[string]bool{}
	if artNode != nil {
		cfg.Artifacts = cfg.loadArtifacts(artNode, add)
		for _, a := range cfg.Artifacts {
			keys[a.Key] = true
		}
	}
	if svcNode != nil {
		cfg.loadService(svcNode, add)
	}
	// References to artifacts the file does not define.
	walk(root, func(n *yaml.Node) {
		for _, m := range artifactRef.FindAllStringSubmatch(n.Value, -1) {
			if !keys[m[1]] {
				add(n, "nest.config.dangling", m[0], m[1])
			} else if m[2] != "ArtifactId" && m[2] != "ArtifactVersion" {
				add(n, "nest.config.reffield", m[0])
			}
		}
	})
	if len(probs) > 0 {
		sort.SliceStable(probs, func(i, j int) bool { return probs[i].Line < probs[j].Line })
		return nil, probs
	}
	return cfg, nil
}

func yamlLine(err error) int {
	m := lineNumber.FindStringSubmatch(err.Error())
	if m == nil {
		return 0
	}
	var n int
	fmt.Sscan(m[1], &n)
	return n
}

// substitute replaces ${Name} for the names params has, in every scalar.
func substitute(n *yaml.Node, params map[string]string) {
	if len(params) == 0 {
		return
	}
	walk(n, func(s *yaml.Node) {
		s.Value = paramRef.ReplaceAllStringFunc(s.Value, func(m string) string {
			if v, ok := params[m[2:len(m)-1]]; ok {
				return v
			}
			return m
		})
	})
}

func walk(n *yaml.Node, fn func(*yaml.Node)) {
	if n.Kind == yaml.ScalarNode {
		fn(n)
	}
	for _, c := range n.Content {
		walk(c, fn)
	}
}

func mapping(n *yaml.Node) [][2]*yaml.Node {
	if n.Kind != yaml.MappingNode {
		return nil
	}
	var out [][2]*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		out = append(out, [2]*yaml.Node{n.Content[i], n.Content[i+1]})
	}
	return out
}

type adder func(n *yaml.Node, key string, args ...any)

func checkEnum(add adder, key string, v *yaml.Node) {
	if allowed, ok := enums[key]; ok && v.Kind == yaml.ScalarNode && !slices.Contains(allowed, v.Value) {
		add(v, "nest.config.enum", key, v.Value, strings.Join(allowed, ", "))
	}
}

func (cfg *Config) loadService(n *yaml.Node, add adder) {
	if n.Kind != yaml.MappingNode {
		add(n, "nest.config.notmapof", "Service")
		return
	}
	seen := map[string]bool{}
	for _, kv := range mapping(n) {
		k, v := kv[0], kv[1]
		sent, known := serviceKeys[k.Value]
		if !known {
			add(k, "nest.config.unknown", k.Value, "Service")
			continue
		}
		seen[k.Value] = true
		if !sent {
			cfg.Ignored = append(cfg.Ignored, k.Value)
		}
		checkEnum(add, k.Value, v)
		switch k.Value {
		case "RegionId":
			cfg.Region = v.Value
		case "ServiceInfo":
			infos := []*yaml.Node{v}
			if v.Kind == yaml.SequenceNode {
				infos = v.Content
			}
			for _, in := range infos {
				if in.Kind != yaml.MappingNode {
					add(in, "nest.config.notmapof", "ServiceInfo")
					continue
				}
				for _, ikv := range mapping(in) {
					if !slices.Contains(serviceInfoKeys, ikv[0].Value) {
						add(ikv[0], "nest.config.unknown", ikv[0].Value, "ServiceInfo")
					}
					checkEnum(add, ikv[0].Value, ikv[1])
					if ikv[0].Value == "Image" || ikv[0].Value == "LongDescriptionUrl" {
						cfg.file(ikv[1], add)
					}
					if ikv[0].Value == "Name" && (cfg.Name == "" || localeOf(in) == "zh-CN") {
						cfg.Name = ikv[1].Value
					}
				}
			}
		case "DeployMetadata":
			// Templates the metadata names by a local path are uploaded.
			for _, tkv := range mapping(v) {
				if tkv[0].Value != "TemplateConfigs" || tkv[1].Kind != yaml.SequenceNode {
					continue
				}
				for _, tc := range tkv[1].Content {
					for _, f := range mapping(tc) {
						if f[0].Value == "Url" {
							cfg.file(f[1], add)
						}
					}
				}
			}
		}
	}
	if !seen["DeployType"] {
		add(n, "nest.config.required", "Service.DeployType")
	}
	if !seen["ServiceInfo"] {
		add(n, "nest.config.required", "Service.ServiceInfo")
	}
	var data map[string]any
	if err := n.Decode(&data); err != nil {
		add(n, "manifest.yaml", err.Error())
		return
	}
	cfg.Service = data
}

func localeOf(n *yaml.Node) string {
	for _, kv := range mapping(n) {
		if kv[0].Value == "Locale" {
			return kv[1].Value
		}
	}
	return ""
}

// isRemote reports whether a value names something already online (a URL, an OSS object)
// or a placeholder, rather than a local file.
func isRemote(v string) bool {
	if strings.Contains(v, "${") || strings.Contains(v, "{{") {
		return true
	}
	u, err := url.Parse(v)
	return err == nil && u.Scheme != "" && u.Host != ""
}

// file records the local file a scalar names; a missing one is a problem.
func (cfg *Config) file(n *yaml.Node, add adder) *File {
	if n.Kind != yaml.ScalarNode || n.Value == "" || isRemote(n.Value) {
		return nil
	}
	p := n.Value
	if !filepath.IsAbs(p) {
		p = filepath.Join(cfg.Dir, p)
	}
	f, err := hashFile(p)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			add(n, "nest.config.nofile", n.Value)
		} else {
			add(n, "nest.config.badfile", n.Value, err.Error())
		}
		return nil
	}
	f.Rel, f.Line = n.Value, n.Line
	cfg.Files[n.Value] = f
	return f
}

func hashFile(p string) (*File, error) {
	fh, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, fmt.Errorf("a directory, not a file")
	}
	h := sha256.New()
	if _, err := io.Copy(h, fh); err != nil {
		return nil, err
	}
	return &File{Path: p, Sum: hex.EncodeToString(h.Sum(nil)), Size: st.Size()}, nil
}

func (cfg *Config) loadArtifacts(n *yaml.Node, add adder) []Artifact {
	if n.Kind != yaml.MappingNode {
		add(n, "nest.config.notmapof", "Artifact")
		return nil
	}
	var out []Artifact
	names := map[string]int{}
	for _, kv := range mapping(n) {
		a := Artifact{Key: kv[0].Value, Line: kv[0].Line}
		v := kv[1]
		if v.Kind != yaml.MappingNode {
			add(v, "nest.config.notmapof", "Artifact."+a.Key)
			continue
		}
		var urlNode *yaml.Node
		for _, f := range mapping(v) {
			k, val := f[0], f[1]
			if !slices.Contains(artifactKeys, k.Value) {
				add(k, "nest.config.unknown", k.Value, "Artifact."+a.Key)
				continue
			}
			checkEnum(add, k.Value, val)
			switch k.Value {
			case "ArtifactType":
				a.Type = val.Value
			case "ArtifactName":
				a.Name = val.Value
			case "Description":
				a.Description = val.Value
			case "VersionName":
				a.VersionName = val.Value
			case "SupportRegionIds":
				if err := val.Decode(&a.Regions); err != nil {
					add(val, "manifest.yaml", err.Error())
				}
			case "ArtifactProperty":
				for _, p := range mapping(val) {
					if !slices.Contains(artifactPropertyKeys, p[0].Value) {
						add(p[0], "nest.config.unknown", p[0].Value, "ArtifactProperty")
					}
					if p[0].Value == "Url" {
						urlNode = p[1]
					}
				}
				if err := val.Decode(&a.Property); err != nil {
					add(val, "manifest.yaml", err.Error())
				}
			}
		}
		if a.Type == "" {
			add(kv[0], "nest.config.required", "Artifact."+a.Key+".ArtifactType")
		}
		if a.Name == "" {
			add(kv[0], "nest.config.required", "Artifact."+a.Key+".ArtifactName")
		} else if first, dup := names[a.Name]; dup {
			add(kv[0], "nest.config.dupname", a.Name, first)
		} else {
			names[a.Name] = kv[0].Line
		}
		switch a.Type {
		case "File":
			if urlNode == nil {
				add(kv[0], "nest.config.required", "Artifact."+a.Key+".ArtifactProperty.Url")
			} else {
				a.File = cfg.file(urlNode, add)
			}
		case "EcsImage":
			if s, _ := a.Property["ImageId"].(string); !imageID.MatchString(s) && !strings.Contains(s, "${") {
				add(kv[0], "nest.config.imageid", a.Key, s)
			}
		}
		out = append(out, a)
	}
	return out
}
