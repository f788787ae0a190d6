package manifest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/mkt-cli/mkt/internal/agreement"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/rules"
)

// Fetch reads what a plan compares against: every live product and every bundle.
func Fetch(ctx context.Context, c *market.Client) (Snapshot, error) {
	var snap Snapshot
	err := c.ListProducts(ctx, market.ProductFilter{}, func(p marketapi.ProductPage) bool {
		snap.Products = append(snap.Products, p.Products...)
		return true
	})
	if err != nil {
		return snap, err
	}
	err = c.ListBundles(ctx, "", func(p marketapi.BundlePage) bool {
		snap.Bundles = append(snap.Bundles, p.Bundles...)
		return true
	})
	if err != nil {
		return snap, err
	}
	shop, err := c.Shop(ctx)
	var ae *market.APIError
	switch {
	case err == nil:
		snap.Shop = &shop
	case errors.As(err, &ae) && ae.Code == "InvalidAction.NotFound":
		// An endpoint without the seller-account actions: a shop in the manifest is blocked.
	default:
		return snap, err
	}
	return snap, nil
}

// Result is what happened to one item.
type Result struct {
	Kind   string `json:"kind"`
	Key    string `json:"key"`
	Code   string `json:"code,omitempty"`
	Action string `json:"action"` // created, updated, submitted, listed, rejected, blocked, failed
	Detail string `json:"detail,omitempty"`
	Err    error  `json:"-"`
	// Waiting and Left describe a "waiting" heartbeat: how many products are still in review
	// and how long until the deadline.
	Waiting int           `json:"-"`
	Left    time.Duration `json:"-"`
}

// Heartbeat is the longest --wait stays silent: a "waiting" result at least this often (CI
// services kill jobs that print nothing for minutes).
const Heartbeat = 30 * time.Second

// Options tune Apply.
type Options struct {
	// Parallel bounds concurrent product mutations (4 when zero).
	Parallel int
	// Submit sends created and updated products to review.
	Submit bool
	// Wait polls submitted products until each is listed or rejected, for at most Timeout.
	Wait    bool
	Timeout time.Duration
	// Progress hears each result as it happens (from several goroutines, one at a time).
	Progress func(Result)
}

// Apply carries out a plan: products first (bounded concurrency), then the bundles that use
// them; blocked items are skipped. It returns every result; failures are results too.
//
// ClientTokens: every retry of one call reuses its token. A create carries this run's nonce:
// a rerun after a crash finds what the lost answer created by its recorded key (products) or
// name (bundles) and does not create it again, while a re-creation after a delete is a new
// operation, not an answer from the marketplace's memory of the first. A submit is derived from
// the manifest entry, its content and the product's state. An update also carries the nonce:
// an update that sets a value back and forth (A → B → A → B) must not be answered from the
// memory of the first A → B.
func Apply(ctx context.Context, c *market.Client, plan Plan, opts Options) []Result {
	var nonce [8]byte
	_, _ = rand.Read(nonce[:])
	run := hex.EncodeToString(nonce[:])
	par := opts.Parallel
	if par <= 0 {
		par = 4
	}
	var mu sync.Mutex
	var results []Result
	report := func(r Result) {
		mu.Lock()
		defer mu.Unlock()
		results = append(results, r)
		if opts.Progress != nil {
			opts.Progress(r)
		}
	}
	codes := map[string]string{}
	changed := map[string]string{} // key → code of products created or updated
	for _, it := range plan.Items {
		if it.Kind == "product" && it.Code != "" {
			codes[it.Key] = it.Code
		}
		if it.Action == Blocked {
			report(Result{Kind: it.Kind, Key: it.Key, Code: it.Code, Action: "blocked", Detail: it.Block.Code})
		}
	}

	work := make(chan Item)
	var wg sync.WaitGroup
	for i := 0; i < par; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range work {
				var p marketapi.Product
				var err error
				action := "created"
				if it.Action == Create {
					p, err = c.CreateProduct(ctx, it.input, Token(it.Key, "create", []any{it.input.Form(), run}))
				} else {
					action = "updated"
					p, err = c.ModifyProduct(ctx, it.Code, it.input, Token(it.Key, "update", []any{it.input.Form(), it.version, run}))
				}
				if err == nil && it.agreement != "" {
					p, err = setAgreement(ctx, c, p, it.agreement, it.fill)
				}
				if err != nil {
					report(Result{Kind: "product", Key: it.Key, Code: it.Code, Action: "failed", Detail: err.Error(), Err: err})
					continue
				}
				mu.Lock()
				codes[it.Key], changed[it.Key] = p.Code, p.Code
				mu.Unlock()
				report(Result{Kind: "product", Key: it.Key, Code: p.Code, Action: action})
			}
		}()
	}
	for _, it := range plan.Items {
		if it.Kind == "product" && (it.Action == Create || it.Action == Update) {
			select {
			case work <- it:
			case <-ctx.Done():
			}
		}
	}
	close(work)
	wg.Wait()
	if ctx.Err() != nil {
		return results
	}

	for _, it := range plan.Items {
		if it.Kind != "bundle" || (it.Action != Create && it.Action != Update) {
			continue
		}
		in := market.BundleInput{Name: it.bundle.Name, Discount: it.bundle.Discount, Price: it.bundle.Price}
		missing := ""
		for _, k := range it.bundle.Products {
			code, ok := codes[k]
			if !ok {
				missing = k
				break
			}
			in.Products = append(in.Products, code)
		}
		if missing != "" {
			report(Result{Kind: "bundle", Key: it.Key, Action: "failed", Detail: fmt.Sprintf("product %s was not applied", missing),
				Err: fmt.Errorf("bundle %s: product %s was not applied", it.Key, missing)})
			continue
		}
		var b marketapi.Bundle
		var err error
		action := "created"
		if it.Action == Create {
			b, err = c.CreateBundle(ctx, in, Token(it.Key, "bundle", []any{in, run}))
		} else {
			action = "updated"
			b, err = c.ModifyBundle(ctx, it.bundleID, in, Token(it.Key, "bundle-update", []any{in, it.version, run}))
		}
		if err != nil {
			report(Result{Kind: "bundle", Key: it.Key, Action: "failed", Detail: err.Error(), Err: err})
			continue
		}
		report(Result{Kind: "bundle", Key: it.Key, Code: b.BundleId, Action: action})
	}

	for _, it := range plan.Items {
		if it.Kind != "shop" || it.Action != Update {
			continue
		}
		var err error
		if form := it.shop.Form(); len(form) > 0 {
			_, err = c.ModifyShop(ctx, it.shop, Token("shop", "shop", []any{form.Encode(), run}))
		}
		if form := it.contacts.Form(); err == nil && len(form) > 0 {
			_, err = c.ModifyShopContacts(ctx, it.contacts, Token("shop", "contacts", []any{form.Encode(), run}))
		}
		if err != nil {
			report(Result{Kind: "shop", Key: "shop", Action: "failed", Detail: err.Error(), Err: err})
			continue
		}
		report(Result{Kind: "shop", Key: "shop", Action: "updated"})
	}

	if !opts.Submit {
		return results
	}
	// Submitted: what this run changed, and what an earlier run left unsent (a draft, or a
	// rejected product), so that a rerun after a crash between save and submit converges.
	submitted := map[string]string{}
	for _, it := range plan.Items {
		if it.Kind != "product" {
			continue
		}
		code, ok := changed[it.Key]
		if !ok && it.Action == Unchanged && submittable(it.Status) {
			code, ok = it.Code, true
		}
		if !ok {
			continue
		}
		p, err := c.SubmitProduct(ctx, code, "review", Token(it.Key, "submit", []any{it.input.Form(), it.Status, it.version}))
		if err != nil {
			report(Result{Kind: "product", Key: it.Key, Code: code, Action: "failed", Detail: err.Error(), Err: err})
			continue
		}
		submitted[it.Key] = code
		report(Result{Kind: "product", Key: it.Key, Code: code, Action: "submitted", Detail: p.Status})
	}
	// Also wait for products an earlier run sent that are still in review: a rerun after a
	// wait that timed out (or was killed) picks them up.
	for _, it := range plan.Items {
		if _, ok := submitted[it.Key]; !ok && it.Kind == "product" && it.Action == Unchanged && rules.State(it.Status) == rules.StateReviewing {
			submitted[it.Key] = it.Code
		}
	}
	if opts.Wait && len(submitted) > 0 {
		Wait(ctx, c, submitted, opts.Timeout, report)
	}
	return results
}

// submittable reports whether a product in state st is waiting to be sent to review.
func submittable(st string) bool {
	switch rules.State(st) {
	case rules.StateDraft, rules.StateRejected:
		return true
	}
	return false
}

// Wait polls the products in pending (key → code), with backoff, until each is listed or rejected, reporting a
// "waiting" heartbeat at the start and at least every Heartbeat, and stops at the deadline to
// the second: no poll or pause runs past it.
func Wait(ctx context.Context, c *market.Client, pending map[string]string, timeout time.Duration, report func(Result)) {
	if timeout <= 0 {
		timeout = 30 * time.Minute
	}
	deadline := time.Now().Add(timeout)
	dctx, cancel := context.WithDeadline(ctx, deadline)
	defer cancel()
	delay := 200 * time.Millisecond
	last := map[string]string{}
	var beat time.Time
	for len(pending) > 0 {
		if time.Since(beat) >= Heartbeat {
			beat = time.Now()
			report(Result{Kind: "product", Action: "waiting", Waiting: len(pending), Left: time.Until(deadline).Round(time.Second)})
		}
		for key, code := range pending {
			p, err := c.GetProduct(dctx, code)
			if err != nil {
				continue // a transient failure (or the deadline): the next round decides
			}
			if p.Status != last[key] && last[key] != "" {
				report(Result{Kind: "product", Key: key, Code: code, Action: "transition", Detail: last[key] + " → " + p.Status})
			}
			last[key] = p.Status
			switch rules.State(p.Status) {
			case rules.StateListed:
				report(Result{Kind: "product", Key: key, Code: code, Action: "listed"})
				delete(pending, key)
			case rules.StateRejected:
				report(Result{Kind: "product", Key: key, Code: code, Action: "rejected", Detail: p.AuditFailMsg})
				delete(pending, key)
			}
		}
		if len(pending) == 0 || ctx.Err() != nil {
			return
		}
		if !time.Now().Before(deadline) {
			for key, code := range pending {
				report(Result{Kind: "product", Key: key, Code: code, Action: "timeout", Detail: last[key]})
			}
			return
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(min(delay, time.Until(deadline), time.Until(beat.Add(Heartbeat)))):
		}
		delay = min(2*delay, 10*time.Second)
	}
}

// setAgreement fills the agreement template with the manifest's values and the product's name
// and today's date, refuses it with a blank left, and sets the filled text as the product's
// agreement beside the template it came from (FAQ 三 Q3).
func setAgreement(ctx context.Context, c *market.Client, p marketapi.Product, id string, fill map[string]string) (marketapi.Product, error) {
	tpls, err := c.AgreementTemplates(ctx, id)
	if err != nil || len(tpls) == 0 {
		return p, err
	}
	tpl := tpls[0]
	if v := rules.AgreementTemplateFits(p.Code, rules.ProductType(p.Type), id, tpl.ProductType); v != nil {
		return p, v
	}
	f := agreement.Fields{ProductName: p.Name, Date: time.Now().In(time.FixedZone("CST", 8*3600)).Format("2006-01-02"), Set: map[string]string{}}
	for k, v := range fill {
		switch k {
		case "company":
			f.Company = v
		case "support":
			f.Support = v
		case "hours":
			f.Hours = v
		case "productName":
			f.ProductName = v
		case "date":
			f.Date = v
		default:
			f.Set[k] = v
		}
	}
	values, _ := f.Values(tpl.Content)
	text, left := agreement.Fill(tpl.Content, values)
	if v := rules.UnfilledAgreement(left); v != nil {
		return p, v
	}
	name := id + "-" + p.Code + ".md"
	up, err := c.UploadFile(ctx, name, []byte(text), market.ContentToken("agr", p.Code, name, []byte(text)))
	if err != nil {
		return p, err
	}
	return c.ModifyProductAgreement(ctx, p.Code, id, up.FileId)
}
