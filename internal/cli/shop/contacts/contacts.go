// Package contacts is `mkt shop contacts`.
package contacts

import (
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/shop/contacts/set"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// NewCmdContacts builds `mkt shop contacts`.
func NewCmdContacts(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "contacts <command>",
		Short: "The channels buyers use to reach you after a purchase (FAQ 四 Q5)",
		Args:  cobra.ArbitraryArgs,
		RunE:  cmdutil.GroupRunE,
	}
	cmd.AddCommand(set.NewCmdSet(f, nil))
	return cmd
}
