package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

func envOf(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

// fixture writes an mkt config with profiles "default" and "prod" and an aliyun config with
// an AK profile "default" and an STS profile "sts"; it returns the environment that points at
// both.
func fixture(t *testing.T) (map[string]string, *File) {
	t.Helper()
	home := t.TempDir()
	cfgDir := filepath.Join(home, "cfg")
	f := &File{path: filepath.Join(cfgDir, FileName), Profiles: map[string]*Profile{}}
	f.CurrentProfile = "default"
	*f.EnsureProfile("default") = Profile{AccessKeyID: "LTAIprofiledefault", AccessKeySecret: "s-default", Region: "cn-shanghai", Endpoint: "http://127.0.0.1:9"}
	*f.EnsureProfile("prod") = Profile{AccessKeyID: "LTAIprofileprod0001", AccessKeySecret: "s-prod"}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(home, ".aliyun"), 0o700); err != nil {
		t.Fatal(err)
	}
	aliyun := `{"current":"default","profiles":[
	  {"name":"default","mode":"AK","access_key_id":"LTAIaliyundefault","access_key_secret":"s-aliyun","region_id":"cn-beijing"},
	  {"name":"sts","mode":"StsToken","access_key_id":"STS.aliyunsts","access_key_secret":"s-sts","sts_token":"tok","region_id":"ap-southeast-1"},
	  {"name":"role","mode":"RamRoleArn","access_key_id":"x","access_key_secret":"y","ram_role_arn":"acs:ram::1:role/r"}
	],"meta_path":""}`
	if err := os.WriteFile(filepath.Join(home, ".aliyun", "config.json"), []byte(aliyun), 0o600); err != nil {
		t.Fatal(err)
	}
	loaded, err := Load(f.path)
	if err != nil {
		t.Fatal(err)
	}
	return map[string]string{"HOME": home, "MKT_CONFIG_DIR": cfgDir}, loaded
}

func TestResolvePrecedence(t *testing.T) {
	// Each case adds one source above the previous ones; the new source must win.
	env, file := fixture(t)
	resolve := func(flagProfile string, env map[string]string, file *File) *Resolved {
		t.Helper()
		r, err := Resolve(Inputs{FlagProfile: flagProfile, Getenv: envOf(env), File: file})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}

	empty := &File{Profiles: map[string]*Profile{}}
	noAliyun := map[string]string{"HOME": t.TempDir()}
	if r := resolve("", noAliyun, empty); !r.Sandbox() || r.CredentialSource.Kind != SourceSandbox || r.Endpoint != "sandbox" {
		t.Fatalf("nothing configured: want sandbox, got %+v", r)
	}

	onlyAliyun := map[string]string{"HOME": env["HOME"]}
	r := resolve("", onlyAliyun, empty)
	if r.CredentialSource.Kind != SourceAliyunCLI || r.Credential.AccessKeyID != "LTAIaliyundefault" || r.Region != "cn-beijing" {
		t.Fatalf("aliyun CLI must beat the sandbox: %+v", r)
	}
	if r.Endpoint != EndpointChina || r.EndpointSource.Kind != SourceDefault {
		t.Fatalf("endpoint from region: %+v", r)
	}

	r = resolve("", env, file)
	if r.CredentialSource.Kind != SourceProfile || r.Credential.AccessKeyID != "LTAIprofiledefault" {
		t.Fatalf("mkt profile must beat aliyun CLI: %+v", r)
	}
	if r.Region != "cn-shanghai" || r.Endpoint != "http://127.0.0.1:9" {
		t.Fatalf("profile region/endpoint: %+v", r)
	}

	env["ALIBABA_CLOUD_ACCESS_KEY_ID"] = "LTAIenvalibaba"
	env["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = "s-env-alibaba"
	env["ALIBABA_CLOUD_REGION_ID"] = "cn-qingdao"
	r = resolve("", env, file)
	if r.CredentialSource.Kind != SourceEnvAlibaba || r.Credential.AccessKeyID != "LTAIenvalibaba" || r.Region != "cn-qingdao" {
		t.Fatalf("ALIBABA_CLOUD_* must beat the mkt profile: %+v", r)
	}

	env["MKT_ACCESS_KEY_ID"] = "LTAIenvmkt"
	env["MKT_ACCESS_KEY_SECRET"] = "s-env-mkt"
	env["MKT_SECURITY_TOKEN"] = "sts-token"
	env["MKT_REGION"] = "cn-shenzhen"
	env["MKT_ENDPOINT"] = "http://127.0.0.1:10"
	r = resolve("", env, file)
	if r.CredentialSource.Kind != SourceEnvMKT || r.Credential.AccessKeyID != "LTAIenvmkt" || r.Credential.SecurityToken != "sts-token" {
		t.Fatalf("MKT_* must beat ALIBABA_CLOUD_*: %+v", r)
	}
	if r.Region != "cn-shenzhen" || r.RegionSource.Kind != SourceEnvMKT || r.Endpoint != "http://127.0.0.1:10" {
		t.Fatalf("MKT_REGION/MKT_ENDPOINT: %+v", r)
	}

	r, err := Resolve(Inputs{FlagProfile: "prod", FlagRegion: "cn-zhangjiakou", FlagEndpoint: "http://127.0.0.1:11", Getenv: envOf(env), File: file})
	if err != nil {
		t.Fatal(err)
	}
	if r.CredentialSource.Kind != SourceFlag || r.Credential.AccessKeyID != "LTAIprofileprod0001" || r.Profile != "prod" {
		t.Fatalf("--profile must beat MKT_*: %+v", r)
	}
	if r.Region != "cn-zhangjiakou" || r.RegionSource.Kind != SourceFlag || r.Endpoint != "http://127.0.0.1:11" || r.EndpointSource.Kind != SourceFlag {
		t.Fatalf("--region/--endpoint: %+v", r)
	}
}

func TestResolveNamedAliyunProfile(t *testing.T) {
	env, _ := fixture(t)
	empty := &File{Profiles: map[string]*Profile{}}

	env["ALIBABA_CLOUD_PROFILE"] = "sts"
	r, err := Resolve(Inputs{Getenv: envOf(env), File: empty})
	if err != nil {
		t.Fatal(err)
	}
	if r.CredentialSource.Kind != SourceAliyunCLI || r.Credential.SecurityToken != "tok" || r.Region != "ap-southeast-1" || r.Endpoint != EndpointIntl {
		t.Fatalf("ALIBABA_CLOUD_PROFILE=sts: %+v", r)
	}

	// An unsupported mode is passed over with a note, and the sandbox is used.
	env["ALIBABA_CLOUD_PROFILE"] = "role"
	r, err = Resolve(Inputs{Getenv: envOf(env), File: empty})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Sandbox() || len(r.Notes) != 1 || !strings.Contains(r.Notes[0].String(), "RamRoleArn") {
		t.Fatalf("unsupported mode: %+v", r)
	}

	// --profile falls back to the aliyun CLI's profiles by name, and refuses unusable ones.
	delete(env, "ALIBABA_CLOUD_PROFILE")
	r, err = Resolve(Inputs{FlagProfile: "sts", Getenv: envOf(env), File: empty})
	if err != nil || r.CredentialSource.Kind != SourceFlag || r.Credential.AccessKeyID != "STS.aliyunsts" {
		t.Fatalf("--profile sts: %+v %v", r, err)
	}
	var re *ResolveError
	if _, err := Resolve(Inputs{FlagProfile: "role", Getenv: envOf(env), File: empty}); !errors.As(err, &re) {
		t.Fatalf("--profile role: want ResolveError, got %v", err)
	}
	if _, err := Resolve(Inputs{FlagProfile: "missing", Getenv: envOf(env), File: empty}); !errors.As(err, &re) || re.Msg.Key != "cred.profile.notfound" {
		t.Fatalf("--profile missing: want not found, got %v", err)
	}

	// ALIBABA_CLOUD_CLI_PROFILE_DISABLED turns the aliyun CLI source off.
	env["ALIBABA_CLOUD_CLI_PROFILE_DISABLED"] = "true"
	r, err = Resolve(Inputs{Getenv: envOf(env), File: empty})
	if err != nil || !r.Sandbox() {
		t.Fatalf("disabled CLI profile: %+v %v", r, err)
	}
}

func TestResolveHalfCredentialIsAnError(t *testing.T) {
	for _, env := range []map[string]string{
		{"MKT_ACCESS_KEY_ID": "LTAIx"},
		{"MKT_ACCESS_KEY_SECRET": "s"},
		{"ALIBABA_CLOUD_ACCESS_KEY_ID": "LTAIx"},
	} {
		env["HOME"] = t.TempDir()
		_, err := Resolve(Inputs{Getenv: envOf(env)})
		var re *ResolveError
		if !errors.As(err, &re) || re.Msg.Key != "cred.env.half" {
			t.Errorf("%v: want cred.env.half, got %v", env, err)
		}
	}
}

func TestResolveRejectsBadEndpointAndRegion(t *testing.T) {
	env := map[string]string{"HOME": t.TempDir()}
	if _, err := Resolve(Inputs{FlagRegion: "Hangzhou!", Getenv: envOf(env)}); err == nil {
		t.Error("bad region accepted")
	}
	env["MKT_ACCESS_KEY_ID"], env["MKT_ACCESS_KEY_SECRET"] = "a", "b"
	if _, err := Resolve(Inputs{FlagEndpoint: "ftp://x", Getenv: envOf(env)}); err == nil {
		t.Error("bad endpoint accepted")
	}
}

func TestSaveIsPrivateAndAtomic(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "mkt")
	f, err := Load(filepath.Join(dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	f.EnsureProfile("default").AccessKeySecret = "secret"
	f.EnsureProfile("empty")
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" {
		st, err := os.Stat(f.FilePath())
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != 0o600 {
			t.Errorf("config file mode = %v, want 0600", st.Mode().Perm())
		}
		dst, _ := os.Stat(dir)
		if dst.Mode().Perm() != 0o700 {
			t.Errorf("config dir mode = %v, want 0700", dst.Mode().Perm())
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	g, err := Load(f.FilePath())
	if err != nil {
		t.Fatal(err)
	}
	if g.Profile("default").AccessKeySecret != "secret" || g.Profile("empty") != nil {
		t.Errorf("round trip: %+v", g.Profiles)
	}
}

func TestLoadRejectsUnknownFieldsAndBadYAML(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"typo.yaml": "profiles:\n  default:\n    acess_key_id: x\n",
		"bad.yaml":  "profiles: [\n",
	} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(body), 0o600)
		var pe *ParseError
		if _, err := Load(p); !errors.As(err, &pe) {
			t.Errorf("%s: want ParseError, got %v", name, err)
		}
	}
}

func TestMask(t *testing.T) {
	for in, want := range map[string]string{
		"":                 "",
		"abc":              "***",
		"abcdefgh":         "******gh",
		"LTAI5tAbCdEf1234": "LTAI********1234",
	} {
		if got := MaskID(in); got != want {
			t.Errorf("MaskID(%q) = %q, want %q", in, got, want)
		}
	}
	if MaskSecret("anything") != "********" || MaskSecret("") != "" {
		t.Error("MaskSecret")
	}
	if strings.Contains(MaskID("LTAI5tAbCdEf1234"), "5tAbCdEf") {
		t.Error("MaskID leaks the middle")
	}
}

func TestDirPrecedence(t *testing.T) {
	if d, _ := Dir(envOf(map[string]string{"MKT_CONFIG_DIR": "/a", "XDG_CONFIG_HOME": "/b", "HOME": "/c"})); d != "/a" {
		t.Errorf("MKT_CONFIG_DIR: %s", d)
	}
	if d, _ := Dir(envOf(map[string]string{"XDG_CONFIG_HOME": "/b", "HOME": "/c"})); d != filepath.Join("/b", "mkt") {
		t.Errorf("XDG_CONFIG_HOME: %s", d)
	}
	if runtime.GOOS != "windows" {
		if d, _ := Dir(envOf(map[string]string{"HOME": "/c"})); d != filepath.Join("/c", ".config", "mkt") {
			t.Errorf("HOME: %s", d)
		}
	}
}

func TestNormalizeEndpoint(t *testing.T) {
	ok := map[string]string{
		"market.aliyuncs.com":    "https://market.aliyuncs.com",
		"http://127.0.0.1:8080/": "http://127.0.0.1:8080",
		"https://x.example:443":  "https://x.example:443",
	}
	for in, want := range ok {
		if got, err := NormalizeEndpoint(in); err != nil || got != want {
			t.Errorf("NormalizeEndpoint(%q) = %q, %v", in, got, err)
		}
	}
	for _, bad := range []string{"", "ftp://x", "http://u:p@x", "http://x/path", "http://x/?a=1", "http://x/#f"} {
		if _, err := NormalizeEndpoint(bad); err == nil {
			t.Errorf("NormalizeEndpoint(%q) accepted", bad)
		}
	}
}

func TestKeys(t *testing.T) {
	f := &File{Profiles: map[string]*Profile{}}
	k, err := LookupKey("region")
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Set(k, "p", "not a region"); err == nil {
		t.Error("bad region accepted")
	}
	if err := f.Set(k, "p", "cn-hangzhou"); err != nil || f.Get(k, "p") != "cn-hangzhou" {
		t.Errorf("set region: %v", err)
	}
	var ke *KeyError
	if _, err := LookupKey("access_key_secret"); !errors.As(err, &ke) || ke.Msg.Key != "config.key.secret" {
		t.Errorf("secret key: %v", err)
	}
	if _, err := LookupKey("regoin"); !errors.As(err, &ke) || ke.Msg.Key != "config.key.unknown" {
		t.Errorf("unknown key: %v", err)
	}
	cp, _ := LookupKey("current-profile")
	if err := f.Set(cp, "x", "Prod"); err != nil || f.CurrentProfile != "prod" {
		t.Errorf("current_profile: %v %q", err, f.CurrentProfile)
	}
}

func TestValidators(t *testing.T) {
	for _, ok := range []string{"cn-hangzhou", "ap-southeast-1", "cn-shanghai-finance-1", "us-east-1"} {
		if !ValidRegion(ok) {
			t.Errorf("ValidRegion(%q) = false", ok)
		}
	}
	for _, bad := range []string{"", "cn", "hangzhou", "CN-hangzhou", "cn--x", "cn-", "c1-x", "cn-a-b-c-d-e", "cn_hangzhou"} {
		if ValidRegion(bad) {
			t.Errorf("ValidRegion(%q) = true", bad)
		}
	}
	for _, ok := range []string{"default", "prod-2", "a.b_c", "0"} {
		if !ValidProfileName(ok) {
			t.Errorf("ValidProfileName(%q) = false", ok)
		}
	}
	for _, bad := range []string{"", "-x", "Prod", "a b", "x/y", strings.Repeat("a", 65)} {
		if ValidProfileName(bad) {
			t.Errorf("ValidProfileName(%q) = true", bad)
		}
	}
}

func TestResolveTargets(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	lookup := func(m map[string]string) func(string) (string, bool) {
		return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
	}
	creds := map[string]string{"MKT_ACCESS_KEY_ID": "LTAI5tExample1", "MKT_ACCESS_KEY_SECRET": "s"}
	cases := []struct {
		name    string
		vars    map[string]string
		sandbox bool
		target  Target
		err     string
		ext     bool
	}{
		{name: "nothing", vars: map[string]string{}, target: TargetSandbox, ext: true},
		{name: "credentials", vars: creds, target: TargetLive},
		{name: "credentials, --sandbox", vars: creds, sandbox: true, target: TargetSandbox, ext: true},
		{name: "MKT_SANDBOX=1", vars: map[string]string{"MKT_SANDBOX": "1", "MKT_ACCESS_KEY_ID": "x", "MKT_ACCESS_KEY_SECRET": "y"}, target: TargetSandbox, ext: true},
		{name: "empty variable", vars: map[string]string{"MKT_ACCESS_KEY_ID": ""}, err: "cred.env.empty"},
		{name: "CI, nothing", vars: map[string]string{"CI": "true"}, err: "cred.ci.none"},
		{name: "CI, --sandbox", vars: map[string]string{"CI": "true"}, sandbox: true, target: TargetSandbox, ext: true},
		{name: "CI=false", vars: map[string]string{"CI": "false"}, target: TargetSandbox, ext: true},
		{name: "live, extension declared", vars: map[string]string{"MKT_ACCESS_KEY_ID": "a", "MKT_ACCESS_KEY_SECRET": "b", "MKT_EXTENSION": "1"}, target: TargetLive, ext: true},
	}
	for _, c := range cases {
		r, err := Resolve(Inputs{FlagSandbox: c.sandbox, Getenv: env(c.vars), LookupEnv: lookup(c.vars), AliyunPath: "/nonexistent"})
		if c.err != "" {
			var re *ResolveError
			if !errors.As(err, &re) || re.Msg.Key != c.err {
				t.Errorf("%s: %v, want %s", c.name, err, c.err)
			}
			continue
		}
		if err != nil || r.Target != c.target || r.Extension != c.ext {
			t.Errorf("%s: %+v %v", c.name, r, err)
		}
	}
}

// Concurrent updates lose nothing: each reads the file under the lock as the others left it.
func TestUpdateLosesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.yaml")
	const n = 64
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f, err := Load(path)
			if err != nil {
				errs <- err
				return
			}
			errs <- f.Update(func(cur *File) error {
				cur.EnsureProfile(fmt.Sprintf("p%d", i)).Region = "cn-hangzhou"
				return nil
			})
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	f, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Profiles) != n {
		t.Fatalf("%d of %d profiles survived", len(f.Profiles), n)
	}
}

// A password in an endpoint never reaches an error message.
func TestRedactEndpoint(t *testing.T) {
	for in, want := range map[string]string{
		"http://admin:hunter2@127.0.0.1:1": "http://admin:***@127.0.0.1:1",
		"https://u@host":                   "https://u@host",
		"market.aliyuncs.com":              "market.aliyuncs.com",
		"http://a:b%zz@host":               "http://***@host",
		"http://127.0.0.1:8080":            "http://127.0.0.1:8080",
	} {
		if got := RedactEndpoint(in); got != want {
			t.Errorf("RedactEndpoint(%q) = %q, want %q", in, got, want)
		}
	}
	_, err := Resolve(Inputs{FlagEndpoint: "http://admin:hunter2@127.0.0.1:1", Getenv: envOf(nil), File: &File{Profiles: map[string]*Profile{}}})
	if err == nil || strings.Contains(err.Error(), "hunter2") {
		t.Errorf("resolve error: %v", err)
	}
	k, _ := LookupKey("endpoint")
	if err := (&File{Profiles: map[string]*Profile{}}).Set(k, "default", "http://admin:hunter2@host"); err == nil || strings.Contains(err.Error(), "hunter2") {
		t.Errorf("config set error: %v", err)
	}
}
