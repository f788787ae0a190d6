package sandbox

import (
	"encoding/json"
	"math/big"
	"strconv"
	"strings"

	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/rules"
)

// describePrice prices a commodity of a listed product: the SKU's monthly price times the
// months bought. What cannot be priced is answered as the metadata documents (500 UnknownError).
func describePrice(c *Call) (any, error) {
	for _, k := range []string{"OrderType", "Commodity"} {
		if c.Params.Get(k) == "" {
			return nil, missingParam(k)
		}
	}
	unknown := func(msg string) error { return Errf(500, "UnknownError", "%s", msg) }
	com, r, err := onSale(c)
	if err != nil {
		return nil, err
	}
	var sku *marketapi.SKU
	for _, s := range r.skus() {
		if s.Code == com.Components.PackageVersion || (com.Components.PackageVersion == "" && sku == nil) {
			sku = &s
		}
	}
	if sku == nil {
		return nil, unknown("The product has no SKU " + com.Components.PackageVersion + ".")
	}
	duration := max(com.Duration, 1)
	months := duration
	cycle := "MONTH"
	if strings.EqualFold(com.PricingCycle, "Year") {
		months, cycle = 12*duration, "YEAR"
	}
	quantity := max(com.Quantity, 1)
	monthly, ok := new(big.Rat).SetString(sku.Price)
	if !ok {
		return nil, unknown("The SKU has no price.")
	}
	total, _ := new(big.Rat).Mul(monthly, big.NewRat(int64(months*quantity), 1)).Float64()
	out := marketapi.Price{ProductCode: r.Code, OriginalPrice: total, TradePrice: total, Currency: "CNY", Cycle: cycle, Duration: duration}
	out.PromotionRules.PromotionRule = []marketapi.PromotionRule{}
	out.Coupons.Coupon = []marketapi.Coupon{}
	return out, nil
}

// createOrder is a buyer's order (CreateOrder): the commodity priced as DescribePrice prices it,
// bought by the sandbox's buyer as SandboxPurchase buys, paid at once. The sandbox places new
// purchases (INSTANCE_BUY) of one instance; renewals and upgrades are rehearsed with
// SandboxRenew and SandboxUpgrade.
func createOrder(c *Call) (any, error) {
	for _, k := range []string{"OrderType", "Commodity", "PaymentType"} {
		if c.Params.Get(k) == "" {
			return nil, missingParam(k)
		}
	}
	if c.Token == "" {
		return nil, missingParam("ClientToken")
	}
	unknown := func(format string, args ...any) error { return Errf(500, "UnknownError", format, args...) }
	if t := c.Params.Get("OrderType"); t != "INSTANCE_BUY" {
		return nil, unknown("OrderType %q: the sandbox places INSTANCE_BUY orders; rehearse renewals and upgrades with `mkt sandbox simulate`.", t)
	}
	com, _, err := onSale(c)
	if err != nil {
		return nil, err
	}
	if com.Quantity > 1 {
		return nil, unknown("quantity %d: the sandbox buys one instance per order.", com.Quantity)
	}
	unit := "m"
	if strings.EqualFold(com.PricingCycle, "Year") {
		unit = "y"
	}
	for _, k := range []string{"AliUid", "Trial", "PayMethod", "SpiRetries", "ApiQuota"} { // SandboxPurchase's own
		c.Params.Del(k)
	}
	c.Params.Set("Code", com.ProductCode)
	c.Params.Set("SkuCode", com.Components.PackageVersion)
	c.Params.Set("Period", strconv.Itoa(max(com.Duration, 1))+unit)
	out, err := sandboxPurchase(c)
	if err != nil {
		return nil, err
	}
	p := out.(*marketapi.Purchase)
	var res marketapi.CreatedOrder
	res.OrderId = strconv.FormatInt(p.OrderId, 10)
	res.InstanceIds.InstanceId = []string{strconv.FormatInt(p.InstanceId, 10)}
	return res, nil
}

// onSale reads the Commodity parameter and the listed product it names; anything else is
// answered as the metadata documents (500 UnknownError).
func onSale(c *Call) (marketapi.Commodity, *sellerRow, error) {
	var com marketapi.Commodity
	if err := json.Unmarshal([]byte(c.Params.Get("Commodity")), &com); err != nil {
		return com, nil, Errf(500, "UnknownError", "Commodity is not valid JSON: %v", err)
	}
	r, err := loadProduct(c, com.ProductCode)
	if err != nil || r.state() != rules.StateListed {
		return com, nil, Errf(500, "UnknownError", "The product %s is not on sale.", com.ProductCode)
	}
	return com, r, nil
}
