// Package launch is `mkt nest service launch`.
package launch

import (
	"context"
	"time"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/nest/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/rules"
)

// Options are the inputs of `mkt nest service launch`.
type Options struct {
	Factory *cmdutil.Factory
	ID      string
	Version string
	Beta    bool
	Wait    bool
	Timeout time.Duration
}

// NewCmdLaunch builds `mkt nest service launch`.
func NewCmdLaunch(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "launch <service-id>",
		Short: "Publish an approved version (or pre-release it with --beta)",
		Long: `Publish an approved (or beta) version: it is Launching, then Online, and the version it
replaces goes Offline. --beta pre-releases an approved version instead (Beta). --wait follows
the launch until the version is online (exit 11 if it is not at --wait-timeout).`,
		Example: `  mkt nest service launch service-0e6fca6a51a54420 --wait
  mkt nest service launch service-0e6fca6a51a54420 --beta`,
		Args: cmdutil.ExactArgs(1, "<service-id>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = args[0]
			if err := shared.CheckServiceID(opts.ID); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return launchRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Version, "version", "", "the version (default: the approved or beta one)")
	cmd.Flags().BoolVar(&opts.Beta, "beta", false, "pre-release (Beta) instead of publishing")
	cmd.Flags().BoolVar(&opts.Wait, "wait", false, "wait until the version is online")
	cmd.Flags().DurationVar(&opts.Timeout, "wait-timeout", shared.DefaultWaitTimeout, "give up waiting after this long, e.g. 10m")
	return cmd
}

func launchRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	client, err := f.Client()
	if err != nil {
		return err
	}
	list, err := client.ListServices(ctx, map[string][]string{"ServiceId": {opts.ID}}, true)
	if err != nil {
		return err
	}
	step, action := rules.NestLaunch, "LaunchService"
	if opts.Beta {
		step, action = rules.NestPreLaunch, "PreLaunchService"
	}
	v, ok := rules.NestVersionFor(step, opts.Version, shared.Versions(list))
	if !ok {
		_, err := client.GetService(ctx, opts.ID, opts.Version)
		return err
	}
	version, status := v.Version, v.Status
	if viol := rules.NestStepRefused(step, opts.ID, version, status); viol != nil {
		return cmdutil.RuleViolation(viol)
	}
	if _, err := client.ServiceStep(ctx, action, opts.ID, version, ""); err != nil {
		return err
	}
	s, err := client.GetService(ctx, opts.ID, version)
	if err != nil {
		return err
	}
	f.Success("nest.service.launched", opts.ID, version, f.EnumBeside(i18n.EnumNestStatus, s.Status))
	if opts.Wait && !opts.Beta {
		if s, err = shared.WaitService(ctx, f, client, opts.ID, version, opts.Timeout, rules.NestLaunching); err != nil {
			return err
		}
	}
	return shared.PrintService(f, s)
}
