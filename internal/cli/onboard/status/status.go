// Package status is `mkt onboard status`.
package status

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// NewCmdStatus builds `mkt onboard status`.
func NewCmdStatus(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "status",
		Short: "Show the onboarding application's review state and the reviewer's comments",
		Example: `  mkt onboard status
  mkt onboard status -o json`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			client, err := f.Client()
			if err != nil {
				return err
			}
			a, err := client.Onboarding(cmd.Context())
			if err != nil {
				return err
			}
			return printStatus(f, a)
		},
	}
}

func printStatus(f *cmdutil.Factory, a marketapi.OnboardingApplication) error {
	return f.Print(a, func() error {
		if a.Status == marketapi.OnboardingNone {
			_, err := fmt.Fprintln(f.IOStreams.Out, f.T("onboard.none"))
			return err
		}
		kv := f.IOStreams.NewKeyValue()
		kv.Add(f.T("field.onboard.application"), a.ApplicationId)
		kv.Add(f.T("field.onboard.status"), f.EnumBeside(i18n.EnumOnboarding, a.Status))
		kv.Add(f.T("field.onboard.company"), a.CompanyName)
		kv.Add(f.T("field.onboard.creditcode"), a.CreditCode)
		kv.Add(f.T("field.onboard.authorization"), a.AuthorizationType)
		kv.AddTime(f.T("field.onboard.submitted"), parseTime(a.SubmitTime))
		if a.AuditTime != "" {
			kv.AddTime(f.T("field.onboard.reviewed"), parseTime(a.AuditTime))
		}
		if a.AuditMessage != "" {
			kv.Add(f.T("field.onboard.comments"), a.AuditMessage)
		}
		return kv.Render()
	})
}

func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339, s)
	return t
}
