// Package review is `mkt sandbox review`: the marketplace operations team, played in the
// sandbox.
package review

import (
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/sandbox/review/onboarding"
	"github.com/mkt-cli/mkt/internal/cli/sandbox/review/product"
	"github.com/mkt-cli/mkt/internal/cli/sandbox/review/service"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// NewCmdReview builds `mkt sandbox review`.
func NewCmdReview(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "review <command>",
		Short: "Play the marketplace operations team (运营小二)",
		Args:  cobra.ArbitraryArgs,
		RunE:  cmdutil.GroupRunE,
	}
	cmd.AddCommand(product.NewCmdProduct(f), onboarding.NewCmdOnboarding(f), service.NewCmdService(f))
	return cmd
}
