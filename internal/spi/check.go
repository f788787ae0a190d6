package spi

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"time"

	"github.com/mkt-cli/mkt/internal/i18n"
)

// CheckResult is one conformance check.
type CheckResult struct {
	Name   string        `json:"name"`
	Title  i18n.Message  `json:"-"` // Name, for people, in their language
	Passed bool          `json:"passed"`
	Detail string        `json:"detail,omitempty"`
	Took   time.Duration `json:"tookNs"`
}

// Checker is the conformance suite an ISV runs against its production URL before going live.
type Checker struct {
	Caller   *Caller
	Endpoint string
	// Budget is the longest an answer may take (3 s when zero).
	Budget time.Duration
	// PendingTries bounds the calls made while createInstance answers instanceId=0 (5 when
	// zero), PendingDelay the wait between them (200 ms when zero; the marketplace waits
	// longer, a test need not).
	PendingTries int
	PendingDelay time.Duration
	ProductCode  string
}

// Run runs every check; a failed check does not stop the others (those that need an
// instance report that they could not run).
func (ch *Checker) Run(ctx context.Context) []CheckResult {
	budget := ch.Budget
	if budget <= 0 {
		budget = 3 * time.Second
	}
	tries := ch.PendingTries
	if tries <= 0 {
		tries = 5
	}
	delay := ch.PendingDelay
	if delay <= 0 {
		delay = 200 * time.Millisecond
	}
	code := ch.ProductCode
	if code == "" {
		code = "cmgj00000001"
	}
	var results []CheckResult
	var slowest time.Duration
	var slowAction string
	var nonJSON []string
	call := func(p url.Values) (Exchange, Answer, []Problem) {
		ex := ch.Caller.Call(ctx, ch.Endpoint, p)
		if ex.Duration > slowest {
			slowest, slowAction = ex.Duration, ex.Action
		}
		a, probs := Decode(ex)
		if ex.Err == nil && ex.Action != VerifyAction && a.Raw == nil {
			nonJSON = append(nonJSON, ex.Action)
		}
		return ex, a, probs
	}
	add := func(title i18n.Message, start time.Time, err string) {
		results = append(results, CheckResult{Name: title.In(i18n.EN), Title: title, Passed: err == "", Detail: err, Took: time.Since(start)})
	}
	// createInstance until it leaves instanceId=0, within the bound.
	create := func(c Context, extra url.Values) (string, string) {
		p := Params(CreateInstance, c)
		for k, v := range extra {
			p[k] = v
		}
		for i := 1; ; i++ {
			_, a, probs := call(p)
			if len(probs) > 0 {
				return "", string(probs[0])
			}
			if !a.Pending() {
				return a.InstanceID, ""
			}
			if i >= tries {
				return "", fmt.Sprintf("still instanceId=0 after %d calls: provisioning must finish and return the instanceId", tries)
			}
			select {
			case <-ctx.Done():
				return "", ctx.Err().Error()
			case <-time.After(delay):
			}
		}
	}

	base := NewContext(code)
	start := time.Now()
	id, err := create(base, nil)
	add(i18n.M("spicheck.create", tries), start, err)

	start = time.Now()
	switch {
	case id == "":
		add(i18n.M("spicheck.idempotent"), start, "not run: no instanceId")
	default:
		again, err := create(base, nil)
		if err == "" && again != id {
			err = fmt.Sprintf("first %s, then %s: createInstance may be called again and must answer the same instance", id, again)
		}
		add(i18n.M("spicheck.idempotent"), start, err)
	}

	start = time.Now()
	bad := Params(CreateInstance, NewContext(code))
	bad = Sign(bad, ch.Caller.Key+"-wrong")
	ex := ch.Caller.CallUnsigned(ctx, ch.Endpoint, bad)
	a, probs := Decode(ex)
	err = ""
	if ex.Err != nil {
		err = ex.Err.Error()
	} else if len(probs) == 0 && (a.InstanceID != "" && a.InstanceID != "0") {
		err = fmt.Sprintf("a call with a wrong token was accepted (HTTP %d, instanceId %s): verify the token before acting", ex.Status, a.InstanceID)
	}
	add(i18n.M("spicheck.badtoken"), start, err)

	start = time.Now()
	if id == "" {
		add(i18n.M("spicheck.extra"), start, "not run: no instanceId")
	} else {
		got, err := create(base, url.Values{"mktProbe": {"extra"}})
		if err == "" && got != id {
			err = fmt.Sprintf("instanceId %s, want %s", got, id)
		}
		if err != "" {
			err += " (the marketplace adds parameters: verify the token over every parameter received)"
		}
		add(i18n.M("spicheck.extra"), start, err)
	}

	life := base
	life.InstanceID = id
	life.ExpiredOn = time.Now().AddDate(0, 2, 0)
	for _, action := range []string{RenewInstance, UpgradeInstance, ExpiredInstance, ReleaseInstance, RefundRenewInstance, ResumeInstance} {
		start = time.Now()
		name := i18n.M("spicheck.success", action)
		if id == "" {
			add(name, start, "not run: no instanceId")
			continue
		}
		_, _, probs := call(Params(action, life))
		err := ""
		if len(probs) > 0 {
			err = string(probs[0])
		}
		add(name, start, err)
	}

	start = time.Now()
	stale := life
	stale.Now = time.Now().Add(-time.Hour)
	ex, _, _ = call(Params(VerifyAction, stale))
	err = ""
	switch {
	case ex.Err != nil:
		err = ex.Err.Error()
	case ex.Status < 400:
		if a, _ := Decode(Exchange{Action: CreateInstance, Status: ex.Status, Header: ex.Header, Body: ex.Body}); a.Success == nil || *a.Success {
			err = fmt.Sprintf("a verify call stamped an hour ago was accepted (HTTP %d): check timeStamp, or the login link can be replayed", ex.Status)
		}
	}
	add(i18n.M("spicheck.stale"), start, err)

	start = time.Now()
	fresh := life
	fresh.Now = time.Now()
	_, _, probs = call(Params(VerifyAction, fresh))
	err = ""
	if len(probs) > 0 {
		err = string(probs[0])
	}
	add(i18n.M("spicheck.fresh"), start, err)

	start = time.Now()
	err = ""
	switch {
	case len(nonJSON) > 0:
		err = fmt.Sprintf("not JSON: %v", nonJSON)
	case slowest > budget:
		err = fmt.Sprintf("%s took %s, budget %s", slowAction, slowest.Round(time.Millisecond), budget)
	}
	add(i18n.M("spicheck.budget", strconv.FormatFloat(budget.Seconds(), 'f', -1, 64)), start, err)
	return results
}

// Passed reports whether every check passed.
func Passed(rs []CheckResult) bool {
	for _, r := range rs {
		if !r.Passed {
			return false
		}
	}
	return true
}
