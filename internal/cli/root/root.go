// Package root builds mkt's root command and wires every noun under it.
package root

import (
	"github.com/mkt-cli/mkt/internal/cli/crossaccount"
	"github.com/mkt-cli/mkt/internal/cli/distribution"
	nestcmd "github.com/mkt-cli/mkt/internal/cli/nest"
	onboardcmd "github.com/mkt-cli/mkt/internal/cli/onboard"
	"github.com/mkt-cli/mkt/internal/cli/payment"
	"github.com/mkt-cli/mkt/internal/cli/settlement"
	"github.com/mkt-cli/mkt/internal/cli/shop"
	todocmd "github.com/mkt-cli/mkt/internal/cli/todo"
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/build"
	"github.com/mkt-cli/mkt/internal/cli/api"
	applycmd "github.com/mkt-cli/mkt/internal/cli/apply"
	"github.com/mkt-cli/mkt/internal/cli/auth"
	"github.com/mkt-cli/mkt/internal/cli/bundle"
	"github.com/mkt-cli/mkt/internal/cli/configcmd"
	"github.com/mkt-cli/mkt/internal/cli/delivery"
	exportcmd "github.com/mkt-cli/mkt/internal/cli/export"
	"github.com/mkt-cli/mkt/internal/cli/instance"
	invoicecmd "github.com/mkt-cli/mkt/internal/cli/invoice"
	"github.com/mkt-cli/mkt/internal/cli/license"
	meteringcmd "github.com/mkt-cli/mkt/internal/cli/metering"
	"github.com/mkt-cli/mkt/internal/cli/notification"
	"github.com/mkt-cli/mkt/internal/cli/order"
	plancmd "github.com/mkt-cli/mkt/internal/cli/plan"
	"github.com/mkt-cli/mkt/internal/cli/product"
	sandboxcmd "github.com/mkt-cli/mkt/internal/cli/sandbox"
	spicmd "github.com/mkt-cli/mkt/internal/cli/spi"
	"github.com/mkt-cli/mkt/internal/cli/version"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/i18n"
)

// NewCmdRoot builds the command tree. Building it reads no file and opens no connection.
func NewCmdRoot(f *cmdutil.Factory, info build.Info) *cobra.Command {
	g := f.Global
	cmd := &cobra.Command{
		Use:   "mkt <command> <subcommand> [flags]",
		Short: "Sell on Alibaba Cloud Marketplace from the command line",
		Long: `mkt is the command-line tool for software vendors (ISVs, 服务商) on Alibaba Cloud
Marketplace (阿里云云市场): onboarding, products, bundles, validity periods, production
endpoints, invoices and the SaaS production protocol (SPI), in a terminal, a script or a
release pipeline.

Every run talks to one of two targets and says which: live (Alibaba Cloud, with your
credentials: mkt auth login) or the sandbox (a local marketplace for rehearsals: --sandbox or
MKT_SANDBOX=1; also when no credentials are configured, except in CI). Alibaba Cloud has no
public API for most seller-console work: a command that needs it against a target that does not
offer it sends nothing and exits 10. 'mkt auth status' shows the target and why.`,
		Example: `  mkt todo                                   # what needs doing today
  mkt product create --type saas --name "Invoice Helper" --sku basic:99 --validity 1m,1y
  mkt invoice due                            # invoice requests and their 7-day deadlines
  mkt --sandbox apply -f listing.yaml        # listings as code, rehearsed
  mkt auth login --access-key-id LTAI… --access-key-secret-stdin < secret.txt`,
		Version:       info.String(),
		Args:          cobra.ArbitraryArgs,
		RunE:          cmdutil.GroupRunE,
		SilenceErrors: true,
		SilenceUsage:  true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if g.Output != "" {
				if err := cmdutil.ValidateOutput(g.Output); err != nil {
					return err
				}
			}
			if g.Lang != "" {
				if _, ok := i18n.ParseLang(g.Lang); !ok {
					return cmdutil.FlagError("error.lang.invalid", g.Lang)
				}
			}
			if err := checkFilterApplies(cmd, g); err != nil {
				return err
			}
			fl, err := cmdutil.ParseFilter(g.JQ, g.Template, g.Output)
			if err != nil {
				return err
			}
			g.Filter = fl
			if g.Timeout < 0 {
				return cmdutil.FlagError("error.timeout.invalid", g.Timeout.String())
			}
			f.IOStreams.SetNoColor(g.NoColor)
			return checkNeeds(f, cmd)
		},
	}
	cmd.SetVersionTemplate("{{.Version}}\n")
	cmd.SetFlagErrorFunc(cmdutil.FlagErrorFunc)
	cmd.InitDefaultCompletionCmd()

	pf := cmd.PersistentFlags()
	pf.StringVar(&g.Profile, "profile", "", "use this profile (env: MKT_PROFILE)")
	pf.StringVar(&g.Endpoint, "endpoint", "", "Market API endpoint: host name or URL (env: MKT_ENDPOINT)")
	pf.BoolVar(&g.Sandbox, "sandbox", false, "use the sandbox, whatever credentials exist (env: MKT_SANDBOX=1)")
	pf.StringVar(&g.Region, "region", "", "region ID, e.g. cn-hangzhou (env: MKT_REGION)")
	pf.StringVarP(&g.Output, "output", "o", "", "output format: table|json|yaml|csv|tsv (env: MKT_OUTPUT)")
	pf.StringVar(&g.JQ, "jq", "", "filter the JSON output with a jq expression, e.g. '.[].code' (strings print raw)")
	pf.StringVar(&g.Template, "template", "", "format the JSON output with a Go template, e.g. '{{range .}}{{.code}}{{\"\\n\"}}{{end}}'")
	pf.StringVar(&g.Lang, "lang", "", "message language: zh|en (env: MKT_LANG, then LANG)")
	pf.BoolVar(&g.NoColor, "no-color", false, "disable colour (also: NO_COLOR)")
	pf.BoolVar(&g.Debug, "debug", false, "print HTTP exchanges on stderr, secrets redacted")
	pf.BoolVarP(&g.Yes, "yes", "y", false, "answer yes to confirmations (needed without a terminal)")
	pf.DurationVar(&g.Timeout, "timeout", 0, "give up on a request after this long, e.g. 30s (0: default)")

	_ = cmd.RegisterFlagCompletionFunc("output", cobra.FixedCompletions(cmdutil.OutputFormats, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("lang", cobra.FixedCompletions([]string{"zh", "en"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("profile", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		file, err := f.Config()
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return file.ProfileNames(), cobra.ShellCompDirectiveNoFileComp
	})

	cmd.AddCommand(
		auth.NewCmdAuth(f),
		onboardcmd.NewCmdOnboard(f),
		todocmd.NewCmdTodo(f, nil),
		shop.NewCmdShop(f),
		settlement.NewCmdSettlement(f),
		payment.NewCmdPayment(f),
		configcmd.NewCmdConfig(f),
		product.NewCmdProduct(f),
		bundle.NewCmdBundle(f),
		nestcmd.NewCmdNest(f),
		delivery.NewCmdDelivery(f),
		spicmd.NewCmdSPI(f),
		applycmd.NewCmdApply(f, nil),
		plancmd.NewCmdPlan(f, nil),
		exportcmd.NewCmdExport(f, nil),
		invoicecmd.NewCmdInvoice(f),
		order.NewCmdOrder(f),
		instance.NewCmdInstance(f),
		license.NewCmdLicense(f),
		meteringcmd.NewCmdMetering(f),
		distribution.NewCmdDistribution(f),
		crossaccount.NewCmdCrossAccount(f),
		notification.NewCmdNotification(f),
		api.NewCmdAPI(f, nil),
		sandboxcmd.NewCmdSandbox(f),
		version.NewCmdVersion(f, info, nil),
		newExitCodesTopic(),
		newEnvironmentTopic(),
	)
	cmd.SetHelpCommand(newHelpCmd(cmd))
	groupCommands(f, cmd)
	declareNeeds(cmd)
	return cmd
}
