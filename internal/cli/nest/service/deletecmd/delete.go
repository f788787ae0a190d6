// Package deletecmd is `mkt nest service delete`.
package deletecmd

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/nest/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/rules"
)

// Options are the inputs of `mkt nest service delete`.
type Options struct {
	Factory *cmdutil.Factory
	ID      string
	Version string
}

// NewCmdDelete builds `mkt nest service delete`.
func NewCmdDelete(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "delete <service-id> --version <n>",
		Short: "Delete a version of a service (asks first; --yes in scripts)",
		Long: `Delete one version of a service: a Draft, Approved or Offline one. An online version is
withdrawn first (mkt nest service withdraw); one in review is taken back first.`,
		Example: `  mkt nest service delete service-0e6fca6a51a54420 --version 2
  mkt nest service delete service-0e6fca6a51a54420 --version 1 --yes`,
		Args: cmdutil.ExactArgs(1, "<service-id>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = args[0]
			if err := shared.CheckServiceID(opts.ID); err != nil {
				return err
			}
			if opts.Version == "" {
				return cmdutil.FlagError("nest.flag.required", "--version")
			}
			if runF != nil {
				return runF(opts)
			}
			return deleteRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Version, "version", "", "the version to delete")
	return cmd
}

func deleteRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	client, err := f.Client()
	if err != nil {
		return err
	}
	s, err := client.GetService(ctx, opts.ID, opts.Version)
	if err != nil {
		return err
	}
	if v := rules.NestStepRefused(rules.NestDelete, s.ServiceId, s.Version, s.Status); v != nil {
		return cmdutil.RuleViolation(v)
	}
	if err := f.Confirm(f.T("nest.service.delete.ask", s.ServiceId, s.Version, shared.Name(f, s.ServiceInfos), i18n.E(i18n.EnumNestStatus, s.Status))); err != nil {
		return err
	}
	if _, err := client.ServiceStep(ctx, "DeleteService", s.ServiceId, s.Version, ""); err != nil {
		return err
	}
	f.Success("nest.service.deleted", s.ServiceId, s.Version)
	return f.Print(map[string]string{"serviceId": s.ServiceId, "version": s.Version, "status": "Deleted"}, nil)
}
