package manifest

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/rules"
)

// Actions of a plan item.
const (
	Create    = "create"
	Update    = "update"
	Unchanged = "unchanged"
	Blocked   = "blocked"
)

// Change is one field that differs: old → new.
type Change struct {
	Field string `json:"field"`
	Old   string `json:"old"`
	New   string `json:"new"`
}

// Block is why an item cannot be applied, and what to do.
type Block struct {
	Code    string       `json:"code"`
	Message i18n.Message `json:"-"`
	Remedy  i18n.Message `json:"-"`
	Text    string       `json:"message"`
	Next    string       `json:"remedy,omitempty"`
}

// Item is one resource of the plan.
type Item struct {
	Kind    string   `json:"kind"` // product or bundle
	Key     string   `json:"key"`  // the product key, or the bundle name
	Code    string   `json:"code,omitempty"`
	Status  string   `json:"status,omitempty"` // the product's state now
	Action  string   `json:"action"`
	Changes []Change `json:"changes,omitempty"`
	Block   *Block   `json:"blocked,omitempty"`

	input     market.ProductInput
	agreement string // a template to set after the product is saved
	fill      map[string]string
	bundle    Bundle
	bundleID  string
	shop      marketapi.ShopChange
	contacts  marketapi.ContactsChange
	// version is what the resource is now (a product's modify time and review note, a
	// bundle's contents): in a token, it makes a change back to an earlier value, or a
	// resubmission, a new request rather than a replay of an old one.
	version string
}

// Plan is what applying a manifest would do.
type Plan struct {
	Items []Item `json:"items"`
}

// Count returns how many items take each action.
func (p Plan) Count(action string) int {
	n := 0
	for _, it := range p.Items {
		if it.Action == action {
			n++
		}
	}
	return n
}

// Snapshot is the marketplace's state, as far as a manifest is concerned.
type Snapshot struct {
	Products []marketapi.Product
	Bundles  []marketapi.Bundle
	// Shop is nil where the endpoint does not serve the seller-account actions.
	Shop *marketapi.Shop
}

// Localize fills the blocks' texts in lang.
func (p *Plan) Localize(lang i18n.Lang) {
	for i := range p.Items {
		if b := p.Items[i].Block; b != nil {
			b.Text = b.Message.In(lang)
			if !b.Remedy.IsZero() {
				b.Next = b.Remedy.In(lang)
			}
		}
	}
}

// desired is the product input the manifest asks for: only the fields it sets are managed.
func desired(p Product) market.ProductInput {
	t, _ := rules.ParseType(p.Type)
	s := func(v string) *string {
		if v == "" {
			return nil
		}
		return &v
	}
	in := market.ProductInput{Type: string(t), Name: s(p.Name), ShortDescription: s(p.Summary), Description: s(p.Description),
		ProductionUrl: s(p.ProductionURL), ActivationUrl: s(p.ActivationURL), ApiGroup: s(p.APIGroup), ApiPrefix: s(p.APIPrefix),
		ImageId: s(p.ImageID), ImageRegion: s(p.ImageRegion), DeliveryTemplateId: s(p.DeliveryTemplate), ExternalKey: s(ExternalKey(p.Key))}
	if p.Category != 0 {
		c := p.Category
		in.CategoryId = &c
	}
	if len(p.Skus) > 0 {
		in.Skus, _ = rules.NormalizeSKUs(p.Skus)
	}
	if len(p.Validity) > 0 {
		ps, _ := rules.ParsePeriods(t, p.Validity)
		in.ValidityPeriods = rules.PeriodStrings(ps)
	}
	mode := p.Delivery
	if t == rules.TypeSaaS && mode == "" {
		switch {
		case p.ProductionURL != "":
			mode = rules.DeliverySPI
		case p.ActivationURL != "":
			mode = rules.DeliveryLicense
		}
	}
	in.DeliveryMode = s(mode)
	return in
}

func skusText(skus []marketapi.SKU) string {
	var parts []string
	for _, s := range skus {
		parts = append(parts, s.Code+":"+s.Name+":"+s.Price+":"+s.ChargeType)
	}
	return strings.Join(parts, ", ")
}

// diff lists the managed fields whose values differ.
func diff(in market.ProductInput, p marketapi.Product) []Change {
	var out []Change
	cmp := func(field string, want *string, have string) {
		if want != nil && *want != have {
			out = append(out, Change{field, have, *want})
		}
	}
	cmp("name", in.Name, p.Name)
	if in.CategoryId != nil && *in.CategoryId != p.CategoryId {
		out = append(out, Change{"category", strconv.FormatInt(p.CategoryId, 10), strconv.FormatInt(*in.CategoryId, 10)})
	}
	cmp("summary", in.ShortDescription, p.ShortDescription)
	cmp("description", in.Description, p.Description)
	// A SKU the manifest gives no code is the live one of its name (codes are the
	// marketplace's to assign).
	if want := rules.SKUCodesByName(in.Skus, p.Skus); in.Skus != nil && skusText(want) != skusText(p.Skus) {
		out = append(out, Change{"skus", skusText(p.Skus), skusText(want)})
	}
	if in.ValidityPeriods != nil && strings.Join(in.ValidityPeriods, " ") != strings.Join(p.ValidityPeriods, " ") {
		out = append(out, Change{"validity", strings.Join(p.ValidityPeriods, " "), strings.Join(in.ValidityPeriods, " ")})
	}
	cmp("delivery", in.DeliveryMode, p.DeliveryMode)
	cmp("productionUrl", in.ProductionUrl, p.ProductionUrl)
	cmp("activationUrl", in.ActivationUrl, p.ActivationUrl)
	cmp("apiGroup", in.ApiGroup, p.ApiGroup)
	cmp("apiPrefix", in.ApiPrefix, p.ApiPrefix)
	cmp("imageId", in.ImageId, p.ImageId)
	cmp("imageRegion", in.ImageRegion, p.ImageRegion)
	cmp("deliveryTemplate", in.DeliveryTemplateId, p.DeliveryTemplateId)
	return out
}

func agreementOf(p marketapi.Product) string {
	if p.Agreement == nil {
		return ""
	}
	return p.Agreement.TemplateId
}

// only keeps the fields that change (an update sends nothing else).
func only(in market.ProductInput, changes []Change) market.ProductInput {
	var out market.ProductInput
	out.ExternalKey = in.ExternalKey
	for _, c := range changes {
		switch c.Field {
		case "name":
			out.Name = in.Name
		case "category":
			out.CategoryId = in.CategoryId
		case "summary":
			out.ShortDescription = in.ShortDescription
		case "description":
			out.Description = in.Description
		case "skus":
			out.Skus = in.Skus
		case "validity":
			out.ValidityPeriods = in.ValidityPeriods
		case "delivery":
			out.DeliveryMode = in.DeliveryMode
		case "productionUrl":
			out.ProductionUrl = in.ProductionUrl
		case "activationUrl":
			out.ActivationUrl = in.ActivationUrl
		case "apiGroup":
			out.ApiGroup = in.ApiGroup
		case "apiPrefix":
			out.ApiPrefix = in.ApiPrefix
		case "imageId":
			out.ImageId = in.ImageId
		case "imageRegion":
			out.ImageRegion = in.ImageRegion
		case "deliveryTemplate":
			out.DeliveryTemplateId = in.DeliveryTemplateId
		}
	}
	return out
}

func blockOf(v *rules.Violation) *Block {
	return &Block{Code: v.Code, Message: v.Msg, Remedy: v.Remedy}
}

// MakePlan compares the manifest with the marketplace.
func MakePlan(m *Manifest, snap Snapshot) Plan {
	byCode := map[string]marketapi.Product{}
	byKey := map[string]marketapi.Product{}
	for _, p := range snap.Products {
		byCode[p.Code] = p
		if p.ExternalKey != "" {
			byKey[p.ExternalKey] = p
		}
	}
	var plan Plan
	codeOf := map[string]string{}
	blockedNew := map[string]bool{}
	for _, mp := range m.Products {
		in := desired(mp)
		it := Item{Kind: "product", Key: mp.Key, input: in, agreement: mp.Agreement, fill: mp.AgreementFill}
		cur, found := byKey[ExternalKey(mp.Key)]
		if mp.Code != "" {
			cur, found = byCode[mp.Code]
			if !found {
				it.Action = Blocked
				it.Block = &Block{Code: "InvalidCode.NotFound", Message: i18n.M("manifest.code.notfound", mp.Code), Remedy: i18n.M("manifest.code.remedy")}
				plan.Items = append(plan.Items, it)
				blockedNew[mp.Key] = true
				continue
			}
		}
		if !found {
			it.Action = Create
			for _, c := range diff(in, marketapi.Product{}) {
				it.Changes = append(it.Changes, Change{Field: c.Field, New: c.New})
			}
			if mp.Agreement != "" {
				it.Changes = append(it.Changes, Change{Field: "agreementTemplate", New: mp.Agreement})
			}
			plan.Items = append(plan.Items, it)
			continue
		}
		it.Code, it.Status = cur.Code, cur.Status
		it.version = cur.ModifyTime + "|" + cur.AuditFailMsg
		codeOf[mp.Key] = cur.Code
		if in.Type != cur.Type {
			it.Action = Blocked
			it.Block = &Block{Code: "InvalidParameter.Type", Message: i18n.M("manifest.type.change", cur.Code, cur.Type, in.Type)}
			plan.Items = append(plan.Items, it)
			continue
		}
		it.Changes = diff(in, cur)
		if mp.Agreement != "" && mp.Agreement != agreementOf(cur) {
			it.Changes = append(it.Changes, Change{"agreementTemplate", agreementOf(cur), mp.Agreement})
		} else {
			it.agreement = ""
		}
		if len(it.Changes) == 0 {
			// A product pinned by code whose key is not recorded yet (an adopted one, from
			// mkt export) is unchanged: the key is bookkeeping, never an edit of its own — a
			// listed product cannot be edited, and adopting it must not say so.
			it.Action = Unchanged
			plan.Items = append(plan.Items, it)
			continue
		}
		// The key travels with the product: a real edit of a product pinned by code records it.
		if cur.ExternalKey != ExternalKey(mp.Key) {
			it.Changes = append(it.Changes, Change{"key", strings.TrimPrefix(cur.ExternalKey, "manifest:"), mp.Key})
		}
		it.Action = Update
		it.input = only(in, it.Changes)
		st := rules.State(cur.Status)
		t := rules.ProductType(cur.Type)
		for _, c := range it.Changes {
			switch {
			case c.Field == "productionUrl":
				if v := rules.URLLocked(cur.Code, st); v != nil {
					it.Block = blockOf(v)
				}
			case c.Field == "name" && t == rules.TypeAPI && cur.ApiPrefixBound:
				it.Block = blockOf(rules.APIPrefixBound(cur.Code, cur.ApiPrefix))
			}
			if it.Block != nil {
				break
			}
		}
		if it.Block == nil {
			if _, v := rules.Transition(cur.Code, t, st, rules.StepEdit); v != nil {
				it.Block = blockOf(v)
			}
		}
		if it.Block != nil {
			it.Action = Blocked
		}
		plan.Items = append(plan.Items, it)
	}

	bundles := map[string]marketapi.Bundle{}
	for _, b := range snap.Bundles {
		bundles[b.Name] = b
	}
	for _, mb := range m.Bundles {
		it := Item{Kind: "bundle", Key: mb.Name, bundle: mb}
		var codes []string
		pending := false
		for _, k := range mb.Products {
			if blockedNew[k] {
				it.Action = Blocked
				it.Block = &Block{Code: "InvalidParameter.Bundle", Message: i18n.M("manifest.bundle.blocked", k)}
			}
			if c, ok := codeOf[k]; ok {
				codes = append(codes, c)
			} else {
				codes = append(codes, "("+k+")")
				pending = true
			}
		}
		if it.Block != nil {
			plan.Items = append(plan.Items, it)
			continue
		}
		want := strings.Join(codes, " ")
		discount := "" // as "20%", normalized
		if n, v := rules.ParseDiscount(mb.Discount); mb.Discount != "" && v == nil {
			discount = strconv.Itoa(n) + "%"
		}
		price := ""
		if mb.Price != "" {
			price, _ = rules.ParsePrice(mb.Price)
		}
		cur, ok := bundles[mb.Name]
		if !ok {
			it.Action = Create
			it.Changes = []Change{{Field: "products", New: want}}
			if discount != "" {
				it.Changes = append(it.Changes, Change{Field: "discount", New: discount})
			}
			if price != "" {
				it.Changes = append(it.Changes, Change{Field: "price", New: price})
			}
			plan.Items = append(plan.Items, it)
			continue
		}
		it.Code, it.bundleID = cur.BundleId, cur.BundleId
		it.version = fmt.Sprintf("%v|%d|%s", cur.Products, cur.Discount, cur.Price)
		var have []string
		for _, p := range cur.Products {
			have = append(have, p.Code)
		}
		if pending || strings.Join(have, " ") != want {
			it.Changes = append(it.Changes, Change{"products", strings.Join(have, " "), want})
		}
		haveDiscount := ""
		if cur.Discount > 0 {
			haveDiscount = strconv.Itoa(cur.Discount) + "%"
		}
		if discount != haveDiscount {
			it.Changes = append(it.Changes, Change{"discount", haveDiscount, discount})
		}
		if price != cur.Price {
			it.Changes = append(it.Changes, Change{"price", cur.Price, price})
		}
		it.Action = Unchanged
		if len(it.Changes) > 0 {
			it.Action = Update
		}
		plan.Items = append(plan.Items, it)
	}
	if ms := m.Shop; ms != nil {
		plan.Items = append(plan.Items, shopItem(ms, snap.Shop))
	}
	return plan
}

// shopItem compares the manifest's shop with the marketplace's: only the fields the manifest
// gives count.
func shopItem(ms *Shop, cur *marketapi.Shop) Item {
	it := Item{Kind: "shop", Key: "shop"}
	if cur == nil {
		it.Action = Blocked
		it.Block = &Block{Code: "InvalidAction.NotFound", Message: i18n.M("manifest.shop.unsupported")}
		return it
	}
	cmp := func(field string, set **string, have, want string) {
		if want = strings.TrimSpace(want); want != "" && want != have {
			it.Changes = append(it.Changes, Change{field, have, want})
			*set = &want
		}
	}
	cmp("shop.name", &it.shop.Name, cur.Name, ms.Name)
	cmp("shop.introduction", &it.shop.Introduction, cur.Introduction, ms.Introduction)
	if c := ms.Contacts; c != nil {
		hotline := c.Hotline
		if h, _, v := rules.CheckPhone(c.Hotline); c.Hotline != "" && v == nil {
			hotline = h
		}
		cmp("contacts.wangwang", &it.contacts.Wangwang, cur.Contacts.Wangwang, c.Wangwang)
		cmp("contacts.hotline", &it.contacts.Hotline, cur.Contacts.Hotline, hotline)
		cmp("contacts.ticketUrl", &it.contacts.TicketUrl, cur.Contacts.TicketUrl, c.TicketURL)
	}
	it.Action = Unchanged
	if len(it.Changes) > 0 {
		it.Action = Update
	}
	return it
}

// Token derives a ClientToken from a manifest entry, the step and its content: a rerun of
// the same step with the same content sends the same token, so the marketplace does it once.
func Token(key, step string, content any) string {
	return market.ContentToken("mkt", key, step, content)
}
