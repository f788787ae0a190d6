// Package plan is `mkt plan`: `mkt apply --dry-run`.
package plan

import (
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/listing"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// NewCmdPlan builds `mkt plan`: `mkt apply --dry-run`.
func NewCmdPlan(f *cmdutil.Factory, runF func(*listing.Options) error) *cobra.Command {
	opts := &listing.Options{Factory: f, DryRun: true, Parallel: 1}
	cmd := &cobra.Command{
		Use:   "plan -f <listing.yaml>",
		Short: "Show what 'mkt apply' would change (mkt apply --dry-run)",
		Example: `  mkt plan -f listing.yaml
  mkt plan -f listing.yaml --detailed-exitcode -o json`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.File == "" {
				return cmdutil.FlagError("apply.file.missing").WithRemedy("remedy.help", cmd.CommandPath())
			}
			if runF != nil {
				return runF(opts)
			}
			return listing.Run(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVarP(&opts.File, "file", "f", "", "the manifest (- for standard input)")
	cmd.Flags().BoolVar(&opts.DetailedExitcode, "detailed-exitcode", false, "exit 9 when the plan has changes")
	return cmd
}
