package manifest

import (
	"strings"

	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/rules"
)

// tline is one line of a product template: the YAML, and what the field must hold in each
// language.
type tline struct{ yaml, zh, en string }

// ProductTemplate is a product file (mkt product create -f) for a product of type t with every
// field that type uses, empty, each with its rule as a comment in lang. It parses as a product
// file; create refuses it until the required fields are filled.
func ProductTemplate(t rules.ProductType, lang i18n.Lang) string {
	typ := map[rules.ProductType]string{rules.TypeSaaS: "saas", rules.TypeAPI: "api", rules.TypeImage: "image", rules.TypeService: "service"}[t]
	lines := []tline{
		{`name: ""`, "商品名称，最多 60 个字符", "the product's name, at most 60 characters"},
		{"type: " + typ, "商品类型：saas、api、image、service，创建后不能更改", "saas, api, image or service; it cannot change after creation"},
		{`summary: ""`, "一句话简介，最多 200 个字符", "a one-line summary, at most 200 characters"},
		{`description: ""`, "详细描述", "the full description"},
		{"# category: 0", "类目 ID（可选）", "the category ID (optional)"},
		{"skus:", "规格：名称与价格（元，两位小数）；按量付费加 chargeType: postpay", "SKUs: a name and a price in yuan (two decimals); pay-as-you-go adds chargeType: postpay"},
		{`  - {name: "", price: ""}`, "", ""},
	}
	switch t {
	case rules.TypeService:
		lines = append(lines, tline{"validity: [3m, 6m, 1y]", "有效期：服务类商品每个至少 3 个月，可选 3m 6m 1y 2y（FAQ 三 Q6）", "validity: service products at least 3 months each, from 3m 6m 1y 2y (FAQ 三 Q6)"})
	default:
		lines = append(lines, tline{"validity: [1m, 3m, 6m, 1y]", "有效期：买家可下单的周期 1m 3m 6m 1y 2y，不能是长期（FAQ 三 Q6）", "validity: the periods buyers can order, 1m 3m 6m 1y 2y, never long-term (FAQ 三 Q6)"})
	}
	switch t {
	case rules.TypeSaaS:
		lines = append(lines,
			tline{"delivery: spi", "交付方式：spi（主动通知，需要生产接口地址）或 license（授权码，需要激活页地址）", "spi (the marketplace calls your production URL) or license (a code the buyer activates on your page)"},
			tline{`productionUrl: ""`, "生产接口地址（spi）：https，测试中、审核中、已上架时不能修改（FAQ 三 Q1）", "the production URL (spi): https; locked while in testing, in review or listed (FAQ 三 Q1)"},
			tline{`# activationUrl: ""`, "激活页地址（license）", "the activation page (license)"})
	case rules.TypeAPI:
		lines = append(lines,
			tline{`apiGroup: ""`, "API 网关分组", "the API gateway group"},
			tline{`apiPrefix: ""`, "访问前缀：小写字母开头，3–40 个字符，全局唯一；提交后与商品名称绑定（FAQ 三 Q4）", "the access prefix: a lower-case letter first, 3–40 characters, globally unique; bound to the name once submitted (FAQ 三 Q4)"},
			tline{`productionUrl: ""`, "后端服务地址：https", "the backend URL: https"})
	case rules.TypeImage:
		lines = append(lines,
			tline{`imageId: ""`, "镜像 ID（m-…）；镜像商品不能下架，只能删除（FAQ 三 Q7）", "the image ID (m-…); image products are never delisted, only deleted (FAQ 三 Q7)"},
			tline{`imageRegion: ""`, "镜像所在地域，例如 cn-hangzhou", "the image's region, e.g. cn-hangzhou"})
	case rules.TypeService:
		lines = append(lines, tline{`# deliveryTemplate: ""`, "交付模板 ID（可选）：mkt delivery template list", "a delivery template ID (optional): mkt delivery template list"})
	}
	var b strings.Builder
	if lang == i18n.ZH {
		b.WriteString("# 商品文件：填好后运行 mkt product create -f product.yaml（或 mkt product edit <商品码> -f product.yaml）。\n")
	} else {
		b.WriteString("# A product file: fill it in, then mkt product create -f product.yaml (or mkt product edit <code> -f product.yaml).\n")
	}
	width := 0
	for _, l := range lines {
		width = max(width, len(l.yaml))
	}
	for _, l := range lines {
		comment := l.en
		if lang == i18n.ZH {
			comment = l.zh
		}
		if comment == "" {
			b.WriteString(l.yaml + "\n")
			continue
		}
		b.WriteString(l.yaml + strings.Repeat(" ", width-len(l.yaml)+2) + "# " + comment + "\n")
	}
	return b.String()
}
