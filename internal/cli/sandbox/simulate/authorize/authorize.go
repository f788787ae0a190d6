// Package authorize is `mkt sandbox simulate authorize`.
package authorize

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// NewCmdAuthorize builds `mkt sandbox simulate authorize`.
func NewCmdAuthorize(f *cmdutil.Factory) *cobra.Command {
	var uid, name string
	var roles []string
	cmd := &cobra.Command{
		Use:   "authorize [--buyer UID] [--name NAME] [--role ROLE]...",
		Short: "A buyer grants you roles in their account; prints the token you receive",
		Example: `  mkt sandbox simulate authorize --buyer 1234567890123456 --role VendorCrossAccountXIAOYUNACCESSSMSRole
  mkt cross-account verify "$(mkt sandbox simulate authorize)"`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			client, err := f.SandboxClient()
			if err != nil {
				return err
			}
			out, err := client.AuthorizeAccount(cmd.Context(), uid, name, roles)
			if err != nil {
				return err
			}
			f.Success("simulate.authorize.done", out.AliUid)
			return f.Print(out, func() error {
				_, err := fmt.Fprintln(f.IOStreams.Out, out.Token)
				return err
			})
		},
	}
	cmd.Flags().StringVar(&uid, "buyer", "", "the buyer's account ID (default: made up)")
	cmd.Flags().StringVar(&name, "name", "", "the buyer's account name")
	cmd.Flags().StringArrayVar(&roles, "role", nil, "a role granted (repeatable; default VendorCrossAccountXIAOYUNACCESSSMSRole)")
	return cmd
}
