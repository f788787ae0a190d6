// Package create is `mkt nest service create`.
package create

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/nest/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// Options are the inputs of `mkt nest service create`.
type Options struct {
	Factory        *cmdutil.Factory
	From           string
	DeployType     string
	Name           string
	NameEN         string
	Summary        string
	DeployMetadata string
	ServiceType    string
	ShareType      string
	Approval       string
	TrialDays      int
}

// NewCmdCreate builds `mkt nest service create`.
func NewCmdCreate(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "create",
		Short: "Create a service, or a new draft version of one (--from)",
		Long: `Create a Compute Nest service: version 1, Draft. With --from, a new draft version of an
existing service, copied from its newest version — the way to change a service whose online
version is locked. A whole service is easier kept in a file: mkt nest apply.`,
		Example: `  mkt nest service create --deploy-type ros --name 示例服务 --deploy-metadata @deploy.json
  mkt nest service create --from service-0e6fca6a51a54420`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := check(opts); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return createRun(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.From, "from", "", "draft a new version of this service")
	fl.StringVar(&opts.DeployType, "deploy-type", "", "ros, terraform, spi, operation, container…")
	fl.StringVar(&opts.Name, "name", "", "the service's name (zh-CN)")
	fl.StringVar(&opts.NameEN, "name-en", "", "its name in English (en-US)")
	fl.StringVar(&opts.Summary, "short-description", "", "one line about it")
	fl.StringVar(&opts.DeployMetadata, "deploy-metadata", "", "the deploy metadata: JSON, or @file")
	fl.StringVar(&opts.ServiceType, "service-type", "private", "private, managed, operation or poc")
	fl.StringVar(&opts.ShareType, "share-type", "Public", "Public, Restricted, Hidden…")
	fl.StringVar(&opts.Approval, "approval", "Manual", "how buyers' usage requests are answered: Manual or AutoPass")
	fl.IntVar(&opts.TrialDays, "trial-days", 0, "trial length in days (0: no trial)")
	return cmd
}

func check(opts *Options) error {
	if opts.From != "" {
		return shared.CheckServiceID(opts.From)
	}
	var probs []error
	if opts.DeployType == "" {
		probs = append(probs, cmdutil.FlagError("nest.flag.required", "--deploy-type"))
	}
	if opts.Name == "" {
		probs = append(probs, cmdutil.FlagError("nest.flag.required", "--name"))
	}
	if opts.DeployMetadata != "" {
		v, err := shared.JSONArg("--deploy-metadata", opts.DeployMetadata)
		if err != nil {
			probs = append(probs, err)
		}
		opts.DeployMetadata = v
	}
	return cmdutil.Join(probs, "flags.problems")
}

func createRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	client, err := f.Client()
	if err != nil {
		return err
	}
	if opts.From != "" {
		c, err := client.NewServiceVersion(ctx, opts.From, "")
		if err != nil {
			return err
		}
		f.Success("nest.service.drafted", c.ServiceId, c.Version)
		return f.Print(c, nil)
	}
	spec := market.NestSpec{DeployType: opts.DeployType, DeployMetadata: opts.DeployMetadata, ServiceType: opts.ServiceType,
		ShareType: opts.ShareType, ApprovalType: opts.Approval, TrialDuration: int64(opts.TrialDays) * 86400,
		ServiceInfos: []marketapi.NestServiceInfo{{Locale: "zh-CN", Name: opts.Name, ShortDescription: opts.Summary}}}
	if opts.NameEN != "" {
		spec.ServiceInfos = append(spec.ServiceInfos, marketapi.NestServiceInfo{Locale: "en-US", Name: opts.NameEN, ShortDescription: opts.Summary})
	}
	c, err := client.CreateService(ctx, "", spec, market.ContentToken("nest-service", opts.Name, spec))
	if err != nil {
		return err
	}
	f.Success("nest.service.created", c.ServiceId, c.Version)
	return f.Print(c, nil)
}
