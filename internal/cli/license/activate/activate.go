// Package activate is `mkt license activate`.
package activate

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// Options are the inputs of `mkt license activate`.
type Options struct {
	Factory        *cmdutil.Factory
	Code           string
	Identification string
}

// NewCmdActivate builds `mkt license activate`; runF replaces the run in tests.
func NewCmdActivate(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:     "activate <license-code> [--identification <buyer-uid>]",
		Short:   "Activate a license code",
		Example: "  mkt license activate ABCDEFGHIJKLMN-ABCDEFGH_… --identification 1234567890123456",
		Args:    cmdutil.ExactArgs(1, "<license-code>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Code = args[0]
			if runF != nil {
				return runF(opts)
			}
			return activateRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Identification, "identification", "", "the buyer's aliyunUid")
	return cmd
}

func activateRun(ctx context.Context, opts *Options) error {
	client, err := opts.Factory.Client()
	if err != nil {
		return err
	}
	if err := client.ActivateLicense(ctx, opts.Code, opts.Identification); err != nil {
		return err
	}
	opts.Factory.Success("license.activated")
	return nil
}
