package market

import "sync"

// ActionInfo describes an action mkt knows: whether it exists on the real marketplace, how it
// is sent, and whether it takes a ClientToken.
type ActionInfo struct {
	Name string
	// Public actions are Alibaba Cloud's (reference Appendix A); the others are mkt's seller
	// extension (docs/api.md) or sandbox-only (Sandbox*).
	Public     bool
	Method     string
	Idempotent bool
}

// known is built on first use, not at start-up (DESIGN §9: nothing before a command needs it).
var known = sync.OnceValue(func() map[string]ActionInfo {
	m := map[string]ActionInfo{}
	reg := func(public, idempotent bool, method string, names ...string) {
		for _, n := range names {
			m[n] = ActionInfo{Name: n, Public: public, Method: method, Idempotent: idempotent}
		}
	}
	// Public actions (reference §1.2). Two are GET; none takes a ClientToken.
	reg(true, false, "POST",
		"DescribeFailedNotifications", "ConfirmNotification", "DescribeInvoiceForIsv", "ModifyInvoiceForIsv",
		"DescribePrice", "DescribeProduct", "DescribeProducts", "DescribeOrderForIsv", "CreateOrder", "DescribeOrder",
		"DescribeProjectMessages", "DescribeProjectNodes", "DescribeProjectOperateLogs", "DescribeCurrentNodeInfo",
		"FinishCurrentProjectNode", "RollbackCurrentProjectNode", "DescribeInstance", "DescribeInstanceForIsv",
		"DescribeInstances", "AutoRenewInstance", "DescribeImageInstanceForIsv", "PauseProject",
		"DescribeProjectAttachments", "DescribeProjectInfo", "ResumeProject", "DescribeLicense", "ActivateLicense",
		"PushMeteringData", "CrossAccountVerifyToken", "DescribeDistributionProductsLink")
	reg(true, false, "GET", "DescribeApiMetering", "DescribeDistributionProducts")
	// mkt's seller actions (DESIGN §4): mutations take a ClientToken.
	reg(false, true, "POST",
		"UploadFile", "SubmitOnboardingApplication", "ModifyShop", "ModifyShopContacts", "BindSettlementAccount",
		"ModifyCreditPaySettings", "CreateProduct", "ModifyProduct", "DeleteProduct", "SubmitProduct", "DelistProduct",
		"ModifyProductionUrl", "ModifyProductValidity", "ModifyProductAgreement", "CreateProductBundle",
		"ModifyProductBundle", "DeleteProductBundle", "CreateDeliveryTemplate", "AttachDeliveryTemplate")
	reg(false, false, "POST",
		"DescribeOnboardingApplication", "DescribeTodos", "DescribeShop", "DescribeSettlementAccount",
		"DescribeSettlements", "DescribeCreditPaySettings", "DescribeProductsForIsv", "DescribeAgreementTemplates",
		"DescribeProductBundles", "DescribeDeliveryTemplates")
	// Sandbox-only actions.
	reg(false, false, "POST", "SandboxAdvanceClock", "SandboxDescribeClock", "SandboxResetClock",
		"SandboxReviewProduct", "SandboxReleaseApiPrefix", "SandboxPurchase", "SandboxRenew", "SandboxUpgrade",
		"SandboxExpire", "SandboxRelease", "SandboxRefund", "SandboxRequestInvoice")
	return m
})

// Lookup returns what mkt knows of an action.
func Lookup(name string) (ActionInfo, bool) {
	a, ok := known()[name]
	return a, ok
}
