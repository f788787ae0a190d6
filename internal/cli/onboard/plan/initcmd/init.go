// Package initcmd is `mkt onboard plan init` (init is a reserved name in Go).
package initcmd

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/onboard"
)

// NewCmdInit builds `mkt onboard plan init`.
func NewCmdInit(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "init",
		Short: "Print an operation-plan template with the four parts the marketplace asks for",
		Long: `Print a Markdown operation plan with the four parts of FAQ 一 Q3 — the time points for
listing products, the value the products give users, the operation actions after onboarding,
and the annual revenue target — each with a hint (an HTML comment) of what to write. The
headings follow --lang.`,
		Example: `  mkt onboard plan init > plan.md
  mkt onboard plan init --lang en > plan.md`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := io.WriteString(f.IOStreams.Out, onboard.Template(f.Lang()))
			return err
		},
	}
}
