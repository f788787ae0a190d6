// Package initcmd is `mkt product init` (init is a reserved name in Go).
package initcmd

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/manifest"
	"github.com/mkt-cli/mkt/internal/rules"
)

// NewCmdInit builds `mkt product init`.
func NewCmdInit(f *cmdutil.Factory) *cobra.Command {
	var typ string
	cmd := &cobra.Command{
		Use:   "init --type saas|api|image|service",
		Short: "Print a product file to fill in, every field with its rule",
		Long: `Print a product file (YAML, for 'mkt product create -f') for a product of the given type:
every field that type uses, empty, with the rule it must meet as a comment — the name's
length, the periods buyers can order, the production URL's lock (FAQ 三 Q1), the API
prefix's binding (FAQ 三 Q4) — in --lang.`,
		Example: `  mkt product init --type saas > product.yaml
  mkt product create -f product.yaml`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			t, ok := rules.ParseType(typ)
			if !ok {
				return cmdutil.FlagError("product.type.invalid", typ)
			}
			_, err := io.WriteString(f.IOStreams.Out, manifest.ProductTemplate(t, f.Lang()))
			return err
		},
	}
	cmd.Flags().StringVar(&typ, "type", "", "saas, api, image or service")
	_ = cmd.RegisterFlagCompletionFunc("type", cobra.FixedCompletions([]string{"saas", "api", "image", "service"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}
