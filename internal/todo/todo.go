// Package todo is the seller console's to-do list (待办事项, FAQ 二): what stands between a
// merchant and selling, each item with the command that resolves it. Compute is pure; Gather
// reads what it needs through the client.
package todo

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"time"

	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/invoice"
	"github.com/mkt-cli/mkt/internal/manifest"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/rules"
)

// Item is one thing to do.
type Item struct {
	Kind    string `json:"kind"` // onboarding, shop, settlement, product, invoice
	Subject string `json:"subject,omitempty"`
	Message string `json:"message"`
	Fix     string `json:"fix"`
	// Due is the deadline (RFC 3339) of an item that has one: an invoice request.
	Due string `json:"due,omitempty"`
}

// Snapshot is what the to-do list is computed from. A nil part was not available (the
// endpoint does not serve it) and yields no item.
type Snapshot struct {
	Onboarding *marketapi.OnboardingApplication
	Shop       *marketapi.Shop
	Settlement *marketapi.SettlementAccount
	// Rejected are the products the operations team rejected.
	Rejected []marketapi.Product
	// Requested are the invoice requests not yet handled.
	Requested []marketapi.Invoice
	// Failed are the SPI notifications the marketplace could not deliver, not yet confirmed.
	Failed []marketapi.Notification
	// Usages are buyers' requests to use a restricted Compute Nest service, not yet answered.
	Usages []marketapi.NestUsage
	// NestRejected are Compute Nest service versions whose last review was a rejection and
	// that were not sent again; StatusDetail is the reviewer's reason.
	NestRejected []marketapi.NestService
}

// The parts of the to-do list, as Gather reports the ones it could not check.
const (
	PartOnboarding = "onboarding"
	PartShop       = "shop"
	PartSettlement = "settlement"
	PartProducts   = "products"
	PartNest       = "nest"
)

// Compute lists what is to do at now, in lang: onboarding, shop, settlement account, rejected
// products, and invoice requests due within the 7-day window (overdue ones included).
func Compute(s Snapshot, now time.Time, lang i18n.Lang) []Item {
	items := []Item{}
	add := func(kind, subject, due string, msg, fix i18n.Message) {
		items = append(items, Item{Kind: kind, Subject: subject, Due: due, Message: msg.In(lang), Fix: fix.In(lang)})
	}
	if app := s.Onboarding; app != nil {
		switch app.Status {
		case marketapi.OnboardingNone:
			add("onboarding", "", "", i18n.M("todo.onboarding.none"), i18n.M("todo.fix.onboarding"))
		case marketapi.OnboardingRejected:
			add("onboarding", app.ApplicationId, "", i18n.M("todo.onboarding.rejected", app.AuditMessage), i18n.M("todo.fix.onboarding"))
		}
	}
	if s.Shop != nil && !s.Shop.Decorated {
		add("shop", "", "", i18n.M("todo.shop"), i18n.M("todo.fix.shop"))
	}
	if a := s.Settlement; a != nil {
		switch a.Status {
		case marketapi.AccountNone:
			add("settlement", "", "", i18n.M("todo.settlement.none"), i18n.M("todo.fix.settlement"))
		case marketapi.AccountFailed:
			add("settlement", a.Account, "", i18n.M("todo.settlement.failed", a.Account, a.FailReason), i18n.M("todo.fix.settlement"))
		}
	}
	for _, p := range s.Rejected {
		add("product", p.Code, "", i18n.M("todo.product.rejected", p.Code, p.Name, p.AuditFailMsg), i18n.M("todo.fix.product", p.Code, p.Code))
	}
	for _, n := range s.Failed {
		add("notification", n.NotificationRequestId, "", i18n.M("todo.notification", n.Action, n.NotificationRequestId), i18n.M("todo.fix.notification", n.NotificationRequestId))
	}
	for _, v := range s.NestRejected {
		locale := "en-US"
		if lang == i18n.ZH {
			locale = "zh-CN"
		}
		add("nest", v.ServiceId, "", i18n.M("todo.nest.rejected", marketapi.NestName(v.ServiceInfos, locale), v.ServiceId, v.Version, v.StatusDetail),
			i18n.M("todo.fix.nest.rejected", v.ServiceId))
	}
	for _, u := range s.Usages {
		uid := strconv.FormatInt(u.UserAliUid, 10)
		add("nest", u.ServiceId, "", i18n.M("todo.nest.usage", uid, u.ServiceName, u.ServiceId), i18n.M("todo.fix.nest.usage", u.ServiceId, uid))
	}
	for _, inv := range s.Requested {
		req, err := invoice.ParseTime(inv.CreateTimeStr)
		if err != nil {
			continue
		}
		st := invoice.At(req, now)
		if st.Remaining > invoice.Window {
			continue
		}
		add("invoice", inv.Id, invoice.Deadline(req).Format(time.RFC3339),
			i18n.M("todo.invoice", inv.Id, inv.Price, i18n.Dur(st.Remaining)), i18n.M("todo.fix.invoice", inv.Id))
	}
	return items
}

// Gather reads the snapshot through c. A part the target does not offer (the real
// marketplace has no public API for the seller console: the client refuses it before sending)
// or an endpoint does not serve (InvalidAction.NotFound) is left nil and reported to skipped;
// the public parts — invoice requests, failed notifications — are always read.
func Gather(ctx context.Context, c *market.Client, skipped func(part string)) (Snapshot, error) {
	var s Snapshot
	unserved := func(part string, err error) error {
		var ae *market.APIError
		var no *market.NotOfferedError
		if errors.As(err, &no) || errors.As(err, &ae) && ae.Code == "InvalidAction.NotFound" {
			skipped(part)
			return nil
		}
		return err
	}
	if app, err := c.Onboarding(ctx); err == nil {
		s.Onboarding = &app
	} else if err := unserved(PartOnboarding, err); err != nil {
		return s, err
	}
	if shop, err := c.Shop(ctx); err == nil {
		s.Shop = &shop
	} else if err := unserved(PartShop, err); err != nil {
		return s, err
	}
	if acct, err := c.SettlementAccount(ctx); err == nil {
		s.Settlement = &acct
	} else if err := unserved(PartSettlement, err); err != nil {
		return s, err
	}
	err := c.ListProducts(ctx, market.ProductFilter{Status: []string{"REJECTED"}}, func(p marketapi.ProductPage) bool {
		s.Rejected = append(s.Rejected, p.Products...)
		return true
	})
	if err := unserved(PartProducts, err); err != nil {
		return s, err
	}
	if err := c.ListFailedNotifications(ctx, func(ns []marketapi.Notification) bool {
		s.Failed = append(s.Failed, ns...)
		return true
	}); err != nil {
		return s, err
	}
	// Compute Nest's usage requests and rejected versions: public, but an account that sells
	// nothing through Compute Nest (or a RAM user without its permissions) is refused: that part
	// is skipped, said so.
	err = gatherNest(ctx, c, &s)
	var ae *market.APIError
	switch {
	case err == nil:
	case errors.As(err, &ae) && ae.HTTPStatus >= 400 && ae.HTTPStatus < 500:
		s.Usages, s.NestRejected = nil, nil
		skipped(PartNest)
	default:
		if err := unserved(PartNest, err); err != nil {
			return s, err
		}
	}
	err = c.ListInvoices(ctx, market.InvoiceFilter{Status: "0"}, func(page []marketapi.Invoice) bool {
		s.Requested = append(s.Requested, page...)
		return true
	})
	return s, err
}

func gatherNest(ctx context.Context, c *market.Client, s *Snapshot) error {
	usages, err := c.ServiceUsages(ctx, map[string][]string{"Status": {"Submitted"}})
	if err != nil {
		return err
	}
	s.Usages = usages
	regs, err := c.ServiceRegistrations(ctx, nil)
	if err != nil {
		return err
	}
	last := LastReviews(regs)
	var ids []string
	for id, r := range last {
		if r.Status == marketapi.RegistrationRejected {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	slices.Sort(ids)
	drafts, err := c.ListServices(ctx, map[string][]string{"ServiceId": ids, "Status": {rules.NestDraft}}, true)
	if err != nil {
		return err
	}
	for _, d := range drafts {
		reg := last[d.ServiceId]
		v, err := c.GetService(ctx, d.ServiceId, d.Version)
		if err != nil {
			return err
		}
		// A draft made after the rejection (a new version) is not the rejected one.
		if v.Status != rules.NestDraft || v.RegistrationId != "" && v.RegistrationId != reg.RegistrationId {
			continue
		}
		if v.StatusDetail == "" {
			v.StatusDetail = reg.Comment
		}
		s.NestRejected = append(s.NestRejected, v)
	}
	return nil
}

// LastReviews is each service's latest review request (by submission time; of two at the same
// time, the one listed later), by service ID.
func LastReviews(regs []marketapi.NestRegistration) map[string]marketapi.NestRegistration {
	last := map[string]marketapi.NestRegistration{}
	for _, r := range regs {
		if prev, ok := last[r.ServiceId]; !ok || r.SubmitTime >= prev.SubmitTime {
			last[r.ServiceId] = r
		}
	}
	return last
}

// FromPlan lists what a listing manifest's plan leaves to do: against a live endpoint without
// the seller extension, each product that drifted from the manifest (to change in the seller
// console); elsewhere, each change mkt apply would make, and each blocked one.
func FromPlan(plan manifest.Plan, file string, lang i18n.Lang) []Item {
	var items []Item
	for _, it := range plan.Items {
		subject := it.Code
		if subject == "" {
			subject = it.Key
		}
		switch it.Action {
		case manifest.Drift:
			items = append(items, Item{Kind: "drift", Subject: subject, Message: i18n.M("todo.drift", subject, len(it.Changes)).In(lang),
				Fix: i18n.M("todo.fix.drift", file).In(lang)})
		case manifest.Create, manifest.Update:
			items = append(items, Item{Kind: "listing", Subject: subject, Message: i18n.M("todo.listing", it.Action, it.Kind, it.Key).In(lang),
				Fix: i18n.M("todo.fix.listing", file).In(lang)})
		case manifest.Blocked:
			items = append(items, Item{Kind: "listing", Subject: subject, Message: it.Block.Message.In(lang), Fix: it.Block.Remedy.In(lang)})
		}
	}
	return items
}
