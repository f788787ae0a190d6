// Package status is `mkt auth status`.
package status

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/config"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/iostreams"
)

// Options are the inputs of `mkt auth status`.
type Options struct {
	Factory *cmdutil.Factory
	IO      *iostreams.IOStreams
}

// Status is what `mkt auth status -o json` prints. It never holds a secret.
type Status struct {
	// Target is "live" or "sandbox"; TargetSource says why.
	Target       config.Target `json:"target"`
	TargetSource config.Source `json:"targetSource"`
	// Extension reports whether the endpoint serves mkt's seller extension (docs/api.md).
	Extension        bool          `json:"extension"`
	Profile          string        `json:"profile"`
	Sandbox          bool          `json:"sandbox"`
	AccessKeyID      string        `json:"accessKeyId,omitempty"`
	SecurityToken    bool          `json:"securityToken"`
	CredentialSource config.Source `json:"credentialSource"`
	Endpoint         string        `json:"endpoint"`
	EndpointSource   config.Source `json:"endpointSource"`
	// NestEndpoint is where Compute Nest's supplier actions go (live only).
	NestEndpoint string `json:"nestEndpoint,omitempty"`
	// STSEndpoint is where mkt asks whose the credentials are (live without the seller
	// extension: to read the seller's listed products).
	STSEndpoint  string          `json:"stsEndpoint,omitempty"`
	Region       string          `json:"region"`
	RegionSource config.Source   `json:"regionSource"`
	ConfigFile   string          `json:"configFile"`
	Profiles     []ProfileStatus `json:"profiles"`
	Notes        []string        `json:"notes,omitempty"`
}

// ProfileStatus summarises one stored profile.
type ProfileStatus struct {
	Name        string `json:"name"`
	Current     bool   `json:"current"`
	AccessKeyID string `json:"accessKeyId,omitempty"`
	Endpoint    string `json:"endpoint,omitempty"`
	Region      string `json:"region,omitempty"`
}

// NewCmdStatus builds `mkt auth status`.
func NewCmdStatus(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f, IO: f.IOStreams}
	return &cobra.Command{
		Use:   "status",
		Short: "Show which credential, endpoint and region are in force, and where each comes from",
		Long: `Show the profile, credential, endpoint and region that commands would use, and the
source of each: a flag, an MKT_* or ALIBABA_CLOUD_* variable, an mkt profile, the aliyun
CLI's config.json, or the sandbox. The AccessKey ID is masked; the secret is never shown.`,
		Example: `  mkt auth status
  mkt auth status -o json | jq -r .credentialSource.kind`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return statusRun(opts)
		},
	}
}

func statusRun(opts *Options) error {
	f := opts.Factory
	file, err := f.Config()
	if err != nil {
		return err
	}
	res, err := f.Resolved()
	if err != nil {
		return err
	}
	lang := f.Lang()
	s := Status{
		Target:           res.Target,
		TargetSource:     res.TargetSource,
		Extension:        res.Extension,
		Profile:          res.Profile,
		Sandbox:          res.Sandbox(),
		CredentialSource: res.CredentialSource,
		Endpoint:         res.Endpoint,
		EndpointSource:   res.EndpointSource,
		Region:           res.Region,
		RegionSource:     res.RegionSource,
		ConfigFile:       file.FilePath(),
		Profiles:         []ProfileStatus{},
	}
	if !res.Sandbox() {
		ep, _ := res.NestEndpoint(f.Getenv)
		s.NestEndpoint = config.RedactEndpoint(ep)
		if !res.Extension {
			sts, _ := res.STSEndpoint(f.Getenv)
			s.STSEndpoint = config.RedactEndpoint(sts)
		}
	}
	if c := res.Credential; c != nil {
		s.AccessKeyID = config.MaskID(c.AccessKeyID)
		s.SecurityToken = c.SecurityToken != ""
	}
	for _, n := range res.Notes {
		s.Notes = append(s.Notes, n.In(lang))
	}
	for _, name := range file.ProfileNames() {
		p := file.Profile(name)
		s.Profiles = append(s.Profiles, ProfileStatus{
			Name:        name,
			Current:     name == res.Profile,
			AccessKeyID: config.MaskID(p.AccessKeyID),
			Endpoint:    p.Endpoint,
			Region:      p.Region,
		})
	}
	return f.Print(s, func() error { return renderTable(opts, s, lang) })
}

func sourceText(lang i18n.Lang, src config.Source) string {
	label := i18n.T(lang, "source."+string(src.Kind))
	detail := src.Detail
	if !src.Text.IsZero() {
		detail = src.Text.In(lang)
	}
	if detail == "" {
		return label
	}
	if lang == i18n.ZH {
		return label + "：" + detail
	}
	return label + ": " + detail
}

func renderTable(opts *Options, s Status, lang i18n.Lang) error {
	ios := opts.IO
	st := ios.Styles()
	t := ios.NewTable(i18n.T(lang, "col.setting"), i18n.T(lang, "col.value"), i18n.T(lang, "col.source"))
	cred := s.AccessKeyID
	if s.Sandbox {
		cred = i18n.T(lang, "status.nocred")
	} else if s.SecurityToken {
		cred += " (STS)"
	}
	target := i18n.T(lang, "status.target."+string(s.Target))
	tstyle := st.Success
	if s.Target == config.TargetSandbox {
		tstyle = st.Warning
	}
	t.AddStyledField(i18n.T(lang, "status.target"), st.Bold)
	t.AddStyledField(target, tstyle)
	t.AddStyledField(sourceText(lang, s.TargetSource), st.Muted)
	t.EndRow()
	ext := i18n.T(lang, "status.ext.none")
	if s.Extension {
		ext = i18n.T(lang, "status.ext.yes")
	}
	t.AddStyledField(i18n.T(lang, "status.extension"), st.Bold)
	t.AddField(ext)
	t.AddField("")
	t.EndRow()
	t.AddStyledField(i18n.T(lang, "status.profile"), st.Bold)
	t.AddStyledField(s.Profile, st.ID)
	t.AddField("")
	t.EndRow()
	t.AddStyledField(i18n.T(lang, "status.credential"), st.Bold)
	t.AddField(cred)
	t.AddStyledField(sourceText(lang, s.CredentialSource), st.Muted)
	t.EndRow()
	t.AddStyledField(i18n.T(lang, "status.endpoint"), st.Bold)
	endpoint := s.Endpoint
	if s.Sandbox && endpoint == "sandbox" {
		endpoint = i18n.T(lang, "status.endpoint.sandbox")
	}
	t.AddField(endpoint)
	t.AddStyledField(sourceText(lang, s.EndpointSource), st.Muted)
	t.EndRow()
	for _, ep := range [][2]string{{"status.nestendpoint", s.NestEndpoint}, {"status.stsendpoint", s.STSEndpoint}} {
		if ep[1] != "" {
			t.AddStyledField(i18n.T(lang, ep[0]), st.Bold)
			t.AddField(ep[1])
			t.AddField("")
			t.EndRow()
		}
	}
	t.AddStyledField(i18n.T(lang, "status.region"), st.Bold)
	t.AddField(s.Region)
	t.AddStyledField(sourceText(lang, s.RegionSource), st.Muted)
	t.EndRow()
	t.AddStyledField(i18n.T(lang, "status.configfile"), st.Bold)
	t.AddField(s.ConfigFile)
	t.AddField("")
	t.EndRow()
	if err := t.Render(); err != nil {
		return err
	}
	es := ios.StylesErr()
	for _, n := range s.Notes {
		fmt.Fprintf(ios.ErrOut, "%s%s\n", es.Muted.Render(i18n.T(lang, "label.note")), n)
	}
	if s.Sandbox && ios.IsStderrTTY() {
		fmt.Fprintf(ios.ErrOut, "%s\n", es.Warning.Render(i18n.T(lang, "status.sandboxhint")))
	}
	return nil
}
