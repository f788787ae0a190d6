package todo

import (
	"strings"
	"testing"
	"time"

	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/invoice"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

func TestCompute(t *testing.T) {
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, invoice.CST)
	requested := func(ago time.Duration) marketapi.Invoice {
		return marketapi.Invoice{Id: "40720" + ago.String(), Price: "99.00", CreateTimeStr: invoice.FormatTime(now.Add(-ago))}
	}
	cases := []struct {
		name  string
		snap  Snapshot
		kinds string
		has   string
	}{
		{name: "nothing known", snap: Snapshot{}, kinds: ""},
		{name: "all done", snap: Snapshot{
			Onboarding: &marketapi.OnboardingApplication{Status: marketapi.OnboardingApproved},
			Shop:       &marketapi.Shop{Decorated: true},
			Settlement: &marketapi.SettlementAccount{Status: marketapi.AccountBound},
		}, kinds: ""},
		{name: "a new seller", snap: Snapshot{
			Onboarding: &marketapi.OnboardingApplication{Status: marketapi.OnboardingNone},
			Shop:       &marketapi.Shop{},
			Settlement: &marketapi.SettlementAccount{Status: marketapi.AccountNone},
		}, kinds: "onboarding shop settlement", has: "mkt onboard submit"},
		{name: "rejected", snap: Snapshot{
			Onboarding: &marketapi.OnboardingApplication{Status: marketapi.OnboardingRejected, AuditMessage: "资质不全"},
			Settlement: &marketapi.SettlementAccount{Status: marketapi.AccountFailed, Account: "a@b.c", FailReason: "name mismatch"},
			Rejected:   []marketapi.Product{{Code: "cmgj001", Name: "CRM", AuditFailMsg: "no screenshots"}},
		}, kinds: "onboarding settlement product", has: "no screenshots"},
		{name: "invoices: only those within the window", snap: Snapshot{
			Requested: []marketapi.Invoice{requested(time.Hour), requested(8 * 24 * time.Hour), {Id: "bad", CreateTimeStr: "?"}},
		}, kinds: "invoice invoice", has: "mkt invoice issue"},
	}
	for _, c := range cases {
		items := Compute(c.snap, now, i18n.EN)
		var kinds []string
		all := ""
		for _, it := range items {
			kinds = append(kinds, it.Kind)
			all += it.Message + " " + it.Fix + "\n"
			if it.Kind == "invoice" && it.Due == "" {
				t.Errorf("%s: an invoice item has its deadline", c.name)
			}
		}
		if got := strings.Join(kinds, " "); got != c.kinds {
			t.Errorf("%s: kinds %q, want %q", c.name, got, c.kinds)
		}
		if !strings.Contains(all, c.has) {
			t.Errorf("%s: %q not in\n%s", c.name, c.has, all)
		}
	}
	zh := Compute(Snapshot{Shop: &marketapi.Shop{}}, now, i18n.ZH)
	if len(zh) != 1 || !strings.Contains(zh[0].Message, "店铺未装修") {
		t.Errorf("zh: %+v", zh)
	}
}

// A buyer's request to use a restricted Compute Nest service waits for the vendor's answer.
func TestComputeNestUsages(t *testing.T) {
	s := Snapshot{Usages: []marketapi.NestUsage{{ServiceId: "service-0e6fca6a51a54420", ServiceName: "受限服务", UserAliUid: 1001, Status: "Submitted"}}}
	items := Compute(s, time.Now(), i18n.ZH)
	if len(items) != 1 || items[0].Kind != "nest" || !strings.Contains(items[0].Message, "1001") ||
		items[0].Fix != "mkt nest usage approve service-0e6fca6a51a54420 1001（拒绝：mkt nest usage reject service-0e6fca6a51a54420 1001 --comment …）" {
		t.Errorf("%+v", items)
	}
}

// A rejected Compute Nest version is named in the reader's language, with the reason.
func TestComputeNestRejected(t *testing.T) {
	v := marketapi.NestService{ServiceId: "service-0e6fca6a51a54420", Version: "2", Status: "Draft", StatusDetail: "图标不清晰",
		ServiceInfos: []marketapi.NestServiceInfo{{Locale: "en-US", Name: "Backup"}, {Locale: "zh-CN", Name: "备份服务"}}}
	zh := Compute(Snapshot{NestRejected: []marketapi.NestService{v}}, time.Now(), i18n.ZH)
	if len(zh) != 1 || zh[0].Subject != v.ServiceId || zh[0].Message != "计算巢服务 备份服务（service-0e6fca6a51a54420）的版本 2 审核未通过：图标不清晰" ||
		!strings.HasSuffix(zh[0].Fix, "mkt nest service submit service-0e6fca6a51a54420") {
		t.Errorf("zh: %+v", zh)
	}
	en := Compute(Snapshot{NestRejected: []marketapi.NestService{v}}, time.Now(), i18n.EN)
	if len(en) != 1 || !strings.HasPrefix(en[0].Message, "Compute Nest service Backup (") {
		t.Errorf("en: %+v", en)
	}
}

// Each service's latest review counts: a rejection followed by a new submission is not one.
func TestLastReviews(t *testing.T) {
	last := LastReviews([]marketapi.NestRegistration{
		{RegistrationId: "r1", ServiceId: "a", Status: "Rejected", SubmitTime: "2026-12-01T01:00:00Z"},
		{RegistrationId: "r2", ServiceId: "b", Status: "Rejected", SubmitTime: "2026-12-01T02:00:00Z"},
		{RegistrationId: "r3", ServiceId: "a", Status: "Submitted", SubmitTime: "2026-12-01T03:00:00Z"},
		{RegistrationId: "r4", ServiceId: "b", Status: "Canceled", SubmitTime: "2026-12-01T01:30:00Z"},
		{RegistrationId: "r5", ServiceId: "c", Status: "Approved", SubmitTime: "2026-12-01T04:00:00Z"},
		{RegistrationId: "r6", ServiceId: "c", Status: "Rejected", SubmitTime: "2026-12-01T04:00:00Z"},
	})
	for id, want := range map[string]string{"a": "r3", "b": "r2", "c": "r6"} {
		if last[id].RegistrationId != want {
			t.Errorf("%s: %s, want %s", id, last[id].RegistrationId, want)
		}
	}
}
