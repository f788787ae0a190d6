// Package onboarding is `mkt sandbox review onboarding`.
package onboarding

import (
	"fmt"

	"github.com/spf13/cobra"

	reviewshared "github.com/mkt-cli/mkt/internal/cli/sandbox/review/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/i18n"
)

// NewCmdOnboarding builds `mkt sandbox review onboarding`.
func NewCmdOnboarding(f *cmdutil.Factory) *cobra.Command {
	var approve, reject bool
	var reason string
	cmd := &cobra.Command{
		Use:   "onboarding (--approve | --reject --reason <text>)",
		Short: "Approve or reject the onboarding application in review",
		Long: `Decide on the seller's onboarding application (入驻申请) in review: approve it, or reject
it with a reason the seller sees in 'mkt onboard status' and 'mkt todo'.`,
		Example: `  mkt sandbox review onboarding --approve
  mkt sandbox review onboarding --reject --reason "运营计划缺少推广渠道"`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			decision, err := reviewshared.Decide(cmd, approve, reject, reason)
			if err != nil {
				return err
			}
			client, err := f.SandboxClient()
			if err != nil {
				return err
			}
			a, err := client.ReviewOnboarding(cmd.Context(), decision, reason)
			if err != nil {
				return err
			}
			f.Success("review.onboarding.done", a.ApplicationId, i18n.E(i18n.EnumOnboarding, a.Status))
			return f.Print(a, func() error {
				_, err := fmt.Fprintln(f.IOStreams.Out, a.ApplicationId)
				return err
			})
		},
	}
	cmd.Flags().BoolVar(&approve, "approve", false, "approve: the seller may sell")
	cmd.Flags().BoolVar(&reject, "reject", false, "reject: the application goes back to the seller")
	cmd.Flags().StringVar(&reason, "reason", "", "why (required to reject; the seller sees it)")
	return cmd
}
