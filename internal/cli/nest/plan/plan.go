// Package plan is `mkt nest plan`.
package plan

import (
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/nest/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// NewCmdPlan builds `mkt nest plan`.
func NewCmdPlan(f *cmdutil.Factory, runF func(*shared.ConfigOptions) error) *cobra.Command {
	opts := &shared.ConfigOptions{Factory: f, DryRun: true}
	cmd := &cobra.Command{
		Use:   "plan [-f .computenest/config.yaml]",
		Short: "Show what 'mkt nest apply' would change in a Compute Nest service",
		Long: `Read computenest-cli's config (.computenest/config.yaml: Service and Artifact, as it is) and
show the difference from the service's draft version: files to upload, artifacts to create or
version anew, the fields that change. When the service has no draft and its newest version is
online (locked), the plan says a new draft version will be made. Nothing is sent.

A broken config is refused whole — every problem with its line — exit 2.`,
		Example: `  mkt nest plan
  mkt nest plan -f .computenest/config.yaml --parameters params.yaml --detailed-exitcode`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return shared.RunConfig(cmd.Context(), opts)
		},
	}
	shared.ConfigFlags(cmd, opts)
	cmd.Flags().BoolVar(&opts.DetailedExitcode, "detailed-exitcode", false, "exit 9 when the plan has changes")
	return cmd
}
