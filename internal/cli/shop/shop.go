// Package shop is `mkt shop`: the shop page buyers see and the contacts they use.
package shop

import (
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/shop/contacts"
	"github.com/mkt-cli/mkt/internal/cli/shop/edit"
	"github.com/mkt-cli/mkt/internal/cli/shop/show"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// NewCmdShop builds `mkt shop`.
func NewCmdShop(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "shop <command>",
		Short: "Your shop page (店铺装修) and the contacts buyers use after a purchase",
		Long: `The shop page buyers see (店铺装修, FAQ 二 Q1: name, logo, banner, introduction) and the
channels they use to reach you after a purchase (FAQ 四 Q5: 旺旺, a 400/800 hotline or a
landline, a ticket system).`,
		Args: cobra.ArbitraryArgs,
		RunE: cmdutil.GroupRunE,
	}
	cmd.AddCommand(show.NewCmdShow(f, nil), edit.NewCmdEdit(f, nil), contacts.NewCmdContacts(f))
	return cmd
}
