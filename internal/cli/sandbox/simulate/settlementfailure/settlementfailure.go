// Package settlementfailure is `mkt sandbox simulate settlement-failure`.
package settlementfailure

import (
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// NewCmdSettlementFailure builds `mkt sandbox simulate settlement-failure`.
func NewCmdSettlementFailure(f *cmdutil.Factory) *cobra.Command {
	var reason string
	cmd := &cobra.Command{
		Use:   "settlement-failure <alipay-account> [--reason …]",
		Short: "Make verification of a settlement account fail, to rehearse the failure path",
		Long: `Tell the sandbox that an Alipay account is wrong: binding it with 'mkt settlement account
set' then fails verification with the reason (FAQ 二 Q2), and 'mkt todo' lists it.`,
		Example: `  mkt sandbox simulate settlement-failure finance@example.com --reason "账号与企业名称不一致"`,
		Args:    cmdutil.ExactArgs(1, "<alipay-account>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			client, err := f.SandboxClient()
			if err != nil {
				return err
			}
			if err := client.FailSettlementAccount(cmd.Context(), args[0], reason); err != nil {
				return err
			}
			f.Success("simulate.acctfail", args[0], reason)
			return nil
		},
	}
	cmd.Flags().StringVar(&reason, "reason", "", "the reason verification gives")
	return cmd
}
