// Package agreement is `mkt product agreement template|set` (FAQ 三 Q3).
package agreement

import (
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/product/agreement/set"
	"github.com/mkt-cli/mkt/internal/cli/product/agreement/template"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// NewCmdAgreement builds `mkt product agreement`.
func NewCmdAgreement(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "agreement <command>",
		Short: "User agreements: start from a template, or upload your own",
		Long: `A product's user agreement comes from a template (import it, edit it) or from your
company's own agreement file (FAQ 三 Q3).`,
		Args: cobra.ArbitraryArgs,
		RunE: cmdutil.GroupRunE,
	}
	cmd.AddCommand(template.NewCmdTemplate(f), set.NewCmdSet(f))
	return cmd
}
