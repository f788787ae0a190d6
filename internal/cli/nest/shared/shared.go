// Package shared is what the `mkt nest` commands share: how services, artifacts, service
// instances and usage requests are shown, and how a transient status is waited out.
package shared

import (
	"cmp"
	"context"
	"regexp"
	"slices"
	"strconv"
	"time"

	"github.com/charmbracelet/lipgloss"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/exitcode"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/iostreams"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/rules"
)

var (
	serviceID  = regexp.MustCompile(`^service-[0-9a-z]{6,40}$`)
	artifactID = regexp.MustCompile(`^artifact-[0-9a-z]{6,40}$`)
)

// CheckServiceID refuses what is not a service ID before anything is sent.
func CheckServiceID(id string) error {
	if !serviceID.MatchString(id) {
		return cmdutil.FlagError("nest.service.id.invalid", id)
	}
	return nil
}

// CheckArtifactID refuses what is not an artifact ID before anything is sent.
func CheckArtifactID(id string) error {
	if !artifactID.MatchString(id) {
		return cmdutil.FlagError("nest.artifact.id.invalid", id)
	}
	return nil
}

// StatusStyle colours a status on a terminal.
func StatusStyle(st *iostreams.Styles, status string) lipgloss.Style {
	switch status {
	case rules.NestOnline, marketapi.ArtifactAvailable, "Deployed", "Approved":
		return st.Success
	case rules.NestSubmitted, rules.NestLaunching, rules.NestBeta, marketapi.ArtifactScanning, marketapi.ArtifactDelivering:
		return st.Warning
	case marketapi.ArtifactScanFailed, "Rejected", "DeployedFailed":
		return st.Error
	}
	return st.Muted
}

// Versions are a service's versions (ListServices with AllVersions) as the status machine
// sees them, oldest first whatever order the API listed them in.
func Versions(list []marketapi.NestService) []rules.NestVersion {
	out := make([]rules.NestVersion, len(list))
	for i, v := range list {
		out[i] = rules.NestVersion{Version: v.Version, Status: v.Status}
	}
	slices.SortStableFunc(out, func(a, b rules.NestVersion) int {
		x, _ := strconv.Atoi(a.Version)
		y, _ := strconv.Atoi(b.Version)
		return cmp.Compare(x, y)
	})
	return out
}

// Name is a service's name in the reader's language (its zh-CN or en-US info), else the first.
func Name(f *cmdutil.Factory, infos []marketapi.NestServiceInfo) string {
	if f.Lang() == i18n.ZH {
		return marketapi.NestName(infos, "zh-CN")
	}
	return marketapi.NestName(infos, "en-US")
}

// PrintServices prints services (or versions of one) as a table, or the model.
func PrintServices(f *cmdutil.Factory, list []marketapi.NestService, versions bool) error {
	return f.Print(list, func() error {
		ios := f.IOStreams
		st := ios.Styles()
		first := f.T("col.nest.service")
		if versions {
			first = f.T("col.nest.version")
		}
		t := ios.NewTable(first, f.T("col.name"), f.T("col.status"), f.T("col.nest.deploy"), f.T("col.updated"))
		for _, s := range list {
			if versions {
				t.AddField(s.Version)
			} else {
				t.AddStyledField(s.ServiceId, st.ID)
			}
			t.AddField(Name(f, s.ServiceInfos))
			label := f.EnumBeside(i18n.EnumNestStatus, s.Status)
			if !versions && s.HasDraft && s.Status != rules.NestDraft {
				label += " " + f.T("nest.hasdraft")
			}
			t.AddStyledField(label, StatusStyle(st, s.Status))
			t.AddField(f.Enum(i18n.EnumDeployType, s.DeployType))
			t.AddField(f.FormatTime(s.UpdateTime))
			t.EndRow()
		}
		return t.Render()
	})
}

// PrintService prints one service version.
func PrintService(f *cmdutil.Factory, s marketapi.NestService) error {
	return f.Print(s, func() error {
		ios := f.IOStreams
		st := ios.Styles()
		t := ios.NewTable()
		row := func(key, value string, style *lipgloss.Style) {
			if value == "" {
				return
			}
			t.AddStyledField(f.T(key), st.Bold)
			if style != nil {
				t.AddStyledField(value, *style)
			} else {
				t.AddField(value)
			}
			t.EndRow()
		}
		status := StatusStyle(st, s.Status)
		row("nest.f.id", s.ServiceId, &st.ID)
		row("nest.f.version", s.Version+versionName(s.VersionName), nil)
		row("nest.f.status", f.EnumBeside(i18n.EnumNestStatus, s.Status), &status)
		if s.StatusDetail != "" {
			row("nest.f.detail", s.StatusDetail, &st.Error)
		}
		for _, in := range s.ServiceInfos {
			row("nest.f.name", in.Name+" ("+in.Locale+")", nil)
		}
		row("nest.f.deploy", f.EnumBeside(i18n.EnumDeployType, s.DeployType), nil)
		row("nest.f.servicetype", f.EnumBeside(i18n.EnumServiceType, s.ServiceType), nil)
		row("nest.f.share", f.EnumBeside(i18n.EnumShareType, s.ShareType), nil)
		row("nest.f.approval", f.EnumBeside(i18n.EnumApprovalType, s.ApprovalType), nil)
		if s.TrialDuration > 0 {
			row("nest.f.trial", i18n.Duration(f.Lang(), time.Duration(s.TrialDuration)*time.Second), nil)
		}
		if s.Commodity != nil && s.Commodity.CommodityCode != "" {
			row("nest.f.commodity", s.Commodity.CommodityCode, &st.ID)
		}
		row("nest.f.metadata", s.DeployMetadata, nil)
		row("nest.f.updated", f.FormatTime(s.UpdateTime), &st.Muted)
		row("nest.f.published", f.FormatTime(s.PublishTime), &st.Muted)
		return t.Render()
	})
}

func versionName(n string) string {
	if n == "" {
		return ""
	}
	return " (" + n + ")"
}

// PrintArtifacts prints artifacts (or versions of one).
func PrintArtifacts(f *cmdutil.Factory, list []marketapi.NestArtifact) error {
	return f.Print(list, func() error {
		ios := f.IOStreams
		st := ios.Styles()
		t := ios.NewTable(f.T("col.nest.artifact"), f.T("col.nest.version"), f.T("col.name"), f.T("col.type"), f.T("col.status"), f.T("col.updated"))
		for _, a := range list {
			t.AddStyledField(a.ArtifactId, st.ID)
			t.AddField(a.ArtifactVersion + versionName(a.VersionName))
			t.AddField(a.Name)
			t.AddField(f.Enum(i18n.EnumArtifactType, a.ArtifactType))
			t.AddStyledField(f.EnumBeside(i18n.EnumArtifactStatus, a.Status), StatusStyle(st, a.Status))
			t.AddField(f.FormatTime(a.GmtModified))
			t.EndRow()
		}
		return t.Render()
	})
}

// PrintArtifact prints one artifact version.
func PrintArtifact(f *cmdutil.Factory, a marketapi.NestArtifact) error {
	return f.Print(a, func() error {
		ios := f.IOStreams
		st := ios.Styles()
		t := ios.NewTable()
		for _, r := range [][2]string{{"nest.f.id", a.ArtifactId}, {"nest.f.version", a.ArtifactVersion + versionName(a.VersionName)},
			{"nest.f.name", a.Name}, {"nest.f.type", f.EnumBeside(i18n.EnumArtifactType, a.ArtifactType)}, {"nest.f.status", f.EnumBeside(i18n.EnumArtifactStatus, a.Status)},
			{"nest.f.description", a.Description}, {"nest.f.property", a.ArtifactProperty}, {"nest.f.regions", a.SupportRegionIds},
			{"nest.f.updated", f.FormatTime(a.GmtModified)}} {
			if r[1] == "" {
				continue
			}
			t.AddStyledField(f.T(r[0]), st.Bold)
			t.AddField(r[1])
			t.EndRow()
		}
		return t.Render()
	})
}

// PrintInstances prints service instances.
func PrintInstances(f *cmdutil.Factory, list []marketapi.NestInstance) error {
	return f.Print(list, func() error {
		ios := f.IOStreams
		st := ios.Styles()
		t := ios.NewTable(f.T("col.nest.instance"), f.T("col.nest.service"), f.T("col.nest.version"), f.T("col.status"), f.T("col.nest.pay"), f.T("col.nest.user"), f.T("col.created"))
		for _, in := range list {
			t.AddStyledField(in.ServiceInstanceId, st.ID)
			t.AddField(in.Service.ServiceId)
			t.AddField(in.Service.Version)
			t.AddStyledField(f.EnumBeside(i18n.EnumNestInstance, in.Status), StatusStyle(st, in.Status))
			t.AddField(f.Enum(i18n.EnumNestInstance, in.PayType))
			t.AddField(strconv.FormatInt(in.UserId, 10))
			t.AddField(f.FormatTime(in.CreateTime))
			t.EndRow()
		}
		return t.Render()
	})
}

// PrintUsages prints usage requests.
func PrintUsages(f *cmdutil.Factory, list []marketapi.NestUsage) error {
	return f.Print(list, func() error {
		ios := f.IOStreams
		st := ios.Styles()
		t := ios.NewTable(f.T("col.nest.service"), f.T("col.name"), f.T("col.nest.user"), f.T("col.status"), f.T("col.nest.comments"), f.T("col.created"))
		for _, u := range list {
			t.AddStyledField(u.ServiceId, st.ID)
			t.AddField(u.ServiceName)
			t.AddField(strconv.FormatInt(u.UserAliUid, 10))
			t.AddStyledField(f.EnumBeside(i18n.EnumNestUsage, u.Status), StatusStyle(st, u.Status))
			t.AddField(u.Comments)
			t.AddField(f.FormatTime(u.CreateTime))
			t.EndRow()
		}
		return t.Render()
	})
}

// WaitFlags are --wait and --wait-timeout.
type WaitFlags struct {
	Wait    bool
	Timeout time.Duration
}

// DefaultWaitTimeout bounds --wait.
const DefaultWaitTimeout = 30 * time.Minute

// Poll is the wait between reads while waiting.
var Poll = time.Second

// WaitService reads version of id until its status is no longer one of from, saying each
// change on stderr; past timeout it is exit 11 (pending).
func WaitService(ctx context.Context, f *cmdutil.Factory, c *market.Client, id, version string, timeout time.Duration, from ...string) (marketapi.NestService, error) {
	deadline := time.Now().Add(timeout)
	last := ""
	for {
		s, err := c.GetService(ctx, id, version)
		if err != nil {
			return s, err
		}
		if s.Status != last && last != "" {
			f.Success("nest.wait.now", id, s.Version, i18n.E(i18n.EnumNestStatus, s.Status))
		}
		last = s.Status
		still := false
		for _, st := range from {
			still = still || s.Status == st
		}
		if !still {
			return s, nil
		}
		if time.Now().After(deadline) {
			return s, Pending(id+" v"+s.Version, f.EnumBeside(i18n.EnumNestStatus, s.Status))
		}
		if err := sleep(ctx, Poll); err != nil {
			return s, err
		}
	}
}

// WaitArtifact reads an artifact until it is no longer being scanned or delivered.
func WaitArtifact(ctx context.Context, c *market.Client, id string, timeout time.Duration) (marketapi.NestArtifact, error) {
	deadline := time.Now().Add(timeout)
	for {
		a, err := c.GetArtifact(ctx, id, "")
		if err != nil || (a.Status != marketapi.ArtifactScanning && a.Status != marketapi.ArtifactDelivering) {
			return a, err
		}
		if time.Now().After(deadline) {
			return a, Pending(id, a.Status)
		}
		if err := sleep(ctx, Poll); err != nil {
			return a, err
		}
	}
}

// Pending is exit 11: what was waited for is still under way.
func Pending(what, status string) error {
	return &cmdutil.Error{Kind: exitcode.Pending, Msg: i18n.M("nest.wait.timeout", what, status), Remedy: i18n.M("remedy.nest.wait")}
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
