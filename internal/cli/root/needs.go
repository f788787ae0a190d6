package root

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// needs are the marketplace actions each command sends, whatever the target, for the commands
// that have no way to work without them: against a target that does not offer one (the real
// marketplace offers no seller-console action) the command sends nothing and exits 10. The
// client refuses such an action too, as a last guard; commands that adapt to a live target
// (product list, plan, todo…) are not listed here.
var needs = map[string][]string{
	"mkt onboard submit":             {"UploadFile", "DescribeOnboarding", "SubmitOnboarding"},
	"mkt onboard status":             {"DescribeOnboarding"},
	"mkt shop show":                  {"DescribeShop"},
	"mkt shop edit":                  {"UploadFile", "ModifyShop"},
	"mkt shop contacts set":          {"ModifyShopContacts"},
	"mkt settlement account set":     {"DescribeSettlementAccount", "ModifySettlementAccount"},
	"mkt settlement account show":    {"DescribeSettlementAccount"},
	"mkt settlement list":            {"DescribeSettlements"},
	"mkt payment credit show":        {"DescribeCreditPayment"},
	"mkt payment credit enable":      {"ModifyCreditPayment"},
	"mkt payment credit disable":     {"ModifyCreditPayment"},
	"mkt product create":             {"CreateProduct"},
	"mkt product edit":               {"ModifyProduct"},
	"mkt product delete":             {"DescribeProductsForIsv", "DeleteProduct"},
	"mkt product submit":             {"SubmitProduct"},
	"mkt product delist":             {"DescribeProductsForIsv", "DelistProduct"},
	"mkt product endpoint show":      {"DescribeProductsForIsv"},
	"mkt product endpoint set":       {"ModifyProductionUrl"},
	"mkt product validity set":       {"ModifyProductValidity"},
	"mkt product agreement template": {"DescribeAgreementTemplates"},
	"mkt product agreement set":      {"ModifyProductAgreement"},
	"mkt bundle create":              {"CreateProductBundle"},
	"mkt bundle list":                {"DescribeProductBundles"},
	"mkt bundle get":                 {"DescribeProductBundles"},
	"mkt bundle delete":              {"DescribeProductBundles", "DeleteProductBundle"},
	"mkt delivery template create":   {"CreateDeliveryTemplate"},
	"mkt delivery template list":     {"DescribeDeliveryTemplates"},
	"mkt delivery template attach":   {"AttachDeliveryTemplate"},
}

const needsKey = "mkt/needs"

// declareNeeds records each command's needs on it, for checkNeeds.
func declareNeeds(root *cobra.Command) {
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		if n, ok := needs[c.CommandPath()]; ok {
			if c.Annotations == nil {
				c.Annotations = map[string]string{}
			}
			c.Annotations[needsKey] = strings.Join(n, ",")
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// checkNeeds refuses, before anything is sent, a command that needs an action the target does
// not offer.
func checkNeeds(f *cmdutil.Factory, cmd *cobra.Command) error {
	list := cmd.Annotations[needsKey]
	if list == "" {
		return nil
	}
	res, err := f.Resolved()
	if err != nil {
		return err
	}
	offer := marketapi.Offer{Sandbox: res.Sandbox(), Extension: res.Extension}
	for _, name := range strings.Split(list, ",") {
		if row, ok := marketapi.Lookup(name); ok && !offer.Offers(row) {
			return cmdutil.CommandNotOfferedError(cmd.CommandPath(), name)
		}
	}
	return nil
}

// newExitCodesTopic is `mkt help exit-codes`.
func newExitCodesTopic() *cobra.Command {
	return &cobra.Command{
		Use:   "exit-codes",
		Short: "What mkt's exit codes mean",
		Long: `mkt's exit codes, for scripts and pipelines (the same table is in README.md):

  0    success, also an empty list
  1    unclassified failure
  2    usage: bad flag, argument or input file
  3    a marketplace rule refused the operation (Forbidden.*, a rule's InvalidParameter.*)
  4    authentication: missing or rejected credentials; also a credential variable set but
       empty, and CI without credentials or --sandbox
  5    not found
  6    conflict: idempotency mismatch, state changed under us
  7    the marketplace is unreachable or failing after retries
  8    finished, but the outcome is a failure (a product rejected, a check failed)
  9    mkt plan --detailed-exitcode: the plan has changes; mkt todo --exit-code: something
       is outstanding
  10   not offered by this endpoint: the command needs seller-console work that the target
       does not offer (Alibaba Cloud has no public API for it); nothing was sent
  11   apply --wait, product wait: a product still in review at --wait-timeout (not rejected: reviews
       take days; --wait-pending=ok makes it 0)
  130  interrupted`,
	}
}

// newEnvironmentTopic is `mkt help environment`.
func newEnvironmentTopic() *cobra.Command {
	return &cobra.Command{
		Use:   "environment",
		Short: "The environment variables mkt reads",
		Long: `The environment variables mkt reads. A flag wins over its variable; a variable wins over
the profile in the configuration file (precedence: README.md, Configuration).

Credentials and target
  MKT_ACCESS_KEY_ID, MKT_ACCESS_KEY_SECRET, MKT_SECURITY_TOKEN
                      the AccessKey pair (and STS token) to sign with
  ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET, ALIBABA_CLOUD_SECURITY_TOKEN
                      the same, under the names Alibaba Cloud's SDKs use
  ALIBABA_CLOUD_PROFILE, ALIBABA_CLOUD_CONFIG_FILE, ALIBABA_CLOUD_IGNORE_PROFILE,
  ALIBABA_CLOUD_CLI_PROFILE_DISABLED
                      which aliyun CLI profile to borrow, or none
  ALIBABA_CLOUD_REGION_ID, MKT_REGION
                      the region (--region)
  MKT_PROFILE         the mkt profile (--profile)
  MKT_ENDPOINT        the Market API endpoint (--endpoint)
  MKT_STS_ENDPOINT    where "who am I" (GetCallerIdentity) is asked
  MKT_EXTENSION       1: the endpoint implements mkt's seller extension
  MKT_SANDBOX         1: always the sandbox (--sandbox)
  CI                  set by CI services: no credentials is an error (exit 4), not the sandbox

Files
  MKT_CONFIG_DIR      the configuration directory (default $XDG_CONFIG_HOME/mkt)
  MKT_SANDBOX_DIR     the sandbox's state (default $XDG_DATA_HOME/mkt/sandbox)
  XDG_CONFIG_HOME, XDG_DATA_HOME, XDG_CACHE_HOME
                      the bases of the above (~/.config, ~/.local/share, ~/.cache); crash
                      reports go to $XDG_CACHE_HOME/mkt
  MKT_SPI_KEY         the ISV key for SPI tokens (mkt spi key set stores it instead)

Output
  MKT_OUTPUT          table, json, yaml, csv or tsv (-o); the contract: docs/output.md
  MKT_LANG            zh or en (--lang); else LC_ALL, LC_MESSAGES, LANG
  NO_COLOR            no colour (--no-color)
  MKT_FORCE_TTY       1: print for a terminal even in a pipe

Notifications (mkt invoice due --notify)
  MKT_NOTIFY_URL      the chat robot's or webhook's URL (it holds the robot's token)
  MKT_NOTIFY_SECRET   a DingTalk 加签 or Feishu signature secret

Diagnostics
  MKT_CPUPROFILE      write a CPU profile of the run to this file
  GOGC                the Go collector's target (mkt sets 400 for short runs unless set)`,
	}
}
