// Package withdraw is `mkt nest service withdraw`.
package withdraw

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/nest/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/rules"
)

// Options are the inputs of `mkt nest service withdraw`.
type Options struct {
	Factory *cmdutil.Factory
	ID      string
	Version string
}

// NewCmdWithdraw builds `mkt nest service withdraw`.
func NewCmdWithdraw(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "withdraw <service-id>",
		Short: "Take a version back from review, or offline",
		Long: `Take a version back: one in review returns to Draft (CancelServiceRegistration); an online or
beta version goes Offline (WithdrawService) and buyers can no longer deploy it. Without
--version, the version in review, else the online one.`,
		Example: `  mkt nest service withdraw service-0e6fca6a51a54420
  mkt nest service withdraw service-0e6fca6a51a54420 --version 1`,
		Args: cmdutil.ExactArgs(1, "<service-id>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = args[0]
			if err := shared.CheckServiceID(opts.ID); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return withdrawRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Version, "version", "", "the version (default: the one in review, else the online one)")
	return cmd
}

func withdrawRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	client, err := f.Client()
	if err != nil {
		return err
	}
	list, err := client.ListServices(ctx, map[string][]string{"ServiceId": {opts.ID}}, true)
	if err != nil {
		return err
	}
	v, ok := rules.NestVersionFor(rules.NestWithdraw, opts.Version, shared.Versions(list))
	if !ok {
		_, err := client.GetService(ctx, opts.ID, opts.Version)
		return err
	}
	if v.Status == rules.NestSubmitted {
		full, err := client.GetService(ctx, opts.ID, v.Version)
		if err != nil {
			return err
		}
		if err := client.CancelServiceRegistration(ctx, full.RegistrationId, ""); err != nil {
			return err
		}
	} else {
		if viol := rules.NestStepRefused(rules.NestWithdraw, opts.ID, v.Version, v.Status); viol != nil {
			return cmdutil.RuleViolation(viol)
		}
		if _, err := client.ServiceStep(ctx, "WithdrawService", opts.ID, v.Version, ""); err != nil {
			return err
		}
	}
	s, err := client.GetService(ctx, opts.ID, v.Version)
	if err != nil {
		return err
	}
	f.Success("nest.service.withdrawn", opts.ID, v.Version, f.EnumBeside(i18n.EnumNestStatus, s.Status))
	return shared.PrintService(f, s)
}
