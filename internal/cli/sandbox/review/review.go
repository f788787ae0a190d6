// Package review is `mkt sandbox review` and `mkt sandbox release-prefix`: the marketplace
// operations team and the API Gateway console, played in the sandbox.
package review

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/product/shared"
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
	var approve, reject bool
	var reason string
	product := &cobra.Command{
		Use:   "product <product-code> (--approve | --reject --reason <text>)",
		Short: "Approve a product in review, or reject one in testing, review or on sale",
		Long: `Approve a product in review (it is listed), or reject a product in testing, in review
or listed (it goes back to the seller with the reason, and its production URL can change
again: FAQ 三 Q1).`,
		Example: `  mkt sandbox review product cmgj10000001 --approve
  mkt sandbox review product cmgj10000001 --reject --reason "SPI answers too slowly"`,
		Args: cmdutil.ExactArgs(1, "<product-code>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			code := args[0]
			if err := cmdutil.CheckProductCode(code); err != nil {
				return err
			}
			decision, err := decide(cmd, approve, reject, reason)
			if err != nil {
				return err
			}
			client, err := f.SandboxClient()
			if err != nil {
				return err
			}
			p, err := client.ReviewProduct(cmd.Context(), code, decision, reason)
			if err != nil {
				return err
			}
			f.Success("review.done", p.Code, p.Status)
			return shared.PrintCode(f, p)
		},
	}
	product.Flags().BoolVar(&approve, "approve", false, "approve: the product is listed")
	product.Flags().BoolVar(&reject, "reject", false, "reject: the product goes back to the seller")
	product.Flags().StringVar(&reason, "reason", "", "why (required to reject; the seller sees it)")
	cmd.AddCommand(product, newOnboarding(f))
	return cmd
}

func newOnboarding(f *cmdutil.Factory) *cobra.Command {
	var approve, reject bool
	var reason string
	cmd := &cobra.Command{
		Use:   "onboarding (--approve | --reject --reason <text>)",
		Short: "Approve or reject the onboarding application in review",
		Long: `Decide on the seller's onboarding application (入驻申请) in review: approve it, or reject
it with a reason the seller sees in 'mkt onboard status' and 'mkt todo'.`,
		Example: `  mkt sandbox review onboarding --approve
  mkt sandbox review onboarding --reject --reason "运营计划缺少推广渠道"`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			decision, err := decide(cmd, approve, reject, reason)
			if err != nil {
				return err
			}
			client, err := f.SandboxClient()
			if err != nil {
				return err
			}
			a, err := client.ReviewOnboarding(cmd.Context(), decision, reason)
			if err != nil {
				return err
			}
			f.Success("review.onboarding.done", a.ApplicationId, a.Status)
			return f.Print(a, func() error {
				_, err := fmt.Fprintln(f.IOStreams.Out, a.ApplicationId)
				return err
			})
		},
	}
	cmd.Flags().BoolVar(&approve, "approve", false, "approve: the seller may sell")
	cmd.Flags().BoolVar(&reject, "reject", false, "reject: the application goes back to the seller")
	cmd.Flags().StringVar(&reason, "reason", "", "why (required to reject; the seller sees it)")
	return cmd
}

// decide reads --approve / --reject --reason into the action's Decision.
func decide(cmd *cobra.Command, approve, reject bool, reason string) (string, error) {
	if approve == reject {
		return "", cmdutil.FlagError("review.decision").WithRemedy("remedy.help", cmd.CommandPath())
	}
	if !reject {
		return "approve", nil
	}
	if strings.TrimSpace(reason) == "" {
		return "", cmdutil.FlagError("review.reason")
	}
	return "reject", nil
}

// NewCmdReleasePrefix builds `mkt sandbox release-prefix`.
func NewCmdReleasePrefix(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "release-prefix <api-product-code>",
		Short: "Release an API product's bound gateway prefix (the API Gateway console step)",
		Long: `An API product's name is bound to its gateway group prefix once published, and renaming
it is refused (FAQ 三 Q4). The remedy is to delete the API list entry in the API Gateway
console and republish; this command plays that console step in the sandbox, so the
remedy can be rehearsed end to end.`,
		Example: `  mkt sandbox release-prefix cmapi10000002
  mkt product edit cmapi10000002 --name "Weather API v2"`,
		Args: cmdutil.ExactArgs(1, "<api-product-code>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := cmdutil.CheckProductCode(args[0]); err != nil {
				return err
			}
			client, err := f.SandboxClient()
			if err != nil {
				return err
			}
			p, err := client.ReleaseAPIPrefix(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			f.Success("review.released", p.Code, p.ApiPrefix)
			return shared.PrintCode(f, p)
		},
	}
}
