// Package nest is `mkt nest`: Compute Nest (计算巢) services, the products whose life cycle has
// a public API.
package nest

import (
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/nest/apply"
	artifactcreate "github.com/mkt-cli/mkt/internal/cli/nest/artifact/create"
	artifactdelete "github.com/mkt-cli/mkt/internal/cli/nest/artifact/deletecmd"
	artifactget "github.com/mkt-cli/mkt/internal/cli/nest/artifact/get"
	artifactlist "github.com/mkt-cli/mkt/internal/cli/nest/artifact/list"
	"github.com/mkt-cli/mkt/internal/cli/nest/artifact/release"
	instanceget "github.com/mkt-cli/mkt/internal/cli/nest/instance/get"
	instancelist "github.com/mkt-cli/mkt/internal/cli/nest/instance/list"
	"github.com/mkt-cli/mkt/internal/cli/nest/instance/meter"
	"github.com/mkt-cli/mkt/internal/cli/nest/plan"
	servicecreate "github.com/mkt-cli/mkt/internal/cli/nest/service/create"
	servicedelete "github.com/mkt-cli/mkt/internal/cli/nest/service/deletecmd"
	serviceget "github.com/mkt-cli/mkt/internal/cli/nest/service/get"
	"github.com/mkt-cli/mkt/internal/cli/nest/service/launch"
	servicelist "github.com/mkt-cli/mkt/internal/cli/nest/service/list"
	"github.com/mkt-cli/mkt/internal/cli/nest/service/submit"
	"github.com/mkt-cli/mkt/internal/cli/nest/service/update"
	"github.com/mkt-cli/mkt/internal/cli/nest/service/versions"
	"github.com/mkt-cli/mkt/internal/cli/nest/service/withdraw"
	"github.com/mkt-cli/mkt/internal/cli/nest/usage/answer"
	usagelist "github.com/mkt-cli/mkt/internal/cli/nest/usage/list"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// NewCmdNest builds `mkt nest`.
func NewCmdNest(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "nest <command>",
		Short: "Compute Nest services: create, version, review and launch them (public API)",
		Long: `Products delivered through Compute Nest (计算巢) are services with versions, and artifacts
(ECS images, files). Unlike the rest of the seller console, this has a public API
(ComputeNestSupplier): every nest command works against the real marketplace with your
credentials, and against the sandbox.

A version goes Draft → Submitted (review) → Approved → Launching → Online; an online version
is locked, and a change goes into a new draft version. Keep a service in computenest-cli's
file (.computenest/config.yaml) and use mkt nest plan and mkt nest apply.`,
		Args: cobra.ArbitraryArgs,
		RunE: cmdutil.GroupRunE,
	}
	service := group("service <command>", "Your services and their versions")
	service.AddCommand(servicelist.NewCmdList(f, nil), serviceget.NewCmdGet(f, nil), versions.NewCmdVersions(f, nil),
		servicecreate.NewCmdCreate(f, nil), update.NewCmdUpdate(f, nil), submit.NewCmdSubmit(f, nil),
		withdraw.NewCmdWithdraw(f, nil), launch.NewCmdLaunch(f, nil), servicedelete.NewCmdDelete(f, nil))
	artifact := group("artifact <command>", "Artifacts: ECS images and files your services deploy")
	artifact.AddCommand(artifactlist.NewCmdList(f, nil), artifactget.NewCmdGet(f, nil), artifactcreate.NewCmdCreate(f, nil),
		release.NewCmdRelease(f, nil), artifactdelete.NewCmdDelete(f, nil))
	instance := group("instance <command>", "Service instances your buyers deployed")
	instance.AddCommand(instancelist.NewCmdList(f, nil), instanceget.NewCmdGet(f, nil), meter.NewCmdMeter(f, nil))
	usage := group("usage <command>", "Buyers' requests to use restricted services")
	usage.AddCommand(usagelist.NewCmdList(f, nil), answer.NewCmdApprove(f, nil), answer.NewCmdReject(f, nil))
	cmd.AddCommand(plan.NewCmdPlan(f, nil), apply.NewCmdApply(f, nil), service, artifact, instance, usage)
	return cmd
}

func group(use, short string) *cobra.Command {
	return &cobra.Command{Use: use, Short: short, Args: cobra.ArbitraryArgs, RunE: cmdutil.GroupRunE}
}
