// Package product is `mkt product`.
package product

import (
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/product/agreement"
	"github.com/mkt-cli/mkt/internal/cli/product/create"
	deletecmd "github.com/mkt-cli/mkt/internal/cli/product/delete"
	"github.com/mkt-cli/mkt/internal/cli/product/delist"
	"github.com/mkt-cli/mkt/internal/cli/product/edit"
	"github.com/mkt-cli/mkt/internal/cli/product/endpoint"
	"github.com/mkt-cli/mkt/internal/cli/product/get"
	productinit "github.com/mkt-cli/mkt/internal/cli/product/initcmd"
	"github.com/mkt-cli/mkt/internal/cli/product/list"
	"github.com/mkt-cli/mkt/internal/cli/product/price"
	"github.com/mkt-cli/mkt/internal/cli/product/submit"
	"github.com/mkt-cli/mkt/internal/cli/product/validity"
	"github.com/mkt-cli/mkt/internal/cli/product/wait"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// NewCmdProduct builds `mkt product`.
func NewCmdProduct(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "product <command>",
		Short: "Create, submit, list and change your products",
		Long: `Products of four types: SaaS (cmgj…), API (cmapi…), image (cmjj…) and service (cmfw…).

A product goes DRAFT → TESTING → REVIEWING → LISTED; operations may reject it
(REJECTED) from testing, review or sale; a listed product is delisted (DELISTED) or, for
images, deleted. Each refusal names the current state and the steps allowed from it.`,
		Args: cobra.ArbitraryArgs,
		RunE: cmdutil.GroupRunE,
	}
	cmd.AddCommand(
		productinit.NewCmdInit(f),
		create.NewCmdCreate(f, nil),
		list.NewCmdList(f, nil),
		get.NewCmdGet(f, nil),
		price.NewCmdPrice(f, nil),
		edit.NewCmdEdit(f, nil),
		deletecmd.NewCmdDelete(f, nil),
		submit.NewCmdSubmit(f, nil),
		wait.NewCmdWait(f, nil),
		delist.NewCmdDelist(f, nil),
		endpoint.NewCmdEndpoint(f),
		validity.NewCmdValidity(f),
		agreement.NewCmdAgreement(f),
	)
	return cmd
}
