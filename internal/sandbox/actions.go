package sandbox

import (
	"database/sql"
	"encoding/base64"
	"errors"
	"mime"
	"net/url"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/rules"
	"github.com/mkt-cli/mkt/internal/timeutil"
)

// handlers maps each action the sandbox serves to its handler. What an action is (kind,
// version, read-only, ClientToken, methods) is the action table's (marketapi), not the
// sandbox's: a test fails when the two disagree.
func handlers() map[string]func(*Call) (any, error) {
	return map[string]func(*Call) (any, error){
		"UploadFile":                       uploadFile,
		"DescribeProduct":                  describeProduct,
		"DescribeProducts":                 describeProducts,
		"DescribePrice":                    describePrice,
		"CreateOrder":                      createOrder,
		"CreateProduct":                    createProduct,
		"ModifyProduct":                    modifyProduct,
		"DeleteProduct":                    deleteProduct,
		"DescribeProductsForIsv":           describeProductsForIsv,
		"SubmitProduct":                    submitProduct,
		"DelistProduct":                    delistProduct,
		"ModifyProductionUrl":              modifyProductionURL,
		"ModifyProductValidity":            modifyValidity,
		"DescribeAgreementTemplates":       describeAgreementTemplates,
		"ModifyProductAgreement":           modifyProductAgreement,
		"CreateProductBundle":              createBundle,
		"ModifyProductBundle":              modifyBundle,
		"DeleteProductBundle":              deleteBundle,
		"DescribeProductBundles":           describeBundles,
		"CreateDeliveryTemplate":           createDeliveryTemplate,
		"DescribeDeliveryTemplates":        describeDeliveryTemplates,
		"AttachDeliveryTemplate":           attachDeliveryTemplate,
		"SandboxReviewProduct":             reviewProduct,
		"SandboxReleaseApiPrefix":          releaseAPIPrefix,
		"DescribeOrder":                    describeOrder,
		"DescribeOrderForIsv":              describeOrderForIsv,
		"DescribeInstance":                 describeInstance,
		"DescribeInstanceForIsv":           describeInstanceForIsv,
		"DescribeInstances":                describeInstances,
		"DescribeLicense":                  describeLicense,
		"ActivateLicense":                  activateLicense,
		"PushMeteringData":                 pushMeteringData,
		"DescribeFailedNotifications":      describeFailedNotifications,
		"ConfirmNotification":              confirmNotification,
		"DescribeInvoiceForIsv":            describeInvoiceForIsv,
		"ModifyInvoiceForIsv":              modifyInvoiceForIsv,
		"SandboxRequestInvoice":            sandboxRequestInvoice,
		"SandboxPurchase":                  sandboxPurchase,
		"SandboxRenew":                     sandboxRenew,
		"SandboxUpgrade":                   sandboxUpgrade,
		"SandboxExpire":                    sandboxExpire,
		"SandboxRelease":                   sandboxRelease,
		"SandboxRefund":                    sandboxRefund,
		"SubmitOnboarding":                 submitOnboarding,
		"DescribeOnboarding":               describeOnboarding,
		"SandboxReviewOnboarding":          reviewOnboarding,
		"DescribeShop":                     describeShop,
		"ModifyShop":                       modifyShop,
		"ModifyShopContacts":               modifyShopContacts,
		"ModifySettlementAccount":          modifySettlementAccount,
		"DescribeSettlementAccount":        describeSettlementAccount,
		"SandboxFailSettlementAccount":     failSettlementAccount,
		"DescribeCreditPayment":            describeCreditPayment,
		"ModifyCreditPayment":              modifyCreditPayment,
		"DescribeSettlements":              describeSettlements,
		"SandboxRepayCredit":               repayCredit,
		"SandboxAdvanceClock":              advanceClock,
		"SandboxDescribeClock":             describeClock,
		"SandboxResetClock":                resetClock,
		"SandboxReviewService":             sandboxReviewService,
		"SandboxNestPurchase":              sandboxNestPurchase,
		"DescribeProjectInfo":              describeProjectInfo,
		"DescribeProjectNodes":             describeProjectNodes,
		"DescribeCurrentNodeInfo":          describeCurrentNodeInfo,
		"DescribeProjectMessages":          describeProjectMessages,
		"DescribeProjectAttachments":       describeProjectAttachments,
		"DescribeProjectOperateLogs":       describeProjectOperateLogs,
		"FinishCurrentProjectNode":         finishCurrentProjectNode,
		"RollbackCurrentProjectNode":       rollbackCurrentProjectNode,
		"PauseProject":                     pauseProject,
		"ResumeProject":                    resumeProject,
		"SandboxProjectAct":                sandboxProjectAct,
		"AutoRenewInstance":                autoRenewInstance,
		"DescribeApiMetering":              describeAPIMetering,
		"SandboxApiCalls":                  sandboxAPICalls,
		"DescribeDistributionProducts":     describeDistributionProducts,
		"DescribeDistributionProductsLink": describeDistributionProductsLink,
		"SandboxDistributeProduct":         sandboxDistributeProduct,
		"CrossAccountVerifyToken":          crossAccountVerifyToken,
		"SandboxAuthorizeAccount":          sandboxAuthorizeAccount,
	}
}

// RepeatList reads a repeatList parameter (Filter.1.Key=…&Filter.1.Value=…) in index order.
func RepeatList(p url.Values, prefix string, fields ...string) []map[string]string {
	byIndex := map[int]map[string]string{}
	for k, v := range p {
		rest, ok := strings.CutPrefix(k, prefix+".")
		if !ok {
			continue
		}
		idx, field, ok := strings.Cut(rest, ".")
		if !ok {
			continue
		}
		n, err := strconv.Atoi(idx)
		if err != nil || n < 1 {
			continue
		}
		if byIndex[n] == nil {
			byIndex[n] = map[string]string{}
		}
		byIndex[n][field] = v[0]
	}
	idxs := make([]int, 0, len(byIndex))
	for n := range byIndex {
		idxs = append(idxs, n)
	}
	sort.Ints(idxs)
	out := make([]map[string]string, 0, len(idxs))
	for _, n := range idxs {
		out = append(out, byIndex[n])
	}
	return out
}

// --- UploadFile (mkt's seller extension) -------------------------------------------------

func uploadFile(c *Call) (any, error) {
	name := c.Params.Get("FileName")
	if name == "" {
		return nil, missingParam("FileName")
	}
	if len(name) > 200 || strings.ContainsAny(name, `/\`) || strings.TrimSpace(name) != name {
		return nil, Errf(400, "InvalidParameter.FileName", "FileName %q must be a plain file name of at most 200 bytes.", name)
	}
	ext := strings.ToLower(filepath.Ext(name))
	ctype, ok := marketapi.UploadExtensions[ext]
	if !ok {
		exts := make([]string, 0, len(marketapi.UploadExtensions))
		for e := range marketapi.UploadExtensions {
			exts = append(exts, e)
		}
		sort.Strings(exts)
		return nil, Errf(400, "InvalidParameter.FileType", "Files of type %q are not accepted; accepted: %s.", ext, strings.Join(exts, " "))
	}
	if ct := c.Params.Get("ContentType"); ct != "" {
		if _, _, err := mime.ParseMediaType(ct); err != nil {
			return nil, Errf(400, "InvalidParameter.ContentType", "ContentType %q is not a media type.", ct)
		}
		ctype = ct
	}
	enc := c.Params.Get("Content")
	if enc == "" {
		return nil, missingParam("Content")
	}
	content, err := base64.StdEncoding.DecodeString(enc)
	if err != nil {
		return nil, Errf(400, "InvalidParameter.Content", "Content must be standard base64: %v", err)
	}
	if len(content) == 0 {
		return nil, Errf(400, "InvalidParameter.Content", "The file is empty.")
	}
	if len(content) > marketapi.MaxUploadBytes {
		return nil, Errf(400, "InvalidParameter.FileSize", "The file is %d bytes; the limit is %d.", len(content), marketapi.MaxUploadBytes)
	}
	if !marketapi.ContentMatches(ext, content) {
		return nil, Errf(400, "InvalidParameter.FileType", "The content of %q is not a %s file.", name, ext)
	}
	sha, err := c.Store.PutBlob(content)
	if err != nil {
		return nil, err
	}
	f := marketapi.UploadedFile{
		FileId:      "file-" + strings.ToLower(randomString(20)),
		FileName:    name,
		ContentType: ctype,
		Size:        int64(len(content)),
		Sha256:      sha,
		CreateTime:  c.Now.UTC().Format(time.RFC3339),
	}
	f.FileUrl = c.Store.fileLink(c.Base, f.FileId, c.Now.Add(FileLinkTTL))
	_, err = c.Tx.Exec(`INSERT INTO files (id, sha256, name, content_type, size, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
		f.FileId, f.Sha256, f.FileName, f.ContentType, f.Size, c.Now.UnixMilli())
	return f, err
}

// --- DescribeProduct / DescribeProducts (public, real shapes) -----------------------------

// AuditStatus maps a product state onto the public AuditStatus values of DescribeProduct
// with QueryDraft=true (docs/products.md).
func AuditStatus(state string) string {
	switch state {
	case "DRAFT":
		return "draft"
	case "TESTING":
		return "function_ing"
	case "REVIEWING":
		return "info_ing"
	case "REJECTED":
		return "info_fail"
	case "LISTED", "DELISTED":
		return "success"
	}
	return "draft"
}

type productRow struct {
	Code, Name, Type, Status, ShortDescription, Description, PicURL, SuggestedPrice, DeliveryWay, AuditFailMsg string
	CategoryID, UseCount, AuditTime, CreatedAt, ModifiedAt                                                     int64
	Score                                                                                                      float64
}

const productColumns = `code, name, type, status, short_description, description, pic_url, suggested_price, delivery_way, audit_fail_msg, category_id, use_count, audit_time, created_at, modified_at, score`

func scanProduct(sc interface{ Scan(...any) error }) (productRow, error) {
	var p productRow
	err := sc.Scan(&p.Code, &p.Name, &p.Type, &p.Status, &p.ShortDescription, &p.Description, &p.PicURL, &p.SuggestedPrice,
		&p.DeliveryWay, &p.AuditFailMsg, &p.CategoryID, &p.UseCount, &p.AuditTime, &p.CreatedAt, &p.ModifiedAt, &p.Score)
	return p, err
}

func describeProduct(c *Call) (any, error) {
	code := c.Params.Get("Code")
	if code == "" {
		return nil, missingParam("Code")
	}
	draft := strings.EqualFold(c.Params.Get("QueryDraft"), "true")
	r, err := scanSeller(c.Tx.QueryRow(`SELECT `+sellerColumns+` FROM products WHERE code = ? AND status != 'DELETED'`, code))
	if errors.Is(err, sql.ErrNoRows) || (err == nil && !draft && r.Status != "LISTED") {
		return nil, Errf(404, "InvalidCode.NotFound", "Product %q does not exist or is not on sale (use QueryDraft=true for a product that is not listed).", code)
	}
	if err != nil {
		return nil, err
	}
	uid, err := sellerUID(c.Tx)
	if err != nil {
		return nil, err
	}
	p := marketapi.PublicProduct{
		Code: r.Code, Name: r.Name, Type: r.Type, Status: "已废弃",
		ShortDescription: r.ShortDescription, Description: r.Description, PicUrl: r.PicURL,
		Score: r.Score, UseCount: r.UseCount, FrontCategoryId: r.CategoryID, SupplierPk: uid,
		GmtCreated: r.CreatedAt, GmtModified: r.ModifiedAt,
	}
	shop, contacts, err := shopFacts(c)
	if err != nil {
		return nil, err
	}
	p.ShopInfo.Name = shop
	p.ShopInfo.Id = uid
	p.ShopInfo.WangWangs.WangWang = []marketapi.WangWang{}
	if contacts.Wangwang != "" {
		p.ShopInfo.WangWangs.WangWang = append(p.ShopInfo.WangWangs.WangWang, marketapi.WangWang{UserName: contacts.Wangwang})
	}
	p.ShopInfo.Telephones.Telephone = nonEmpty(contacts.Hotline)
	p.ProductSkus.ProductSku = []marketapi.ProductSku{}
	p.ProductExtras.ProductExtra = []marketapi.ProductExtra{}
	periods := []marketapi.OrderPeriod{}
	for _, spec := range r.periods() {
		if ps, v := rules.ParsePeriods(r.typ(), []string{spec}); v == nil {
			periods = append(periods, marketapi.OrderPeriod{Name: spec, PeriodType: ps[0].PeriodType()})
		}
	}
	for _, sku := range r.skus() {
		ps := marketapi.ProductSku{Code: sku.Code, Name: sku.Name, ChargeType: sku.ChargeType, Constraints: "{}"}
		ps.OrderPeriods.OrderPeriod = periods
		ps.Modules.Module = []marketapi.Module{}
		p.ProductSkus.ProductSku = append(p.ProductSkus.ProductSku, ps)
	}
	if draft {
		p.AuditStatus, p.AuditFailMsg, p.AuditTime = AuditStatus(r.Status), r.AuditFailMsg, r.AuditTime
	}
	return p, nil
}

var sortOrders = map[string]string{
	"user_count-desc": "use_count DESC, code",
	"created_on-desc": "created_at DESC, code",
	"price-desc":      "CAST(suggested_price AS REAL) DESC, code",
	"score-desc":      "score DESC, code",
}

var publicTypes = map[string]bool{"APP": true, "DOWNLOAD": true, "MIRROR": true, "SERVICE": true, "API_SERVICE": true}

func describeProducts(c *Call) (any, error) {
	// The real action answers malformed input with HTTP 500 and these codes; so does the sandbox.
	page, size := 1, 10
	if v := c.Params.Get("PageNumber"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return nil, Errf(500, "Invalid.Param", "PageNumber must be a positive integer.")
		}
		page = n
	}
	if v := c.Params.Get("PageSize"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 100 {
			return nil, Errf(500, "Invalid.Param", "PageSize must be an integer from 1 to 100.")
		}
		size = n
	}
	where := []string{"status = 'LISTED'"}
	var args []any
	order := "created_at DESC, code"
	for _, f := range RepeatList(c.Params, "Filter", "Key", "Value") {
		v := f["Value"]
		switch f["Key"] {
		case "sort":
			o, ok := sortOrders[v]
			if !ok {
				return nil, Errf(500, "Invalid.Sort", "Unknown sort %q: use user_count-desc, created_on-desc, price-desc or score-desc.", v)
			}
			order = o
		case "categoryId":
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				return nil, Errf(500, "Invalid.CategoryId", "categoryId %q is not a number.", v)
			}
			where, args = append(where, "category_id = ?"), append(args, n)
		case "productType":
			if !publicTypes[v] {
				return nil, Errf(500, "Invalid.Param", "Unknown productType %q: use APP, DOWNLOAD, MIRROR, SERVICE or API_SERVICE.", v)
			}
			where, args = append(where, "type = ?"), append(args, v)
		case "aliyunUid":
			uid, err := sellerUID(c.Tx)
			if err != nil {
				return nil, err
			}
			if v != strconv.FormatInt(uid, 10) {
				where = append(where, "0")
			}
		default:
			return nil, Errf(500, "Invalid.Param", "Unknown filter key %q: use sort, categoryId, productType or aliyunUid.", f["Key"])
		}
	}
	if term := c.Params.Get("SearchTerm"); term != "" {
		where = append(where, `(name LIKE ? ESCAPE '\' OR short_description LIKE ? ESCAPE '\')`)
		like := likeTerm(term)
		args = append(args, like, like)
	}
	cond := strings.Join(where, " AND ")
	out := marketapi.ProductList{PageNumber: page, PageSize: size}
	shop, _, err := shopFacts(c)
	if err != nil {
		return nil, err
	}
	// The few shapes of this query are prepared once (parsing was a third of a read's cost);
	// a request with many repeated filters is parsed each time rather than cached.
	queryRow, query := c.QueryRow, c.Query
	if len(where) > 4 {
		queryRow, query = c.Tx.QueryRow, c.Tx.Query
	}
	if err := queryRow(`SELECT COUNT(*) FROM products WHERE `+cond, args...).Scan(&out.TotalCount); err != nil {
		return nil, err
	}
	rows, err := query(`SELECT `+productColumns+` FROM products WHERE `+cond+` ORDER BY `+order+` LIMIT ? OFFSET ?`,
		append(args, size, (page-1)*size)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	uid, err := sellerUID(c.Tx)
	if err != nil {
		return nil, err
	}
	out.ProductItems.ProductItem = []marketapi.ProductItem{}
	for rows.Next() {
		p, err := scanProduct(rows)
		if err != nil {
			return nil, err
		}
		out.ProductItems.ProductItem = append(out.ProductItems.ProductItem, marketapi.ProductItem{
			Code: p.Code, Name: p.Name, CategoryId: p.CategoryID, SupplierId: uid, SupplierName: shop,
			ShortDescription: p.ShortDescription, ImageUrl: p.PicURL, SuggestedPrice: p.SuggestedPrice,
			PriceInfo: p.SuggestedPrice, DeliveryWay: p.DeliveryWay, Score: strconv.FormatFloat(p.Score, 'f', 1, 64),
			TargetUrl: "https://market.aliyun.com/products/" + p.Code,
		})
	}
	return out, rows.Err()
}

// sellerUID is the sandbox seller's Alibaba Cloud account ID (made when the sandbox is).
func sellerUID(tx *sql.Tx) (int64, error) {
	v, err := getMeta(tx, "seller_uid")
	if err != nil {
		return 0, err
	}
	return strconv.ParseInt(v, 10, 64)
}

// --- Sandbox clock ------------------------------------------------------------------------

func clockOf(off time.Duration) marketapi.Clock {
	real := time.Now()
	return marketapi.Clock{
		Now:           real.Add(off).UTC().Format(time.RFC3339),
		RealNow:       real.UTC().Format(time.RFC3339),
		Offset:        timeutil.FormatDuration(off),
		OffsetSeconds: int64(off / time.Second),
	}
}

// MaxClockOffset bounds how far the clock may be moved.
const MaxClockOffset = 10 * 366 * 24 * time.Hour

func advanceClock(c *Call) (any, error) {
	v := c.Params.Get("Duration")
	if v == "" {
		return nil, missingParam("Duration")
	}
	d, err := timeutil.ParseDuration(v)
	if err != nil {
		return nil, Errf(400, "InvalidParameter.Duration", "%v", err)
	}
	if d <= 0 {
		return nil, Errf(400, "InvalidParameter.Duration", "The clock only moves forward (got %s); SandboxResetClock sets it back to real time.", v)
	}
	off, err := c.Store.ClockOffset(c.Tx)
	if err != nil {
		return nil, err
	}
	if off+d > MaxClockOffset {
		return nil, Errf(400, "InvalidParameter.Duration", "The clock may run at most %s ahead of real time.", timeutil.FormatDuration(MaxClockOffset))
	}
	off += d
	if err := setMeta(c.Tx, "clock_offset_ns", strconv.FormatInt(int64(off), 10)); err != nil {
		return nil, err
	}
	// What the moved clock has reached happens: instances whose end has passed expire.
	c.Now = c.Now.Add(d)
	if err := autoFinishDue(c); err != nil {
		return nil, err
	}
	if err := expireDue(c); err != nil {
		return nil, err
	}
	return clockOf(off), nil
}

func describeClock(c *Call) (any, error) {
	off, err := c.Store.ClockOffset(c.Tx)
	if err != nil {
		return nil, err
	}
	return clockOf(off), nil
}

func resetClock(c *Call) (any, error) {
	if err := setMeta(c.Tx, "clock_offset_ns", "0"); err != nil {
		return nil, err
	}
	return clockOf(0), nil
}
