// Package apply is `mkt nest apply`.
package apply

import (
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/nest/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// NewCmdApply builds `mkt nest apply`.
func NewCmdApply(f *cmdutil.Factory, runF func(*shared.ConfigOptions) error) *cobra.Command {
	opts := &shared.ConfigOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "apply [-f .computenest/config.yaml]",
		Short: "Make a Compute Nest service what its config says (computenest-cli's file)",
		Long: `Apply computenest-cli's config: upload the files it names (templates, icons, artifact files)
through Compute Nest's upload credentials, create or version its artifacts and release them,
then create the service, update its draft version, or — when the online version is locked —
draft a new version. --submit sends the draft to review; --launch publishes an approved
version; --wait follows each until it settles (exit 8 rejected, 11 still pending).

Every change carries a ClientToken derived from what it sends, and every run starts from what
the target holds: a run that was cut short converges when run again, creating nothing twice.`,
		Example: `  mkt nest apply
  mkt nest apply -f .computenest/config.yaml --submit
  mkt nest apply --launch --wait`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return shared.RunConfig(cmd.Context(), opts)
		},
	}
	shared.ConfigFlags(cmd, opts)
	cmd.Flags().BoolVar(&opts.Submit, "submit", false, "send the draft version to review")
	cmd.Flags().BoolVar(&opts.Launch, "launch", false, "publish the approved version")
	cmd.Flags().BoolVar(&opts.Wait, "wait", false, "wait for the review and the launch")
	cmd.Flags().DurationVar(&opts.Timeout, "wait-timeout", shared.DefaultWaitTimeout, "give up waiting after this long, e.g. 2h")
	return cmd
}
