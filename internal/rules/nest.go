package rules

import (
	"slices"

	"github.com/mkt-cli/mkt/internal/i18n"
)

// CodeNestStatus refuses what a Compute Nest service version's status does not allow: an
// online version changed, a draft launched before review.
const CodeNestStatus = "OperationDenied.ServiceStatus"

// Compute Nest service statuses, as GetService names them.
const (
	NestDraft     = "Draft"
	NestSubmitted = "Submitted"
	NestApproved  = "Approved"
	NestLaunching = "Launching"
	NestOnline    = "Online"
	NestOffline   = "Offline"
	NestBeta      = "Beta"
)

// NestStep is something done to a service version.
type NestStep string

// The steps of a service version's life.
const (
	NestUpdate    NestStep = "update"
	NestSubmit    NestStep = "submit"
	NestCancel    NestStep = "cancel"
	NestPreLaunch NestStep = "prelaunch"
	NestLaunch    NestStep = "launch"
	NestWithdraw  NestStep = "withdraw"
	NestDelete    NestStep = "delete"
)

// nestFrom is the statuses each step starts from: only a draft is changed or sent to review;
// review answers a submitted version; an approved version is published (directly or through
// a beta); an online or beta version is withdrawn; anything not online, in review or
// launching may be deleted.
var nestFrom = map[NestStep][]string{
	NestUpdate:    {NestDraft},
	NestSubmit:    {NestDraft},
	NestCancel:    {NestSubmitted},
	NestPreLaunch: {NestApproved},
	NestLaunch:    {NestApproved, NestBeta},
	NestWithdraw:  {NestOnline, NestBeta},
	NestDelete:    {NestDraft, NestApproved, NestOffline},
}

// NestTransient reports whether a status changes by itself (a launch being published).
func NestTransient(status string) bool { return status == NestLaunching }

// NestAllows reports whether step may be done to a version in status.
func NestAllows(step NestStep, status string) bool { return slices.Contains(nestFrom[step], status) }

// NestVersion is one version of a service and its status.
type NestVersion struct{ Version, Status string }

// NestVersionFor is the version step acts on among a service's versions (oldest first): the
// one named; else, to withdraw, the one in review, then the online or beta one; to launch or
// pre-launch, the newest approved or beta one; else the newest. ok is false when the named
// version is not among them, or there are none.
func NestVersionFor(step NestStep, named string, versions []NestVersion) (v NestVersion, ok bool) {
	if len(versions) == 0 {
		return NestVersion{}, false
	}
	if named != "" {
		for _, v := range versions {
			if v.Version == named {
				return v, true
			}
		}
		return NestVersion{}, false
	}
	switch step {
	case NestWithdraw:
		if i := slices.IndexFunc(versions, func(v NestVersion) bool { return v.Status == NestSubmitted }); i >= 0 {
			return versions[i], true
		}
		if i := slices.IndexFunc(versions, func(v NestVersion) bool { return v.Status == NestOnline || v.Status == NestBeta }); i >= 0 {
			return versions[i], true
		}
	case NestLaunch, NestPreLaunch:
		for i := len(versions) - 1; i >= 0; i-- {
			if versions[i].Status == NestApproved || versions[i].Status == NestBeta {
				return versions[i], true
			}
		}
	}
	return versions[len(versions)-1], true
}

// NestStepRefused is the refusal of step on version v of service id, in status: an online
// (or reviewed) version is locked — the remedy is a new draft version, as for Marketplace
// products whose listed fields cannot change.
func NestStepRefused(step NestStep, id, v, status string) *Violation {
	if NestAllows(step, status) {
		return nil
	}
	st := nestStatus(status)
	switch {
	case step == NestUpdate && (status == NestOnline || status == NestBeta || status == NestApproved || status == NestOffline):
		return rule(CodeNestStatus, i18n.M("nest.locked", id, v, st), i18n.M("remedy.nest.locked", id))
	case step == NestUpdate || step == NestSubmit:
		return rule(CodeNestStatus, i18n.M("nest.step.refused", id, v, st, nestStepName(step)), i18n.M("remedy.nest.inreview", id))
	case step == NestLaunch || step == NestPreLaunch:
		return rule(CodeNestStatus, i18n.M("nest.step.refused", id, v, st, nestStepName(step)), i18n.M("remedy.nest.launch", id))
	}
	return rule(CodeNestStatus, i18n.M("nest.step.refused", id, v, st, nestStepName(step)), i18n.M("remedy.nest.status", id))
}

type nestStatus string

func (s nestStatus) In(lang i18n.Lang) string {
	return i18n.EnumBeside(lang, i18n.EnumNestStatus, string(s))
}

type nestStepName NestStep

func (s nestStepName) In(lang i18n.Lang) string { return i18n.Enum(lang, i18n.EnumNestStep, string(s)) }
