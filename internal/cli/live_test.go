package cli

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/build"
	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/cli/root"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/iostreams"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// TestEveryCommandAgainstProduction runs every leaf command against a stub that answers like
// production — the public Market actions and STS GetCallerIdentity, nothing else. Each command
// either works or exits 10 having sent no action that is not public; the stub's log is the
// proof. Commands that reach no endpoint at all are listed in local.
func TestEveryCommandAgainstProduction(t *testing.T) {
	stub, args, local, _ := everyCommand(t)
	for _, path := range leafCommands() {
		if _, ok := local[path]; ok {
			continue
		}
		a, ok := args[path]
		if !ok {
			t.Errorf("%s: no arguments in the table (add it to args, or to local with the reason)", path)
			continue
		}
		t.Run(strings.TrimPrefix(path, "mkt "), func(t *testing.T) {
			stub.Reset()
			env := stub.Env()
			env["MKT_CONFIG_DIR"], env["MKT_SANDBOX_DIR"], env["HOME"] = t.TempDir(), t.TempDir(), t.TempDir()
			r := run(t, env, "", false, append(strings.Fields(path)[1:], a...)...)
			for _, action := range stub.Received() {
				if action != "GetCallerIdentity" && !clitest.PublicAction(action) {
					t.Errorf("sent %s, which production does not offer", action)
				}
			}
			switch {
			case r.code == 0:
			case r.code == 10:
				if !strings.Contains(r.stderr, "Try: ") {
					t.Errorf("exit 10 without a next step: %s", r.stderr)
				}
			case strings.HasPrefix(path, "mkt sandbox ") && r.code == 2 && strings.Contains(r.stderr, "--sandbox"):
				// sandbox controls against a live target: refused, pointing at --sandbox
			default:
				t.Errorf("exit %d (want 0, or 10 with nothing sent):\nstdout %s\nstderr %s", r.code, r.stdout, r.stderr)
			}
		})
	}
}

// leafCommands are the paths of every runnable leaf command.
func leafCommands() []string {
	ios, _, _, _ := iostreams.Test()
	tree := root.NewCmdRoot(cmdutil.NewFactory(ios, func(string) string { return "" }), build.Info{})
	var leaves []string
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		if !c.HasSubCommands() && c.Runnable() && c.Name() != "help" {
			leaves = append(leaves, c.CommandPath())
		}
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	walk(tree)
	return leaves
}

// everyCommand seeds a stub with one of everything and returns it, the arguments that run each
// leaf command against it, and the commands that reach no marketplace endpoint.
func everyCommand(t *testing.T) (*clitest.ProdStub, map[string][]string, map[string]string, fixtureIDs) {
	stub := clitest.NewProdStub(t)
	ctx := context.Background()
	p := stub.ListedProduct(t, "Invoice Helper", "100")
	buy, err := stub.Seller.Simulate(ctx, "SandboxPurchase", market.BuyerEvent{Code: p.Code})
	if err != nil {
		t.Fatal(err)
	}
	req, err := stub.Seller.RequestInvoice(ctx, market.InvoiceRequest{Orders: []string{strconv.FormatInt(buy.OrderId, 10)}})
	if err != nil {
		t.Fatal(err)
	}
	req2, err := stub.Seller.RequestInvoice(ctx, market.InvoiceRequest{Orders: []string{strconv.FormatInt(buy.OrderId, 10)}})
	if err != nil {
		t.Fatal(err)
	}
	// A failed notification: an SPI product whose production URL answers nothing.
	name, mode, dead := "SPI", "spi", "http://127.0.0.1:1/spi"
	spiProduct, err := stub.Seller.CreateProduct(ctx, market.ProductInput{Type: "SAAS", Name: &name, DeliveryMode: &mode, ProductionUrl: &dead,
		Skus: []marketapi.SKU{{Name: "B", Price: "1"}}, ValidityPeriods: []string{"1m"}}, "")
	if err != nil {
		t.Fatal(err)
	}
	stub.Seller.SubmitProduct(ctx, spiProduct.Code, "review", "")
	stub.Seller.ReviewProduct(ctx, spiProduct.Code, "approve", "")
	spiBuy, err := stub.Seller.Simulate(ctx, "SandboxPurchase", market.BuyerEvent{Code: spiProduct.Code})
	if err != nil {
		t.Fatal(err)
	}
	// A delivery project: a service product with a two-step template, bought once.
	dt, err := stub.Seller.CreateDeliveryTemplate(ctx, "T", []marketapi.TemplateStep{{Name: "Deploy", OperatorRole: "Provider"},
		{Name: "Hand over", OperatorRole: "Provider", AllowRollback: true}}, "")
	if err != nil {
		t.Fatal(err)
	}
	svcName := "Service"
	svc, err := stub.Seller.CreateProduct(ctx, market.ProductInput{Type: "SERVICE", Name: &svcName, DeliveryTemplateId: &dt.TemplateId,
		Skus: []marketapi.SKU{{Name: "Std", Price: "1000"}}, ValidityPeriods: []string{"1y"}}, "")
	if err != nil {
		t.Fatal(err)
	}
	stub.Seller.SubmitProduct(ctx, svc.Code, "review", "")
	stub.Seller.ReviewProduct(ctx, svc.Code, "approve", "")
	svcBuy, err := stub.Seller.Simulate(ctx, "SandboxPurchase", market.BuyerEvent{Code: svc.Code})
	if err != nil {
		t.Fatal(err)
	}
	proj := strconv.FormatInt(svcBuy.InstanceId, 10)
	if _, err := stub.Seller.Distribute(ctx, p.Code, 30); err != nil {
		t.Fatal(err)
	}
	grant, err := stub.Seller.AuthorizeAccount(ctx, "", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	var failed string
	stub.Seller.ListFailedNotifications(ctx, func(ns []marketapi.Notification) bool { failed = ns[0].NotificationRequestId; return false })
	dir := t.TempDir()
	write := func(name, content string) string {
		path := filepath.Join(dir, name)
		os.WriteFile(path, []byte(content), 0o600)
		return path
	}
	listing := write("listing.yaml", "apiVersion: mkt/v1\nkind: Listing\nproducts:\n  - key: helper\n    code: "+p.Code+"\n    name: Invoice Helper\n    type: saas\n    delivery: license\n    activationUrl: https://isv.example.com/activate\n    validity: [1m, 1y]\n    skus:\n      - {name: Basic, price: \"100.00\"}\n")
	usage := write("usage.csv", "instance_id,start_time,end_time,key,value,metering_assit\n"+strconv.FormatInt(spiBuy.InstanceId, 10)+",1700000000,1700000600,Frequency,1,"+spiProduct.Code+"-Frequency-1\n")
	tpl := write("tpl.yaml", "name: T\nsteps:\n  - name: S\n")
	plan := write("plan.md", "## 商品上架时间点\n2027-01-15 上架 CRM 标准版\n\n## 商品对用户的价值\n帮助中小企业管理客户\n\n## 入驻后的运营动作\n每月一次线上直播\n\n## 年度营收目标\n500 万元\n")
	write("statement.png", "\x89PNG\r\n\x1a\n")
	ob := write("onboarding.yaml", "company: 杭州示例科技有限公司\ncreditCode: 91330100799655058B\ncontact: {name: 王五, mobile: \"13800138000\"}\nauthorization:\n  statement: statement.png\noperationPlan: plan.md\n")
	// More of each thing, for the commands that change what they are given (run on copies by
	// TestOutputContract): a draft, a bundle, an API product bought once, an order on credit.
	draftName, draftMode, act := "Draft", "license", "https://isv.example.com/activate"
	draft, err := stub.Seller.CreateProduct(ctx, market.ProductInput{Type: "SAAS", Name: &draftName, DeliveryMode: &draftMode, ActivationUrl: &act,
		Skus: []marketapi.SKU{{Name: "Basic", Price: "1"}}, ValidityPeriods: []string{"1m"}}, "")
	if err != nil {
		t.Fatal(err)
	}
	svcDraft, err := stub.Seller.CreateProduct(ctx, market.ProductInput{Type: "SERVICE", Name: &svcName,
		Skus: []marketapi.SKU{{Name: "Std", Price: "1000"}}, ValidityPeriods: []string{"1y"}}, "")
	if err != nil {
		t.Fatal(err)
	}
	bundle, err := stub.Seller.CreateBundle(ctx, market.BundleInput{Name: "Suite", Products: []string{p.Code, spiProduct.Code}, Discount: "10%"}, "")
	if err != nil {
		t.Fatal(err)
	}
	apiName, group, prefix := "Weather", "weather", "weather"
	api := clitest.ListOn(t, stub.Seller, market.ProductInput{Type: "API", Name: &apiName, ApiGroup: &group, ApiPrefix: &prefix,
		Skus: []marketapi.SKU{{Name: "Calls", Price: "50"}}, ValidityPeriods: []string{"1y"}})
	apiBuy, err := stub.Seller.Simulate(ctx, "SandboxPurchase", market.BuyerEvent{Code: api.Code})
	if err != nil {
		t.Fatal(err)
	}
	credit, err := stub.Seller.Simulate(ctx, "SandboxPurchase", market.BuyerEvent{Code: p.Code, PayMethod: "credit"})
	if err != nil {
		t.Fatal(err)
	}
	fixture := fixtureIDs{draft: draft.Code, serviceDraft: svcDraft.Code, bundle: bundle.BundleId, template: dt.TemplateId,
		api: api.Code, apiInstance: strconv.FormatInt(apiBuy.InstanceId, 10), creditOrder: strconv.FormatInt(credit.OrderId, 10),
		onboarding: ob, plan: plan, listed: p.Code, project: proj}
	inst, order, invoice := strconv.FormatInt(buy.InstanceId, 10), strconv.FormatInt(buy.OrderId, 10), req.Invoice.Id

	args := map[string][]string{
		"mkt api":                                 {"DescribeProduct", "Code=" + p.Code},
		"mkt apply":                               {"-f", listing},
		"mkt plan":                                {"-f", listing},
		"mkt export":                              {},
		"mkt auth status":                         {},
		"mkt bundle create":                       {"--name", "S", "--product", p.Code, "--product", "cmapi00000002", "--discount", "10%"},
		"mkt bundle delete":                       {bundle.BundleId, "--yes"},
		"mkt bundle get":                          {bundle.BundleId},
		"mkt bundle list":                         {},
		"mkt delivery template attach":            {"cmfw00000003", "401"},
		"mkt delivery project attachments":        {proj},
		"mkt delivery project finish":             {proj, "--remark", "deployed"},
		"mkt delivery project get":                {proj},
		"mkt delivery project list":               {},
		"mkt delivery project logs":               {proj},
		"mkt delivery project messages":           {proj},
		"mkt delivery project nodes":              {proj},
		"mkt delivery project pause":              {proj},
		"mkt delivery project resume":             {proj},
		"mkt delivery project rollback":           {proj, "--remark", "again"},
		"mkt delivery template create":            {"-f", tpl},
		"mkt delivery template list":              {},
		"mkt instance get":                        {inst},
		"mkt instance auto-renew":                 {inst, "--every", "1y"},
		"mkt instance list":                       {},
		"mkt invoice due":                         {},
		"mkt invoice issue":                       {invoice, "--number", "24332000000012345678", "--url", "https://isv.example.com/i.pdf"},
		"mkt invoice list":                        {},
		"mkt invoice refuse":                      {req2.Invoice.Id, "--reason", "wrong tax number"},
		"mkt license activate":                    {buy.LicenseCode},
		"mkt license get":                         {buy.LicenseCode},
		"mkt metering push":                       {"-f", usage},
		"mkt metering api":                        {},
		"mkt distribution list":                   {},
		"mkt distribution link":                   {p.Code},
		"mkt cross-account verify":                {grant.Token},
		"mkt notification confirm":                {failed},
		"mkt notification list":                   {},
		"mkt onboard status":                      {},
		"mkt onboard submit":                      {"-f", ob},
		"mkt order get":                           {order},
		"mkt order list":                          {},
		"mkt payment credit disable":              {},
		"mkt payment credit enable":               {},
		"mkt payment credit show":                 {},
		"mkt product agreement set":               {p.Code, "--template", "tpl-saas-zh"},
		"mkt product agreement template":          {},
		"mkt product create":                      {"--type", "saas", "--name", "X", "--delivery", "license", "--activation-url", "https://isv.example.com/a"},
		"mkt product delete":                      {p.Code, "--yes"},
		"mkt product delist":                      {p.Code, "--yes"},
		"mkt product edit":                        {p.Code, "--name", "Y"},
		"mkt product endpoint set":                {p.Code, "https://isv.example.com/spi"},
		"mkt product endpoint show":               {p.Code},
		"mkt product get":                         {p.Code},
		"mkt product list":                        {},
		"mkt product price":                       {p.Code, "--period", "1y"},
		"mkt product submit":                      {p.Code},
		"mkt product wait":                        {p.Code},
		"mkt product validity set":                {p.Code, "1m", "1y"},
		"mkt product validity show":               {p.Code},
		"mkt sandbox clock advance":               {"1d"},
		"mkt sandbox clock reset":                 {},
		"mkt sandbox clock show":                  {},
		"mkt sandbox release-prefix":              {"cmapi00000002"},
		"mkt sandbox distribute":                  {p.Code, "--commission", "30"},
		"mkt sandbox review onboarding":           {"--approve"},
		"mkt sandbox review product":              {p.Code, "--approve"},
		"mkt sandbox simulate delivery":           {proj, "--message", "hi"},
		"mkt sandbox simulate api-calls":          {inst, "--count", "1"},
		"mkt sandbox simulate authorize":          {"--buyer", "1234567890123456"},
		"mkt sandbox simulate expire":             {inst},
		"mkt sandbox simulate invoice-request":    {"--order", order},
		"mkt sandbox simulate purchase":           {p.Code},
		"mkt sandbox simulate refund":             {inst},
		"mkt sandbox simulate release":            {inst},
		"mkt sandbox simulate renew":              {inst},
		"mkt sandbox simulate repay":              {order},
		"mkt sandbox simulate settlement-failure": {"a@example.com"},
		"mkt sandbox simulate upgrade":            {inst, "--sku", "Basic"},
		"mkt settlement account set":              {"finance@example.com", "--name", "示例科技"},
		"mkt settlement account show":             {},
		"mkt settlement list":                     {},
		"mkt shop contacts set":                   {"--hotline", "400-123-4567"},
		"mkt shop edit":                           {"--name", "示例科技"},
		"mkt shop show":                           {},
		"mkt todo":                                {},
	}
	for k, v := range seedNest(t, stub, dir) {
		args[k] = v
	}
	// local: commands that reach no marketplace endpoint (their own files, the local
	// configuration, the SPI endpoint they are given, or the local sandbox's files).
	local := map[string]string{
		"mkt auth login": "stores a credential", "mkt auth logout": "removes one", "mkt auth reset-password": "opens a page",
		"mkt config get": "local settings", "mkt config list": "local settings", "mkt config set": "local settings",
		"mkt onboard plan check": "a local file", "mkt onboard init": "writes local files", "mkt product init": "prints a template", "mkt onboard plan init": "prints a template", "mkt onboard statement": "prints a statement",
		"mkt spi check": "calls the vendor's endpoint", "mkt spi listen": "serves locally", "mkt spi sign": "computes a token",
		"mkt spi trigger": "calls the vendor's endpoint", "mkt spi verify": "checks a token", "mkt spi key set": "stores a key",
		"mkt sandbox reset": "deletes local files", "mkt sandbox backup": "copies local files", "mkt sandbox restore": "replaces local files", "mkt sandbox serve": "serves the local sandbox", "mkt version": "prints the version",
		"mkt completion bash": "prints a script", "mkt completion zsh": "", "mkt completion fish": "", "mkt completion powershell": "",
	}
	return stub, args, local, fixture
}

// fixtureIDs are the things everyCommand made besides those in its tables.
type fixtureIDs struct {
	draft, serviceDraft, bundle, template, api, apiInstance, creditOrder string
	onboarding, plan, listed, project                                    string
}

// Live, product list and get read the public API: the caller's account from STS, its listed
// products from DescribeProducts, one product from DescribeProduct.
func TestProductReadsLive(t *testing.T) {
	stub := clitest.NewProdStub(t)
	p := stub.ListedProduct(t, "Invoice Helper", "100")
	env := stub.Env()
	env["MKT_CONFIG_DIR"], env["HOME"] = t.TempDir(), t.TempDir()
	r := run(t, env, "", false, "product", "list")
	if r.code != 0 || r.stdout == "" || !strings.HasPrefix(r.stdout, p.Code+"\tInvoice Helper\tsaas\tLISTED") {
		t.Errorf("list: %d %q %s", r.code, r.stdout, r.stderr)
	}
	if got := strings.Join(stub.Received(), " "); got != "GetCallerIdentity DescribeProducts" {
		t.Errorf("sent: %s", got)
	}
	r = run(t, env, "", false, "product", "get", p.Code, "-o", "json")
	if r.code != 0 || !strings.Contains(r.stdout, `"name": "Basic"`) || !strings.Contains(r.stdout, `"1y"`) {
		t.Errorf("get: %d %s %s", r.code, r.stdout, r.stderr)
	}
	// --type filters what the public API lists; a --status without "listed" asks for what the
	// public API cannot show, and is refused before anything is sent, not answered "none".
	if r = run(t, env, "", false, "product", "list", "--type", "api"); r.code != 0 || r.stdout != "" {
		t.Errorf("--type api: %d %q %s", r.code, r.stdout, r.stderr)
	}
	if r = run(t, env, "", false, "product", "list", "--type", "saas", "--status", "listed,draft"); r.code != 0 || !strings.HasPrefix(r.stdout, p.Code) {
		t.Errorf("--status listed,draft: %d %q %s", r.code, r.stdout, r.stderr)
	}
	stub.Reset()
	if r = run(t, env, "", false, "product", "list", "--status", "draft,reviewing"); r.code != 10 || r.stdout != "" ||
		!strings.Contains(r.stderr, "listed products only: it cannot list products in state DRAFT,REVIEWING; nothing was sent") {
		t.Errorf("--status draft: %d %q %s", r.code, r.stdout, r.stderr)
	}
	if got := stub.Received(); len(got) != 0 {
		t.Errorf("--status draft sent %v", got)
	}
	// Another account's products are not this seller's: the filter is the caller's account.
	env["MKT_STS_ENDPOINT"] = "http://127.0.0.1:1"
	if r = run(t, env, "", false, "product", "list"); r.code != 7 {
		t.Errorf("STS unreachable: exit %d %s", r.code, r.stderr)
	}
}

// Live, plan is a drift check: the manifest against the live listing, field by field where the
// public answer carries the field; --detailed-exitcode gives 9 on drift. apply changes nothing
// and exits 10 with the plan.
func TestPlanIsADriftCheckLive(t *testing.T) {
	stub := clitest.NewProdStub(t)
	p := stub.ListedProduct(t, "Invoice Helper", "100")
	dir := t.TempDir()
	write := func(price string) string {
		path := filepath.Join(dir, "listing-"+price+".yaml")
		os.WriteFile(path, []byte("apiVersion: mkt/v1\nkind: Listing\nproducts:\n  - key: helper\n    code: "+p.Code+
			"\n    name: Invoice Helper\n    type: saas\n    delivery: license\n    activationUrl: https://isv.example.com/activate\n    validity: [1m, 1y]\n    skus:\n      - {name: Basic, price: \""+price+"\"}\n"), 0o600)
		return path
	}
	env := stub.Env()
	env["MKT_CONFIG_DIR"], env["HOME"] = t.TempDir(), t.TempDir()
	r := run(t, env, "", false, "plan", "-f", write("100.00"), "--detailed-exitcode")
	if r.code != 0 || !strings.Contains(r.stdout, "in-sync\tproduct\thelper\t") {
		t.Errorf("no drift: %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	r = run(t, env, "", false, "plan", "-f", write("120.00"), "--detailed-exitcode")
	// Piped: the row on stdout, what to do in the seller console on stderr.
	if r.code != 9 || !strings.Contains(r.stdout, "drift\tproduct\thelper\t") || !strings.Contains(r.stderr, "price: 100.00 → 120.00") || !strings.Contains(r.stderr, "seller console") {
		t.Errorf("price drift: %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	stub.Reset()
	r = run(t, env, "", false, "apply", "-f", write("120.00"))
	if r.code != 10 || !strings.Contains(r.stderr, "price: 100.00 → 120.00") {
		t.Errorf("apply live: %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	for _, a := range stub.Received() {
		if row, ok := marketapi.Lookup(a); a != "GetCallerIdentity" && (!ok || !row.ReadOnly) {
			t.Errorf("apply sent %s", a)
		}
	}
	r = run(t, env, "", false, "export")
	if r.code != 0 || !strings.Contains(r.stdout, p.Code) {
		t.Errorf("export live: %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
}

// Live, todo with a manifest adds each listed product that drifted from it.
func TestTodoWithManifestLive(t *testing.T) {
	stub := clitest.NewProdStub(t)
	p := stub.ListedProduct(t, "Invoice Helper", "100")
	file := filepath.Join(t.TempDir(), "listing.yaml")
	os.WriteFile(file, []byte("apiVersion: mkt/v1\nkind: Listing\nproducts:\n  - key: helper\n    code: "+p.Code+"\n    name: Invoice Helper Pro\n    type: saas\n    delivery: license\n    activationUrl: https://isv.example.com/activate\n"), 0o600)
	env := stub.Env()
	env["MKT_CONFIG_DIR"], env["HOME"] = t.TempDir(), t.TempDir()
	r := run(t, env, "", false, "todo", "-f", file)
	want := "drift\tthe live product " + p.Code + " differs from the manifest in 1 field(s)\tchange it in the seller console, then mkt plan -f " + file + "\n"
	if r.code != 0 || !strings.Contains(r.stdout, want) {
		t.Errorf("%d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
}
