// Package license is `mkt license`: license codes of license-mode SaaS products.
package license

import (
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/license/activate"
	"github.com/mkt-cli/mkt/internal/cli/license/get"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// NewCmdLicense builds `mkt license`.
func NewCmdLicense(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "license <command>",
		Short: "License codes: look one up, activate it (DescribeLicense, ActivateLicense)",
		Long: `For license-mode SaaS products, the buyer enters the marketplace's license code on
your activation page; your backend looks it up (DescribeLicense) and activates it
(ActivateLicense) with the buyer's aliyunUid.`,
		Args: cobra.ArbitraryArgs,
		RunE: cmdutil.GroupRunE,
	}
	cmd.AddCommand(get.NewCmdGet(f, nil), activate.NewCmdActivate(f, nil))
	return cmd
}
