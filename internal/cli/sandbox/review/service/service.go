// Package service is `mkt sandbox review service`.
package service

import (
	"github.com/spf13/cobra"

	nestshared "github.com/mkt-cli/mkt/internal/cli/nest/shared"
	reviewshared "github.com/mkt-cli/mkt/internal/cli/sandbox/review/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/i18n"
)

// NewCmdService builds `mkt sandbox review service`.
func NewCmdService(f *cmdutil.Factory) *cobra.Command {
	var approve, reject bool
	var reason string
	cmd := &cobra.Command{
		Use:   "service <service-id> (--approve | --reject --reason <text>)",
		Short: "Approve or reject a Compute Nest service version in review",
		Long: `Answer the review of a service's submitted version: approved, it can be launched; rejected,
it is a draft again with the reason in its status detail.`,
		Example: `  mkt sandbox review service service-0e6fca6a51a54420 --approve
  mkt sandbox review service service-0e6fca6a51a54420 --reject --reason "the template has no outputs"`,
		Args: cmdutil.ExactArgs(1, "<service-id>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := nestshared.CheckServiceID(args[0]); err != nil {
				return err
			}
			decision, err := reviewshared.Decide(cmd, approve, reject, reason)
			if err != nil {
				return err
			}
			client, err := f.SandboxClient()
			if err != nil {
				return err
			}
			s, err := client.ReviewService(cmd.Context(), args[0], decision == "approve", reason)
			if err != nil {
				return err
			}
			if decision == "approve" {
				f.Success("nest.review.done", s.ServiceId, s.Version, i18n.E(i18n.EnumNestStatus, s.Status))
			} else {
				f.Success("nest.review.rejected", s.ServiceId, s.Version, reason)
			}
			return nestshared.PrintService(f, s)
		},
	}
	cmd.Flags().BoolVar(&approve, "approve", false, "approve: the version can be launched")
	cmd.Flags().BoolVar(&reject, "reject", false, "reject: the version is a draft again")
	cmd.Flags().StringVar(&reason, "reason", "", "why (required to reject; the vendor sees it)")
	return cmd
}
