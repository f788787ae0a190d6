package sandbox

import (
	"database/sql"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"

	"github.com/mkt-cli/mkt/internal/agreement"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/rules"
)

// agreementTemplates are the built-in user-agreement templates (FAQ 三 Q3: import a template
// and edit it, or upload the company's own agreement). Placeholders are in 【】 / [ ].
var agreementTemplates = []marketapi.AgreementTemplate{
	{
		TemplateId:  "saas-standard-zh",
		ProductType: "SAAS",
		Name:        "SaaS 商品用户服务协议（标准模板）",
		Language:    "zh",
		Content: `# 【商品名称】用户服务协议

本协议由【公司名称】（以下简称“服务商”）与通过阿里云云市场购买【商品名称】的用户（以下简称“用户”）订立。

## 一、服务内容
服务商通过云市场向用户提供【商品名称】软件即服务（SaaS），具体功能以商品详情页所列规格为准。

## 二、服务期限
服务期限以用户在云市场购买时选择的有效期为准，自实例开通之日起计算。续费后服务期限相应顺延。

## 三、费用与发票
用户按云市场展示的价格支付费用。服务商在用户申请发票后 7 日内开具全额发票。

## 四、数据与隐私
服务商仅为提供服务之目的处理用户数据，不向第三方披露，法律法规另有规定的除外。服务到期或释放后，服务商保留数据【30】日，期满删除。

## 五、服务保障与售后
服务商通过【旺旺 / 400 电话 / 工单系统】提供售后支持，工作时间【9:00–18:00】。

## 六、违约与争议
因本协议产生的争议，双方协商解决；协商不成的，提交服务商所在地有管辖权的人民法院诉讼解决。

服务商：【公司名称】    日期：【YYYY-MM-DD】
`,
	},
	{
		TemplateId:  "api-standard-zh",
		ProductType: "API",
		Name:        "API 商品使用协议（标准模板）",
		Language:    "zh",
		Content: `# 【API 名称】使用协议

【公司名称】（“服务商”）通过阿里云云市场 API 集市向用户提供【API 名称】数据接口服务。

## 一、调用与额度
用户按所购套餐的调用次数或资源包使用接口；额度用尽或有效期届满后接口停止服务。

## 二、数据来源
接口数据均为服务商自主研发或合法授权取得（授权材料已提交云市场审核）。

## 三、使用限制
用户不得转售接口数据，不得以高于套餐约定的频率调用接口。

## 四、服务可用性
服务商承诺接口月可用性不低于【99.5%】，故障时通过【联系方式】通知用户。

服务商：【公司名称】    日期：【YYYY-MM-DD】
`,
	},
	{
		TemplateId:  "service-standard-zh",
		ProductType: "SERVICE",
		Name:        "服务类商品服务协议（标准模板）",
		Language:    "zh",
		Content: `# 【服务名称】服务协议

【公司名称】（“服务商”）为用户提供【服务名称】服务，交付流程以云市场交付中心的模板节点为准。

## 一、服务范围与交付
服务商按交付模板各节点完成交付，用户在相应节点确认或提交所需资料。

## 二、服务期限
服务期限以购买时选择的有效期为准（不少于 3 个月）。

## 三、验收
交付完成后用户在【5】个工作日内验收，逾期未提出异议视为验收通过。

服务商：【公司名称】    日期：【YYYY-MM-DD】
`,
	},
	{
		TemplateId:  "saas-standard-en",
		ProductType: "SAAS",
		Name:        "SaaS product terms of service (standard template)",
		Language:    "en",
		Content: `# [Product name] Terms of Service

These terms are between [Company name] (the "Vendor") and the user who buys [Product name] on
Alibaba Cloud Marketplace (the "User").

1. Service. The Vendor provides [Product name] as software as a service, with the features of
   the edition (SKU) the User bought.
2. Term. The term is the validity period chosen at purchase, from the day the instance opens;
   renewals extend it.
3. Fees and invoices. The User pays the price shown on the Marketplace. The Vendor issues a
   full-amount invoice within 7 days of the User's request.
4. Data. The Vendor processes the User's data only to provide the service and keeps it for
   [30] days after the instance is released.
5. Support. [Channels and hours].

[Company name]    [YYYY-MM-DD]
`,
	},
}

// --- Agreements (FAQ 三 Q3) ---------------------------------------------------------------

func describeAgreementTemplates(c *Call) (any, error) {
	id := c.Params.Get("TemplateId")
	out := marketapi.AgreementTemplatePage{Templates: []marketapi.AgreementTemplate{}}
	for _, t := range agreementTemplates {
		if id != "" && t.TemplateId != id {
			continue
		}
		if id == "" {
			t.Content = ""
		}
		out.Templates = append(out.Templates, t)
	}
	if id != "" && len(out.Templates) == 0 {
		return nil, Errf(404, "InvalidTemplateId.NotFound", "Agreement template %q does not exist.", id)
	}
	return out, nil
}

func modifyProductAgreement(c *Call) (any, error) {
	r, err := loadProduct(c, c.Params.Get("Code"))
	if err != nil {
		return nil, err
	}
	// A template is imported and filled: TemplateId with FileId, the filled text. A file alone
	// is the company's own agreement. A template alone would be its blanks.
	tpl, file := c.Params.Get("TemplateId"), c.Params.Get("FileId")
	if file == "" && tpl == "" {
		return nil, badParam("Agreement", "Give FileId (with TemplateId when the file is a filled template).")
	}
	if err := editable(c, r); err != nil {
		return nil, err
	}
	a := marketapi.Agreement{TemplateId: tpl}
	if tpl != "" {
		var found *marketapi.AgreementTemplate
		for i := range agreementTemplates {
			if agreementTemplates[i].TemplateId == tpl {
				found = &agreementTemplates[i]
			}
		}
		if found == nil {
			return nil, Errf(404, "InvalidTemplateId.NotFound", "Agreement template %q does not exist.", tpl)
		}
		if v := rules.AgreementTemplateFits(r.Code, r.typ(), tpl, found.ProductType); v != nil {
			return nil, c.Violation(v)
		}
		if v := rules.UnfilledAgreement(agreement.Placeholders(found.Content)); file == "" && v != nil {
			return nil, c.Violation(v)
		}
	}
	if file != "" {
		var name string
		err := c.Tx.QueryRow(`SELECT name FROM files WHERE id = ?`, file).Scan(&name)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, Errf(404, "InvalidFileId.NotFound", "File %q does not exist: upload it with UploadFile first.", file)
		}
		if err != nil {
			return nil, err
		}
		if !marketapi.AgreementExtensions[strings.ToLower(filepath.Ext(name))] {
			return nil, badParam("FileType", "An agreement must be a .pdf, .doc, .docx, .md, .html or .txt file; %q is not.", name)
		}
		a.FileId, a.FileName = file, name
	}
	b, _ := json.Marshal(a)
	r.Agreement = string(b)
	if err := saveProduct(c, r); err != nil {
		return nil, err
	}
	return marketapi.ProductResult{Product: r.model()}, nil
}
