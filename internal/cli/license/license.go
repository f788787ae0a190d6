// Package license is `mkt license`: license-code activation (授权码激活).
package license

import (
	"github.com/spf13/cobra"

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
	get := &cobra.Command{
		Use:     "get <license-code>",
		Short:   "Show a license code's state, product and buyer",
		Example: "  mkt license get ABCDEFGHIJKLMN-ABCDEFGH_… -o json",
		Args:    cmdutil.ExactArgs(1, "<license-code>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			client, err := f.Client()
			if err != nil {
				return err
			}
			l, err := client.GetLicense(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			return f.Print(l, func() error {
				ios := f.IOStreams
				st := ios.Styles()
				t := ios.NewTable()
				for _, kv := range [][2]string{{"Status", l.LicenseStatus}, {"Instance", l.InstanceId}, {"Product", l.ProductCode + " " + l.ProductName},
					{"SKU", l.ProductSkuId}, {"Created", l.CreateTime}, {"Expires", l.ExpiredTime}, {"Activated", l.ActivateTime}} {
					if kv[1] == "" {
						continue
					}
					t.AddStyledField(kv[0], st.Bold)
					t.AddField(kv[1])
					t.EndRow()
				}
				return t.Render()
			})
		},
	}
	var ident string
	activate := &cobra.Command{
		Use:     "activate <license-code> [--identification <buyer-uid>]",
		Short:   "Activate a license code",
		Example: "  mkt license activate ABCDEFGHIJKLMN-ABCDEFGH_… --identification 1234567890123456",
		Args:    cmdutil.ExactArgs(1, "<license-code>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			client, err := f.Client()
			if err != nil {
				return err
			}
			if err := client.ActivateLicense(cmd.Context(), args[0], ident); err != nil {
				return err
			}
			f.Success("license.activated")
			return nil
		},
	}
	activate.Flags().StringVar(&ident, "identification", "", "the buyer's aliyunUid")
	cmd.AddCommand(get, activate)
	return cmd
}
