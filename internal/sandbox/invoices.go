package sandbox

import (
	"crypto/hmac"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/mkt-cli/mkt/internal/invoice"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/timeutil"
)

// Invoice requests: DescribeInvoiceForIsv and ModifyInvoiceForIsv in their real shapes
// (the public metadata: string-typed numbers, PageIndex, flat Result[]), and the buyer's side.

// Result strings of a request (Status 0 requested, 1 done).
const (
	resultPending = "Processing"
	resultIssued  = "Success"
	resultRefused = "Refused"
)

const invoiceColumns = `id, status, result, type, title, tax_number, aliyun_pk, amount, user_notice, check_notice, number, electron_url,
	orders, addressee, phone, address, postal_code, emails, created_at, modified_at`

type invoiceRow struct {
	ID, AliyunPK, CreatedAt, ModifiedAt                                      int64
	Status, Type                                                             int
	Result, Title, Tax, Amount, UserNotice, CheckNotice, Number, URL, Orders string
	Addressee, Phone, Address, Postal, Emails                                string
}

func scanInvoice(sc interface{ Scan(...any) error }) (*invoiceRow, error) {
	var r invoiceRow
	err := sc.Scan(&r.ID, &r.Status, &r.Result, &r.Type, &r.Title, &r.Tax, &r.AliyunPK, &r.Amount, &r.UserNotice, &r.CheckNotice,
		&r.Number, &r.URL, &r.Orders, &r.Addressee, &r.Phone, &r.Address, &r.Postal, &r.Emails, &r.CreatedAt, &r.ModifiedAt)
	return &r, err
}

type invoiceOrder struct {
	OrderId     int64
	OrderType   string
	ProductCode string
	ProductName string
	Amount      string
	PaidAt      int64
}

func (r *invoiceRow) item() marketapi.Invoice {
	id := strconv.FormatInt(r.ID, 10)
	it := marketapi.Invoice{Id: id, InvoiceId: id, Status: r.Result, Type: strconv.Itoa(r.Type), MaterialType: "1", Title: r.Title,
		AliyunPk: strconv.FormatInt(r.AliyunPK, 10), Price: r.Amount, UserNotice: r.UserNotice, CheckNotice: r.CheckNotice,
		CreateTimeStr: invoice.FormatTime(time.UnixMilli(r.CreatedAt)), ModifiedTimeStr: invoice.FormatTime(time.UnixMilli(r.ModifiedAt)),
		ModifiedTime: time.UnixMilli(r.ModifiedAt).In(invoice.CST).Format(time.RFC3339), // production: 2025-03-04T09:43:18+08:00
		InvoiceList:  []marketapi.InvoiceListItem{}, EvaluateList: []marketapi.EvaluateItem{}}
	if r.Number != "" {
		it.InvoiceList = append(it.InvoiceList, marketapi.InvoiceListItem{Id: r.Number, InvoiceAmount: r.Amount})
	}
	it.ReceiptUserInfoDto.TaxNumber = r.Tax
	a := &it.UserAddressDto
	a.AliyunPk, a.Addressee, a.Phone, a.DeliveryAddress, a.PostalCode, a.Emails = it.AliyunPk, r.Addressee, r.Phone, r.Address, r.Postal, r.Emails
	a.BizType = "ELECTRONIC"
	var orders []invoiceOrder
	json.Unmarshal([]byte(r.Orders), &orders)
	for _, o := range orders {
		it.EvaluateList = append(it.EvaluateList, marketapi.EvaluateItem{Id: strconv.FormatInt(o.OrderId, 10), OutBizId: strconv.FormatInt(o.OrderId, 10),
			OrderType: o.OrderType, ProductCode: o.ProductCode, ProductName: o.ProductName, Amount: o.Amount,
			BizTimeStr: invoice.FormatTime(time.UnixMilli(o.PaidAt)), RealAliyunPk: it.AliyunPk})
	}
	return it
}

func describeInvoiceForIsv(c *Call) (any, error) {
	intParam := func(k string, def int) (int, error) {
		v := c.Params.Get(k)
		if v == "" {
			return def, nil
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return 0, badParam(k, "%s must be a non-negative integer.", k)
		}
		return n, nil
	}
	page, err := intParam("PageIndex", 1)
	if err != nil {
		return nil, err
	}
	page = max(page, 1)
	size, err := intParam("PageSize", 10)
	if err != nil {
		return nil, err
	}
	size = min(max(size, 1), 100)
	where, args := []string{}, []any{}
	if v := c.Params.Get("Status"); v != "" {
		st, err := strconv.Atoi(v)
		if err != nil || (st != 0 && st != 1) {
			return nil, badParam("Status", "Status is 0 (requested) or 1 (done).")
		}
		where, args = append(where, "status = ?"), append(args, st)
	}
	if v := c.Params.Get("Type"); v != "" {
		t, err := strconv.Atoi(v)
		if err != nil || (t != 2 && t != 3) {
			return nil, badParam("Type", "Type is 2 (digital ordinary) or 3 (digital special VAT).")
		}
		where, args = append(where, "type = ?"), append(args, t)
	}
	for _, f := range []struct{ param, col string }{{"InvoiceId", "id"}, {"UserId", "aliyun_pk"}} {
		if v := c.Params.Get(f.param); v != "" {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				return nil, badParam(f.param, "%s must be a number.", f.param)
			}
			where, args = append(where, f.col+" = ?"), append(args, n)
		}
	}
	for _, f := range []struct {
		param, op string
		fill      func(string) string
	}{{"CreateTimeStart", ">=", invoice.RangeStart}, {"CreateTimeEnd", "<=", invoice.RangeEnd}} {
		if v := c.Params.Get(f.param); v != "" {
			t, err := invoice.ParseTime(f.fill(v))
			if err != nil {
				return nil, badParam(f.param, "%s is yyyy-MM-dd HH:mm:ss or yyyy-MM-dd (China Standard Time).", f.param)
			}
			ms := t.UnixMilli()
			if f.op == "<=" {
				ms += 999 // the whole last second
			}
			where, args = append(where, "created_at "+f.op+" ?"), append(args, ms)
		}
	}
	cond := "1"
	if len(where) > 0 {
		cond = strings.Join(where, " AND ")
	}
	out := marketapi.InvoicePage{Code: "200", Success: true, PageNumber: strconv.Itoa(page), PageSize: strconv.Itoa(size), Result: []marketapi.Invoice{}}
	// Oldest first: the order in which the 7-day deadlines fall due. A page that follows one
	// just served resumes where it ended (keyset) and keeps its count; any other page walks
	// the offset over the index alone, then reads its rows.
	key := fmt.Sprintf("invoices|%s|%v|%d", cond, args, size)
	var rows *sql.Rows
	var count int
	if prev, ok := c.Store.cursor(key + "|" + strconv.Itoa(page-1)); ok && page > 1 {
		count = prev.count
		rows, err = c.Query(`SELECT `+invoiceColumns+` FROM invoices WHERE `+cond+` AND (created_at, id) > (?, ?) ORDER BY created_at, id LIMIT ?`,
			append(args, prev.at, prev.id, size)...)
	} else {
		if err := c.QueryRow(`SELECT COUNT(*) FROM invoices WHERE `+cond, args...).Scan(&count); err != nil {
			return nil, err
		}
		rows, err = c.Query(`SELECT `+invoiceColumns+` FROM invoices WHERE id IN (SELECT id FROM invoices WHERE `+cond+
			` ORDER BY created_at, id LIMIT ? OFFSET ?) ORDER BY created_at, id`, append(args, size, (page-1)*size)...)
	}
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out.Count = strconv.Itoa(count)
	var last *invoiceRow
	for rows.Next() {
		r, err := scanInvoice(rows)
		if err != nil {
			return nil, err
		}
		out.Result = append(out.Result, r.item())
		last = r
	}
	if last != nil {
		c.Store.setCursor(key+"|"+strconv.Itoa(page), pageCursor{at: last.CreatedAt, id: last.ID, count: count})
	}
	return out, rows.Err()
}

func modifyInvoiceForIsv(c *Call) (any, error) {
	idStr := c.Params.Get("InvoiceId")
	if idStr == "" {
		return nil, missingParam("InvoiceId")
	}
	id, err := strconv.ParseInt(idStr, 10, 64)
	if err != nil {
		return nil, badParam("InvoiceId", "InvoiceId must be a number.")
	}
	op := c.Params.Get("OperateType")
	if op == "" {
		return nil, missingParam("OperateType")
	}
	r, err := scanInvoice(c.Tx.QueryRow(`SELECT `+invoiceColumns+` FROM invoices WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, Errf(404, "InvalidInvoiceId.NotFound", "Invoice request %d does not exist.", id)
	}
	if err != nil {
		return nil, err
	}
	if r.Status != 0 {
		return nil, Errf(400, "IncorrectInvoiceStatus", "Invoice request %d is already done (%s on %s).", id, r.Result, invoice.FormatTime(time.UnixMilli(r.ModifiedAt)))
	}
	note := c.Params.Get("CheckNotice")
	switch op {
	case "0":
		number := strings.TrimSpace(c.Params.Get("Number"))
		if number == "" {
			return nil, missingParam("Number")
		}
		if t := c.Params.Get("Type"); t != "" {
			n, err := strconv.Atoi(t)
			if err != nil || (n != 2 && n != 3) {
				return nil, badParam("Type", "Type is 2 or 3.")
			}
			r.Type = n
		}
		r.Status, r.Result, r.Number, r.URL = 1, resultIssued, number, c.Params.Get("ElectronUrl")
	case "1":
		if strings.TrimSpace(note) == "" {
			return nil, missingParam("CheckNotice")
		}
		r.Status, r.Result = 1, resultRefused
	default:
		return nil, badParam("OperateType", "OperateType is 0 (issue) or 1 (refuse).")
	}
	r.CheckNotice = note
	if _, err := c.Tx.Exec(`UPDATE invoices SET status = ?, result = ?, type = ?, number = ?, electron_url = ?, check_notice = ?, modified_at = ? WHERE id = ?`,
		r.Status, r.Result, r.Type, r.Number, r.URL, r.CheckNotice, c.Now.UnixMilli(), r.ID); err != nil {
		return nil, err
	}
	return map[string]any{"Code": "200", "Message": "success", "HttpStatusCode": 200, "Result": true}, nil
}

// sandboxRequestInvoice is the buyer asking for an invoice (any time after purchase: FAQ 四 Q4
// — requests have no time limit). With Count, it seeds that many requests over the last
// Spread, for demos and benchmarks.
func sandboxRequestInvoice(c *Call) (any, error) {
	typ := 2
	if v := c.Params.Get("Type"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || (n != 2 && n != 3) {
			return nil, badParam("Type", "Type is 2 (digital ordinary) or 3 (digital special VAT).")
		}
		typ = n
	}
	title := c.Params.Get("Title")
	tax := c.Params.Get("TaxNumber")
	if typ == 3 && tax == "" {
		return nil, badParam("TaxNumber", "A special VAT invoice (Type 3) needs the buyer's TaxNumber.")
	}
	if count := c.Params.Get("Count"); count != "" {
		n, err := strconv.Atoi(count)
		if err != nil || n < 1 || n > 1_000_000 {
			return nil, badParam("Count", "Count is 1 to 1000000.")
		}
		spread := 10 * 24 * time.Hour
		if v := c.Params.Get("Spread"); v != "" {
			if spread, err = timeutil.ParseDuration(v); err != nil || spread <= 0 {
				return nil, badParam("Spread", "Spread is a duration such as 10d.")
			}
		}
		return seedInvoices(c, n, spread, typ)
	}
	var orders []invoiceOrder
	var buyer int64
	total := 0.0
	for _, idStr := range RepeatScalar(c.Params, "OrderIds") {
		o, name, err := loadOrder(c, idStr)
		if err != nil {
			return nil, err
		}
		if buyer != 0 && buyer != o.AliUID {
			return nil, badParam("OrderIds", "The orders of one request belong to one buyer.")
		}
		buyer = o.AliUID
		orders = append(orders, invoiceOrder{OrderId: o.ID, OrderType: o.Type, ProductCode: o.ProductCode, ProductName: name, Amount: o.Price, PaidAt: o.PaidAt})
		total += priceFloat(o.Price)
	}
	if len(orders) == 0 {
		return nil, missingParam("OrderIds.1")
	}
	if title == "" {
		title = "Buyer " + strconv.FormatInt(buyer, 10)
	}
	id, err := nextSequence(c, "invoice", 4072040001)
	if err != nil {
		return nil, err
	}
	ob, _ := json.Marshal(orders)
	amount := strconv.FormatFloat(total, 'f', 2, 64)
	if _, err := c.Tx.Exec(`INSERT INTO invoices (id, status, result, type, title, tax_number, aliyun_pk, amount, orders, addressee, emails, created_at, modified_at)
		VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, id, resultPending, typ, title, tax, buyer, amount, string(ob), title,
		fmt.Sprintf("buyer%d@example.com", buyer%100000), c.Now.UnixMilli(), c.Now.UnixMilli()); err != nil {
		return nil, err
	}
	r, err := scanInvoice(c.Tx.QueryRow(`SELECT `+invoiceColumns+` FROM invoices WHERE id = ?`, id))
	if err != nil {
		return nil, err
	}
	return map[string]any{"Invoice": r.item()}, nil
}

func seedInvoices(c *Call, n int, spread time.Duration, typ int) (any, error) {
	first, err := nextSequence(c, "invoice", 4072040001)
	if err != nil {
		return nil, err
	}
	if _, err := c.Tx.Exec(`UPDATE sequences SET value = value + ? WHERE name = 'invoice'`, n-1); err != nil {
		return nil, err
	}
	st, err := c.Tx.Prepare(`INSERT INTO invoices (id, status, result, type, title, aliyun_pk, amount, orders, created_at, modified_at)
		VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	now := c.Now.UnixMilli()
	for i := 0; i < n; i++ {
		at := now - rand.Int64N(int64(spread/time.Millisecond))
		buyer := int64(1_000_000_000_000_000) + rand.Int64N(1_000_000)
		amount := strconv.FormatFloat(float64(rand.IntN(100000))/100+1, 'f', 2, 64)
		orders := fmt.Sprintf(`[{"OrderId":%d,"OrderType":"NEW","ProductCode":"cmgj00000001","ProductName":"Seeded","Amount":"%s","PaidAt":%d}]`, 300000000000000+first+int64(i), amount, at)
		if _, err := st.Exec(first+int64(i), resultPending, typ, fmt.Sprintf("Company %d", buyer%1000), buyer, amount, orders, at, at); err != nil {
			return nil, err
		}
	}
	return map[string]any{"Seeded": n, "FirstInvoiceId": first}, nil
}

// FileLinkTTL is how long the link UploadFile answers stays valid (sandbox time).
const FileLinkTTL = 365 * 24 * time.Hour

// fileLink is the download link of an uploaded file, presigned as an object store's links
// are: GET /files/<id>?Expires=<unix seconds>&Signature=<HMAC-SHA256 by the sandbox's secret>.
// Whoever holds the link may download until it expires; nobody can make one without the secret.
func (s *Store) fileLink(base, id string, expires time.Time) string {
	exp := strconv.FormatInt(expires.Unix(), 10)
	return base + "/files/" + id + "?" + url.Values{"Expires": {exp}, "Signature": {s.fileSignature(id, exp)}}.Encode()
}

func (s *Store) fileSignature(id, expires string) string {
	m := hmac.New(sha256.New, []byte(s.akSecret))
	m.Write([]byte("GET\n/files/" + id + "\n" + expires))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// serveFile answers GET /files/<FileId>: the download link of an uploaded file (an issued
// e-invoice's ElectronUrl, a delivery attachment's FileLink). Only a presigned, unexpired link
// is served; anything else is 403 without saying whether the file exists.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, id string) {
	q := r.URL.Query()
	exp, sig := q.Get("Expires"), q.Get("Signature")
	secs, err := strconv.ParseInt(exp, 10, 64)
	if err != nil || !hmac.Equal([]byte(sig), []byte(s.store.fileSignature(id, exp))) {
		http.Error(w, "AccessDenied: the link is not signed (use the link UploadFile answered)", http.StatusForbidden)
		return
	}
	if now, err := s.store.Now(); err != nil || now.Unix() > secs {
		http.Error(w, "AccessDenied: the link has expired", http.StatusForbidden)
		return
	}
	var sha, name, ctype string
	err = s.store.rdb.QueryRowContext(r.Context(), `SELECT sha256, name, content_type FROM files WHERE id = ?`, id).Scan(&sha, &name, &ctype)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", fmt.Sprintf("inline; filename=%q", name))
	w.Header().Set("X-Content-Type-Options", "nosniff")
	http.ServeFile(w, r, s.store.BlobPath(sha))
}
