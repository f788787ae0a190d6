// Package onboard is `mkt onboard`: the onboarding materials (FAQ 一) — the operation plan,
// the API-data authorization statement.
package onboard

import (
	onboardinit "github.com/mkt-cli/mkt/internal/cli/onboard/initcmd"
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/onboard/plan/check"
	"github.com/mkt-cli/mkt/internal/cli/onboard/plan/initcmd"
	"github.com/mkt-cli/mkt/internal/cli/onboard/statement"
	"github.com/mkt-cli/mkt/internal/cli/onboard/status"
	"github.com/mkt-cli/mkt/internal/cli/onboard/submit"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// NewCmdOnboard builds `mkt onboard`.
func NewCmdOnboard(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "onboard <command>",
		Short: "Onboarding materials (入驻): the operation plan and the API-data authorization",
		Long: `The marketplace's onboarding application (入驻申请) asks for an operation plan (运营计划,
FAQ 一 Q3) and, for API products, an API-data authorization (FAQ 一 Q2): a statement that the
APIs and data are your own (signed and sealed), or a 增值电信业务经营许可证.

'plan init', 'plan check' and 'statement' work on local files and need no account;
'submit' uploads the materials and submits the application, 'status' shows its review.`,
		Args: cobra.ArbitraryArgs,
		RunE: cmdutil.GroupRunE,
	}
	plan := &cobra.Command{
		Use:   "plan <command>",
		Short: "Write and check the operation plan (运营计划, FAQ 一 Q3)",
		Args:  cobra.ArbitraryArgs,
		RunE:  cmdutil.GroupRunE,
	}
	plan.AddCommand(initcmd.NewCmdInit(f), check.NewCmdCheck(f))
	cmd.AddCommand(onboardinit.NewCmdInit(f, nil), plan, statement.NewCmdStatement(f), submit.NewCmdSubmit(f), status.NewCmdStatus(f))
	return cmd
}
