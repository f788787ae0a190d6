package sandbox

import (
	"database/sql"
	"encoding/json"
	"errors"
	"os"
	"strconv"
	"strings"

	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/onboard"
	"github.com/mkt-cli/mkt/internal/rules"
)

// The seller's account (mkt's seller extension): onboarding (FAQ 一), shop and settlement
// account (FAQ 二), credit payment and settlements (FAQ 四 Q7).

// --- onboarding -------------------------------------------------------------------------

// currentApplication is the newest application, or one in state NONE.
func currentApplication(c *Call) (marketapi.OnboardingApplication, error) {
	var doc string
	err := c.QueryRow(`SELECT doc FROM onboarding ORDER BY created_at DESC, rowid DESC LIMIT 1`).Scan(&doc)
	if errors.Is(err, sql.ErrNoRows) {
		return marketapi.OnboardingApplication{Status: marketapi.OnboardingNone}, nil
	}
	if err != nil {
		return marketapi.OnboardingApplication{}, err
	}
	var a marketapi.OnboardingApplication
	err = json.Unmarshal([]byte(doc), &a)
	return a, err
}

func saveApplication(c *Call, a marketapi.OnboardingApplication, insert bool) error {
	b, _ := json.Marshal(a)
	if insert {
		_, err := c.Tx.Exec(`INSERT INTO onboarding (id, doc, created_at) VALUES (?, ?, ?)`, a.ApplicationId, string(b), c.Now.UnixMilli())
		return err
	}
	_, err := c.Tx.Exec(`UPDATE onboarding SET doc = ? WHERE id = ?`, string(b), a.ApplicationId)
	return err
}

// fileName returns an uploaded file's name, or a 404 naming the parameter.
func fileName(c *Call, param, id string) (string, *Error) {
	var name string
	err := c.Tx.QueryRow(`SELECT name FROM files WHERE id = ?`, id).Scan(&name)
	if err != nil {
		return "", Errf(404, "InvalidFileId.NotFound", "%s: file %q was not uploaded (UploadFile first).", param, id)
	}
	return name, nil
}

func submitOnboarding(c *Call) (any, error) {
	cur, err := currentApplication(c)
	if err != nil {
		return nil, err
	}
	switch cur.Status {
	case marketapi.OnboardingReviewing, marketapi.OnboardingApproved:
		return nil, c.Violation(rules.OnboardingSubmitBlocked(cur.ApplicationId, cur.Status))
	}
	for _, k := range []string{"CompanyName", "CreditCode", "ContactName", "ContactMobile", "AuthorizationType", "OperationPlanFileId"} {
		if strings.TrimSpace(c.Params.Get(k)) == "" {
			return nil, missingParam(k)
		}
	}
	code, v := rules.CheckCreditCode(c.Params.Get("CreditCode"))
	if v != nil {
		return nil, c.Violation(v)
	}
	a := marketapi.OnboardingApplication{
		ApplicationId: "ob-" + strings.ToLower(randomString(12)),
		Status:        marketapi.OnboardingReviewing,
		CompanyName:   strings.TrimSpace(c.Params.Get("CompanyName")),
		CreditCode:    code,
		ContactName:   strings.TrimSpace(c.Params.Get("ContactName")),
		ContactEmail:  strings.TrimSpace(c.Params.Get("ContactEmail")),
		SubmitTime:    millis(c.Now.UnixMilli()),
	}
	mobile, kind, v := rules.CheckPhone(c.Params.Get("ContactMobile"))
	if v != nil || kind != rules.PhoneMobile {
		return nil, badParam("ContactMobile", "ContactMobile %q must be a mainland mobile number.", c.Params.Get("ContactMobile"))
	}
	a.ContactMobile = mobile
	switch strings.ToUpper(c.Params.Get("AuthorizationType")) {
	case "STATEMENT":
		a.AuthorizationType = "STATEMENT"
	case "LICENCE", "LICENSE":
		a.AuthorizationType = "LICENCE"
		a.LicenceNumber = strings.TrimSpace(c.Params.Get("LicenceNumber"))
		if v := rules.LicenceNumber(a.LicenceNumber); v != nil {
			return nil, c.Violation(v)
		}
	default:
		return nil, Errf(400, rules.CodeDataAuthorization, "AuthorizationType must be STATEMENT (the self-developed statement, signed and sealed) or LICENCE (a 增值电信业务经营许可证) (FAQ 一 Q2).")
	}
	a.AuthorizationFileId = c.Params.Get("AuthorizationFileId")
	if a.AuthorizationFileId == "" {
		return nil, Errf(400, rules.CodeDataAuthorization, "AuthorizationFileId is needed: the scan of the sealed statement or of the licence (FAQ 一 Q2).")
	}
	if _, e := fileName(c, "AuthorizationFileId", a.AuthorizationFileId); e != nil {
		return nil, e
	}
	a.OperationPlanFileId = c.Params.Get("OperationPlanFileId")
	if _, e := fileName(c, "OperationPlanFileId", a.OperationPlanFileId); e != nil {
		return nil, e
	}
	// The operation plan is read and checked as the client checks it (FAQ 一 Q3).
	var sha string
	if err := c.Tx.QueryRow(`SELECT sha256 FROM files WHERE id = ?`, a.OperationPlanFileId).Scan(&sha); err != nil {
		return nil, err
	}
	plan, err := os.ReadFile(c.Store.BlobPath(sha))
	if err != nil {
		return nil, err
	}
	if probs := onboard.ParsePlan(plan).Check(); len(probs) > 0 {
		msgs := make([]string, len(probs))
		for i, p := range probs {
			msgs[i] = p.Msg.In(c.Lang)
		}
		v := onboard.Violation(probs)
		e := c.Violation(v)
		e.Message += ": " + strings.Join(msgs, "; ")
		return nil, e
	}
	if err := saveApplication(c, a, true); err != nil {
		return nil, err
	}
	return marketapi.OnboardingResult{Application: a}, nil
}

func describeOnboarding(c *Call) (any, error) {
	a, err := currentApplication(c)
	if err != nil {
		return nil, err
	}
	return marketapi.OnboardingResult{Application: a}, nil
}

func reviewOnboarding(c *Call) (any, error) {
	a, err := currentApplication(c)
	if err != nil {
		return nil, err
	}
	if a.Status != marketapi.OnboardingReviewing {
		return nil, c.Violation(rules.OnboardingNotInReview(a.Status))
	}
	reason := strings.TrimSpace(c.Params.Get("Reason"))
	switch strings.ToLower(c.Params.Get("Decision")) {
	case "approve":
		a.Status, a.AuditMessage = marketapi.OnboardingApproved, reason
	case "reject":
		if reason == "" {
			return nil, missingParam("Reason")
		}
		a.Status, a.AuditMessage = marketapi.OnboardingRejected, reason
	case "":
		return nil, missingParam("Decision")
	default:
		return nil, badParam("Decision", "Decision must be approve or reject.")
	}
	a.AuditTime = millis(c.Now.UnixMilli())
	if err := saveApplication(c, a, false); err != nil {
		return nil, err
	}
	return marketapi.OnboardingResult{Application: a}, nil
}

// --- shop --------------------------------------------------------------------------------

func loadSeller(c *Call, key string, v any) error {
	var doc string
	err := c.QueryRow(`SELECT doc FROM seller WHERE key = ?`, key).Scan(&doc)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	return json.Unmarshal([]byte(doc), v)
}

func saveSeller(c *Call, key string, v any) error {
	b, _ := json.Marshal(v)
	_, err := c.Tx.Exec(`INSERT INTO seller (key, doc) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET doc = excluded.doc`, key, string(b))
	return err
}

// defaultShopName names the seller until the shop has a name.
const defaultShopName = "Sandbox Seller"

// shopFacts are the shop's name and contacts as the public answers carry them (ShopInfo,
// SupplierName, SupplierTelephones): what the seller set with `mkt shop`, or the default.
func shopFacts(c *Call) (name string, contacts marketapi.ShopContacts, err error) {
	var s marketapi.Shop
	if err := loadSeller(c, "shop", &s); err != nil {
		return "", contacts, err
	}
	if s.Name == "" {
		s.Name = defaultShopName
	}
	return s.Name, s.Contacts, nil
}

// nonEmpty is the list of the values that are set, never nil.
func nonEmpty(vs ...string) []string {
	out := []string{}
	for _, v := range vs {
		if v != "" {
			out = append(out, v)
		}
	}
	return out
}

func describeShop(c *Call) (any, error) {
	var s marketapi.Shop
	if err := loadSeller(c, "shop", &s); err != nil {
		return nil, err
	}
	return marketapi.ShopResult{Shop: s}, nil
}

// imageFile checks that id is an uploaded image.
func imageFile(c *Call, param, id string) *Error {
	name, e := fileName(c, param, id)
	if e != nil {
		return e
	}
	if rules.IsImage(name) {
		return nil
	}
	return Errf(400, "InvalidParameter.FileType", "%s: %q is not an image (png, jpg, gif, webp).", param, name)
}

func modifyShop(c *Call) (any, error) {
	var s marketapi.Shop
	if err := loadSeller(c, "shop", &s); err != nil {
		return nil, err
	}
	changed := false
	if c.has("Name") {
		name := strings.TrimSpace(c.Params.Get("Name"))
		if v := rules.CheckShopName(name); v != nil {
			return nil, c.Violation(v)
		}
		s.Name, changed = name, true
	}
	if c.has("Introduction") {
		intro := strings.TrimSpace(c.Params.Get("Introduction"))
		if v := rules.CheckShopIntro(intro); v != nil {
			return nil, c.Violation(v)
		}
		s.Introduction, changed = intro, true
	}
	for _, f := range []struct {
		param string
		dst   *string
	}{{"LogoFileId", &s.LogoFileId}, {"BannerFileId", &s.BannerFileId}} {
		if c.has(f.param) {
			id := c.Params.Get(f.param)
			if e := imageFile(c, f.param, id); e != nil {
				return nil, e
			}
			*f.dst, changed = id, true
		}
	}
	if !changed {
		return nil, missingParam("Name")
	}
	s.Decorated = s.Name != "" && s.LogoFileId != "" && s.Introduction != ""
	s.ModifyTime = millis(c.Now.UnixMilli())
	if err := saveSeller(c, "shop", s); err != nil {
		return nil, err
	}
	return marketapi.ShopResult{Shop: s}, nil
}

func modifyShopContacts(c *Call) (any, error) {
	var s marketapi.Shop
	if err := loadSeller(c, "shop", &s); err != nil {
		return nil, err
	}
	if !c.has("Wangwang") && !c.has("Hotline") && !c.has("TicketUrl") {
		return nil, missingParam("Hotline")
	}
	if c.has("Wangwang") {
		w := strings.TrimSpace(c.Params.Get("Wangwang"))
		if len([]rune(w)) > 64 {
			return nil, badParam("Wangwang", "A Wangwang account has at most 64 characters.")
		}
		s.Contacts.Wangwang = w
	}
	if c.has("Hotline") {
		h, _, v := rules.CheckPhone(c.Params.Get("Hotline"))
		if v != nil {
			return nil, c.Violation(v)
		}
		s.Contacts.Hotline = h
	}
	if c.has("TicketUrl") {
		u := c.Params.Get("TicketUrl")
		if v := rules.CheckURL("ticket URL", u); v != nil {
			return nil, c.Violation(v)
		}
		s.Contacts.TicketUrl = u
	}
	s.ModifyTime = millis(c.Now.UnixMilli())
	if err := saveSeller(c, "shop", s); err != nil {
		return nil, err
	}
	return marketapi.ShopResult{Shop: s}, nil
}

// --- settlement account ------------------------------------------------------------------

func modifySettlementAccount(c *Call) (any, error) {
	if !c.has("Account") {
		return nil, missingParam("Account")
	}
	if strings.TrimSpace(c.Params.Get("CompanyName")) == "" {
		return nil, missingParam("CompanyName")
	}
	acct, form, _, v := rules.NormalizeAlipayAccount(c.Params.Get("Account"))
	if v != nil {
		return nil, c.Violation(v)
	}
	a := marketapi.SettlementAccount{Account: acct, AccountType: form, CompanyName: strings.TrimSpace(c.Params.Get("CompanyName")),
		Status: marketapi.AccountVerifying, ModifyTime: millis(c.Now.UnixMilli())}
	if err := saveSeller(c, "settlement", a); err != nil {
		return nil, err
	}
	return marketapi.SettlementAccountResult{Account: a}, nil
}

// describeSettlementAccount answers the account; a VERIFYING one is verified on the way: it
// fails if the sandbox was told the account is wrong (SandboxFailSettlementAccount).
func describeSettlementAccount(c *Call) (any, error) {
	a := marketapi.SettlementAccount{Status: marketapi.AccountNone}
	if err := loadSeller(c, "settlement", &a); err != nil {
		return nil, err
	}
	if a.Status == marketapi.AccountVerifying {
		var reason string
		err := c.Tx.QueryRow(`SELECT reason FROM alipay_failures WHERE account = ?`, a.Account).Scan(&reason)
		switch {
		case err == nil:
			a.Status, a.FailReason = marketapi.AccountFailed, reason
		case errors.Is(err, sql.ErrNoRows):
			a.Status = marketapi.AccountBound
		default:
			return nil, err
		}
		if err := saveSeller(c, "settlement", a); err != nil {
			return nil, err
		}
	}
	return marketapi.SettlementAccountResult{Account: a}, nil
}

func failSettlementAccount(c *Call) (any, error) {
	acct, _, _, v := rules.NormalizeAlipayAccount(c.Params.Get("Account"))
	if v != nil {
		return nil, c.Violation(v)
	}
	reason := strings.TrimSpace(c.Params.Get("Reason"))
	if reason == "" {
		reason = "企业支付宝账号与企业名称不一致 (the Alipay account does not belong to this company)"
	}
	if _, err := c.Tx.Exec(`INSERT INTO alipay_failures (account, reason) VALUES (?, ?) ON CONFLICT (account) DO UPDATE SET reason = excluded.reason`, acct, reason); err != nil {
		return nil, err
	}
	return struct{ Account, Reason string }{acct, reason}, nil
}

// --- credit payment and settlements ------------------------------------------------------

func creditSettings(c *Call) (marketapi.CreditPayment, error) {
	rows, err := c.Query(`SELECT p.code, p.name, COALESCE(cp.enabled, 1) FROM products p
	  LEFT JOIN credit_products cp ON cp.code = p.code WHERE p.status = 'LISTED' ORDER BY p.code`)
	if err != nil {
		return marketapi.CreditPayment{}, err
	}
	defer rows.Close()
	out := marketapi.CreditPayment{Products: []marketapi.CreditProduct{}}
	for rows.Next() {
		var p marketapi.CreditProduct
		if err := rows.Scan(&p.Code, &p.Name, &p.Enabled); err != nil {
			return out, err
		}
		out.Products = append(out.Products, p)
	}
	return out, rows.Err()
}

func describeCreditPayment(c *Call) (any, error) {
	cp, err := creditSettings(c)
	if err != nil {
		return nil, err
	}
	return marketapi.CreditPaymentResult{Credit: cp}, nil
}

func modifyCreditPayment(c *Call) (any, error) {
	var enabled bool
	switch strings.ToLower(c.Params.Get("Enabled")) {
	case "true":
		enabled = true
	case "false":
	case "":
		return nil, missingParam("Enabled")
	default:
		return nil, badParam("Enabled", "Enabled must be true or false.")
	}
	var codes []string
	if code := c.Params.Get("ProductCode"); code != "" {
		r, err := loadProduct(c, code)
		if err != nil {
			return nil, err
		}
		if r.Status != "LISTED" {
			return nil, c.Violation(rules.CreditNotListed(r.Code, r.Status))
		}
		codes = []string{r.Code}
	} else {
		cp, err := creditSettings(c)
		if err != nil {
			return nil, err
		}
		for _, p := range cp.Products {
			codes = append(codes, p.Code)
		}
	}
	for _, code := range codes {
		if _, err := c.Tx.Exec(`INSERT INTO credit_products (code, enabled) VALUES (?, ?) ON CONFLICT (code) DO UPDATE SET enabled = excluded.enabled`, code, enabled); err != nil {
			return nil, err
		}
	}
	cp, err := creditSettings(c)
	if err != nil {
		return nil, err
	}
	return marketapi.CreditPaymentResult{Credit: cp}, nil
}

// describeSettlements lists a settlement per paid order: settled when paid, except that an
// order paid on credit is held until the buyer repays (FAQ 四 Q7).
func describeSettlements(c *Call) (any, error) {
	page, size, e := pageParams(c.Params, pageRule{def: 20, max: 100})
	if e != nil {
		return nil, e
	}
	where, args := "WHERE o.pay_status = 'PAID'", []any{}
	switch st := strings.ToUpper(c.Params.Get("Status")); st {
	case "":
	case marketapi.SettlementHeldCredit:
		where += " AND o.pay_method = 'CREDIT' AND r.order_id IS NULL"
	case marketapi.SettlementSettled:
		where += " AND (o.pay_method <> 'CREDIT' OR r.order_id IS NOT NULL)"
	default:
		return nil, badParam("Status", "Status must be SETTLED or HELD_CREDIT.")
	}
	var total int
	if err := c.QueryRow(`SELECT COUNT(*) FROM orders o LEFT JOIN credit_repaid r ON r.order_id = o.id `+where, args...).Scan(&total); err != nil {
		return nil, err
	}
	rows, err := c.Query(`SELECT o.id, o.product_code, o.price, o.pay_method, o.paid_at, r.repaid_at
	  FROM orders o LEFT JOIN credit_repaid r ON r.order_id = o.id `+where+` ORDER BY o.id LIMIT ? OFFSET ?`,
		append(args, size, (page-1)*size)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := marketapi.SettlementsResult{TotalCount: total, PageNumber: page, PageSize: size, Settlements: []marketapi.Settlement{}}
	for rows.Next() {
		var s marketapi.Settlement
		var paid int64
		var repaid sql.NullInt64
		if err := rows.Scan(&s.OrderId, &s.ProductCode, &s.Amount, &s.PayMethod, &paid, &repaid); err != nil {
			return nil, err
		}
		s.PaidTime = millis(paid)
		s.Status, s.SettleTime = settlementState(s.PayMethod, s.PaidTime, repaid)
		out.Settlements = append(out.Settlements, s)
	}
	return out, rows.Err()
}

func repayCredit(c *Call) (any, error) {
	id, err := strconv.ParseInt(c.Params.Get("OrderId"), 10, 64)
	if err != nil {
		return nil, badParam("OrderId", "OrderId must be an order number.")
	}
	var method string
	if err := c.Tx.QueryRow(`SELECT pay_method FROM orders WHERE id = ?`, id).Scan(&method); err != nil {
		return nil, Errf(404, "InvalidOrderId.NotFound", "Order %d does not exist.", id)
	}
	if method != "CREDIT" {
		return nil, Errf(403, "Forbidden.PayMethod", "Order %d was not paid on credit: it is settled already.", id)
	}
	if _, err := c.Tx.Exec(`INSERT INTO credit_repaid (order_id, repaid_at) VALUES (?, ?) ON CONFLICT DO NOTHING`, id, c.Now.UnixMilli()); err != nil {
		return nil, err
	}
	return describeSettlementsOf(c, id)
}

func describeSettlementsOf(c *Call, id int64) (any, error) {
	var s marketapi.Settlement
	var paid int64
	var repaid sql.NullInt64
	err := c.Tx.QueryRow(`SELECT o.id, o.product_code, o.price, o.pay_method, o.paid_at, r.repaid_at
	  FROM orders o LEFT JOIN credit_repaid r ON r.order_id = o.id WHERE o.id = ?`, id).
		Scan(&s.OrderId, &s.ProductCode, &s.Amount, &s.PayMethod, &paid, &repaid)
	if err != nil {
		return nil, err
	}
	s.PaidTime = millis(paid)
	s.Status, s.SettleTime = settlementState(s.PayMethod, s.PaidTime, repaid)
	return struct{ Settlement marketapi.Settlement }{s}, nil
}

func settlementState(method, paidTime string, repaid sql.NullInt64) (status, settleTime string) {
	switch {
	case method != "CREDIT":
		return marketapi.SettlementSettled, paidTime
	case repaid.Valid:
		return marketapi.SettlementSettled, millis(repaid.Int64)
	}
	return marketapi.SettlementHeldCredit, ""
}
