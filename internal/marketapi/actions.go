// Package marketapi is mkt's wire vocabulary: the one table of every action mkt knows (who
// offers it, under which API version, which HTTP methods, whether it changes anything and
// takes a ClientToken) and the request and response types. The client (internal/market) and
// the sandbox (internal/sandbox) both derive from it; neither defines an action of its own.
//
// Where a new action goes: add a row to table below, its answer type to the file of its
// subject, a typed method to internal/market and a handler to internal/sandbox; the tests in
// this package, internal/sandbox and docs/api.md's check say what is missing.
package marketapi

import (
	"net/http"
	"slices"
	"sort"
	"sync"
)

// Kind says who offers an action.
type Kind int

const (
	// Public actions are Alibaba Cloud's own Market API (market.aliyuncs.com): the 31 actions
	// of the public metadata (testdata/market-2015-11-01-api-docs.json).
	Public Kind = iota + 1
	// Extension actions are mkt's seller extension: the seller-console work that Alibaba Cloud
	// offers no public API for (onboarding, products, bundles, shop, settlement). The sandbox
	// serves them, and so may an endpoint that implements docs/api.md; the real marketplace
	// does not.
	Extension
	// SandboxOnly actions drive the local marketplace (clock, reviews, simulated buyers).
	SandboxOnly
)

func (k Kind) String() string {
	switch k {
	case Public:
		return "public"
	case Extension:
		return "extension"
	case SandboxOnly:
		return "sandbox"
	}
	return "unknown"
}

// APIProduct is the Market API's product name: the marketplace's own actions, mkt's seller
// extension and the sandbox's controls belong to it.
const APIProduct = "Market"

// NestProduct is Compute Nest's supplier API (计算巢服务商): the public API of the services,
// artifacts and service instances that Compute Nest-delivered products are made of.
const NestProduct = "ComputeNestSupplier"

// NestVersion is ComputeNestSupplier's API version.
const NestVersion = "2021-05-21"

// STSProduct is Security Token Service: mkt asks it whose live credentials are
// (GetCallerIdentity), to read the seller's own listed products through the public API.
const STSProduct = "Sts"

// STSVersion is STS's API version.
const STSVersion = "2015-04-01"

// Version is the public Market API's version.
const Version = "2015-11-01"

// ExtensionVersion is the API version of mkt's seller extension and of the sandbox's own
// actions. It is not Alibaba Cloud's: under Version (2015-11-01) the sandbox answers these
// actions as production answers an unknown one, so a script that works against the sandbox
// cannot pass for one that works against the marketplace.
const ExtensionVersion = "mkt-2026-11-30"

// Action is one row of the table.
type Action struct {
	// Product is the API product (APIProduct, NestProduct or STSProduct): an action is known by product
	// and name together (both products have a PushMeteringData).
	Product string
	Name    string
	Version string
	Kind    Kind
	// ReadOnly actions change nothing a caller can see (the sandbox runs them in a read
	// transaction, concurrently with others).
	ReadOnly bool
	// ClientToken actions take a ClientToken: the client makes one per logical operation and
	// reuses it on every retry; the sandbox answers a repeated token with the first answer.
	ClientToken bool
	// Methods are the HTTP methods the action accepts; the first is the one mkt sends.
	Methods []string
	// ByID actions look one thing up by its ID: an unknown or foreign ID is answered with the
	// documented IllegalPermission or UnknownError, which the client takes as "not found" (exit
	// 5) and never retries.
	ByID bool
}

// Sends is the method mkt sends the action with.
func (a Action) Sends() string { return a.Methods[0] }

// Accepts reports whether method is one the action accepts.
func (a Action) Accepts(method string) bool { return slices.Contains(a.Methods, method) }

var (
	postGet = []string{http.MethodPost, http.MethodGet}
	post    = []string{http.MethodPost}
	get     = []string{http.MethodGet}
)

func pub(name string, readOnly bool, methods []string) Action {
	return Action{Product: APIProduct, Name: name, Version: Version, Kind: Public, ReadOnly: readOnly, Methods: methods}
}

// nest is a public ComputeNestSupplier row: every change takes a ClientToken except
// PushMeteringData (the reference lists none for it).
func nest(name string, readOnly, token bool, methods []string) Action {
	return Action{Product: NestProduct, Name: name, Version: NestVersion, Kind: Public, ReadOnly: readOnly, ClientToken: token, Methods: methods}
}

func byID(a Action) Action { a.ByID = true; return a }

func ext(name string, readOnly, token bool) Action {
	return Action{Product: APIProduct, Name: name, Version: ExtensionVersion, Kind: Extension, ReadOnly: readOnly, ClientToken: token, Methods: post}
}

func sbx(name string, readOnly bool) Action {
	return Action{Product: APIProduct, Name: name, Version: ExtensionVersion, Kind: SandboxOnly, ReadOnly: readOnly, Methods: post}
}

// table is every action mkt knows. A test checks the public rows against the public metadata,
// and internal/sandbox checks that it serves exactly the rows it should.
var table = []Action{
	// The public Market API (testdata/market-2015-11-01-api-docs.json). Methods as the metadata
	// lists them, POST first where it is allowed.
	pub("ActivateLicense", false, postGet),
	byID(pub("AutoRenewInstance", false, post)),
	byID(pub("ConfirmNotification", false, postGet)),
	{Product: APIProduct, Name: "CreateOrder", Version: Version, Kind: Public, ClientToken: true, Methods: postGet},
	pub("CrossAccountVerifyToken", false, post),
	pub("DescribeApiMetering", true, get),
	byID(pub("DescribeCurrentNodeInfo", true, postGet)),
	pub("DescribeDistributionProducts", true, get),
	pub("DescribeDistributionProductsLink", true, post),
	pub("DescribeFailedNotifications", true, postGet),
	byID(pub("DescribeInstance", true, postGet)),
	byID(pub("DescribeInstanceForIsv", true, postGet)),
	pub("DescribeInstances", true, postGet),
	pub("DescribeInvoiceForIsv", true, postGet),
	pub("DescribeLicense", true, postGet),
	byID(pub("DescribeOrder", true, postGet)),
	byID(pub("DescribeOrderForIsv", true, postGet)),
	byID(pub("DescribePrice", true, postGet)),
	pub("DescribeProduct", true, postGet),
	pub("DescribeProducts", true, postGet),
	byID(pub("DescribeProjectAttachments", true, postGet)),
	byID(pub("DescribeProjectInfo", true, postGet)),
	byID(pub("DescribeProjectMessages", true, postGet)),
	byID(pub("DescribeProjectNodes", true, postGet)),
	byID(pub("DescribeProjectOperateLogs", true, postGet)),
	byID(pub("FinishCurrentProjectNode", false, post)),
	pub("ModifyInvoiceForIsv", false, post),
	byID(pub("PauseProject", false, post)),
	pub("PushMeteringData", false, post),
	byID(pub("ResumeProject", false, post)),
	byID(pub("RollbackCurrentProjectNode", false, post)),

	// mkt's seller extension (docs/api.md): changes take a ClientToken.
	ext("UploadFile", false, true),
	ext("CreateProduct", false, true),
	ext("ModifyProduct", false, true),
	ext("DeleteProduct", false, true),
	ext("DescribeProductsForIsv", true, false),
	ext("SubmitProduct", false, true),
	ext("DelistProduct", false, true),
	ext("ModifyProductionUrl", false, true),
	ext("ModifyProductValidity", false, true),
	ext("DescribeAgreementTemplates", true, false),
	ext("ModifyProductAgreement", false, true),
	ext("CreateProductBundle", false, true),
	ext("ModifyProductBundle", false, true),
	ext("DeleteProductBundle", false, true),
	ext("DescribeProductBundles", true, false),
	ext("CreateDeliveryTemplate", false, true),
	ext("DescribeDeliveryTemplates", true, false),
	ext("AttachDeliveryTemplate", false, true),
	ext("SubmitOnboarding", false, true),
	ext("DescribeOnboarding", true, false),
	ext("DescribeShop", true, false),
	ext("ModifyShop", false, true),
	ext("ModifyShopContacts", false, true),
	ext("ModifySettlementAccount", false, true),
	// Reading the settlement account settles a verification whose time has come, so the
	// sandbox runs it in a write transaction; to the caller it is a read.
	ext("DescribeSettlementAccount", false, false),
	ext("DescribeCreditPayment", true, false),
	ext("ModifyCreditPayment", false, true),
	ext("DescribeSettlements", true, false),

	// The sandbox's own controls.
	sbx("SandboxReviewProduct", false),
	sbx("SandboxReleaseApiPrefix", false),
	sbx("SandboxReviewOnboarding", false),
	sbx("SandboxFailSettlementAccount", false),
	sbx("SandboxRepayCredit", false),
	sbx("SandboxRequestInvoice", false),
	sbx("SandboxPurchase", false),
	sbx("SandboxRenew", false),
	sbx("SandboxUpgrade", false),
	sbx("SandboxExpire", false),
	sbx("SandboxRelease", false),
	sbx("SandboxRefund", false),
	sbx("SandboxProjectAct", false),
	sbx("SandboxApiCalls", false),
	sbx("SandboxDistributeProduct", false),
	sbx("SandboxAuthorizeAccount", false),
	sbx("SandboxAdvanceClock", false),
	sbx("SandboxDescribeClock", true),
	sbx("SandboxResetClock", false),
	sbx("SandboxReviewService", false),
	sbx("SandboxNestPurchase", false),

	// ComputeNestSupplier 2021-05-21 (../shared/reference/computenest-supplier-api.md): public,
	// POST first, GET too, except ListServiceUsages (GET only).
	nest("CreateService", false, true, postGet),
	nest("UpdateService", false, true, postGet),
	nest("GetService", true, false, postGet),
	nest("ListServices", true, false, postGet),
	nest("DeleteService", false, true, postGet),
	nest("RegisterService", false, true, postGet),
	nest("CancelServiceRegistration", false, true, postGet),
	nest("PreLaunchService", false, true, postGet),
	nest("LaunchService", false, true, postGet),
	nest("WithdrawService", false, true, postGet),
	nest("ListServiceRegistrations", true, false, postGet),
	nest("CreateArtifact", false, true, postGet),
	nest("UpdateArtifact", false, true, postGet),
	nest("GetArtifact", true, false, postGet),
	nest("ListArtifacts", true, false, postGet),
	nest("ListArtifactVersions", true, false, postGet),
	nest("ReleaseArtifact", false, true, postGet),
	nest("DeleteArtifact", false, true, postGet),
	nest("ListServiceInstances", true, false, postGet),
	nest("GetServiceInstance", true, false, postGet),
	nest("PushMeteringData", false, false, postGet),
	nest("ListServiceUsages", true, false, get),
	nest("ApproveServiceUsage", false, true, postGet),
	nest("RejectServiceUsage", false, true, postGet),
	nest("GetUploadCredentials", false, false, postGet),

	// STS: whose the credentials are. Production answers it at sts.aliyuncs.com; the sandbox
	// answers it for its own keys, so a served sandbox stands in for production whole.
	{Product: STSProduct, Name: "GetCallerIdentity", Version: STSVersion, Kind: Public, ReadOnly: true, Methods: postGet},
}

// Key is how an action is known: its product and its name.
func Key(product, name string) string { return product + "." + name }

// Key is the row's key (Key(a.Product, a.Name)).
func (a Action) Key() string { return Key(a.Product, a.Name) }

var index = sync.OnceValue(func() map[string]Action {
	m := make(map[string]Action, len(table))
	for _, a := range table {
		m[a.Key()] = a
	}
	return m
})

// Offer is what a target offers: the sandbox everything; a live endpoint the public actions,
// and the seller extension when it declares it (a profile's `extension: true`, MKT_EXTENSION).
type Offer struct {
	Sandbox   bool
	Extension bool
}

// Offers reports whether the target offers a.
func (o Offer) Offers(a Action) bool {
	switch a.Kind {
	case Public:
		return true
	case Extension:
		return o.Sandbox || o.Extension
	}
	return o.Sandbox
}

// Lookup returns the row of a Market action (APIProduct).
func Lookup(name string) (Action, bool) { return LookupIn(APIProduct, name) }

// LookupIn returns the row of an action of product ("" is APIProduct).
func LookupIn(product, name string) (Action, bool) {
	if product == "" {
		product = APIProduct
	}
	a, ok := index()[Key(product, name)]
	return a, ok
}

// ProductOfVersion is the API product a request's Version names: Market's public version and
// mkt's extension version are APIProduct's, NestVersion is NestProduct's, STSVersion STSProduct's.
func ProductOfVersion(version string) (string, bool) {
	switch version {
	case Version, ExtensionVersion:
		return APIProduct, true
	case NestVersion:
		return NestProduct, true
	case STSVersion:
		return STSProduct, true
	}
	return "", false
}

// All returns every row, by product and name.
func All() []Action {
	out := slices.Clone(table)
	sort.Slice(out, func(i, j int) bool { return out[i].Key() < out[j].Key() })
	return out
}

// OfKind returns the Market rows of one kind, by name.
func OfKind(k Kind) []Action { return OfProduct(APIProduct, k) }

// OfProduct returns the rows of one product and kind, by name.
func OfProduct(product string, k Kind) []Action {
	var out []Action
	for _, a := range All() {
		if a.Kind == k && a.Product == product {
			out = append(out, a)
		}
	}
	return out
}
