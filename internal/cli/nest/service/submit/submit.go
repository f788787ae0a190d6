// Package submit is `mkt nest service submit`.
package submit

import (
	"context"
	"regexp"
	"time"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/nest/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/exitcode"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/rules"
)

var artifactIDs = regexp.MustCompile(`artifact-[0-9a-z]{6,40}`)

// Options are the inputs of `mkt nest service submit`.
type Options struct {
	Factory *cmdutil.Factory
	ID      string
	Wait    bool
	Timeout time.Duration
}

// NewCmdSubmit builds `mkt nest service submit`.
func NewCmdSubmit(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "submit <service-id>",
		Short: "Send a service's draft version to review",
		Long: `Send the draft version to review (RegisterService). Every artifact its deploy metadata names
must be released and available; one still being scanned is waited for first. With --wait,
follow the review: exit 0 when approved, 8 when rejected (the reason is printed), 11 when still
in review at --wait-timeout.`,
		Example: `  mkt nest service submit service-0e6fca6a51a54420
  mkt nest service submit service-0e6fca6a51a54420 --wait --wait-timeout 2h`,
		Args: cmdutil.ExactArgs(1, "<service-id>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = args[0]
			if err := shared.CheckServiceID(opts.ID); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return submitRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Wait, "wait", false, "wait for the review's answer")
	cmd.Flags().DurationVar(&opts.Timeout, "wait-timeout", shared.DefaultWaitTimeout, "give up waiting after this long, e.g. 2h")
	return cmd
}

func submitRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	client, err := f.Client()
	if err != nil {
		return err
	}
	cur, err := client.GetService(ctx, opts.ID, "draft")
	if err != nil {
		return err
	}
	// Review refuses artifacts still being scanned: wait for them first.
	for _, id := range artifactIDs.FindAllString(cur.DeployMetadata, -1) {
		if _, err := shared.WaitArtifact(ctx, client, id, opts.Timeout); err != nil {
			return err
		}
	}
	if _, err := client.ServiceStep(ctx, "RegisterService", opts.ID, "", ""); err != nil {
		return err
	}
	f.Success("nest.service.submitted", opts.ID, cur.Version)
	s, err := client.GetService(ctx, opts.ID, cur.Version)
	if err != nil {
		return err
	}
	if opts.Wait {
		if s, err = shared.WaitService(ctx, f, client, opts.ID, cur.Version, opts.Timeout, rules.NestSubmitted); err != nil {
			return err
		}
	}
	if err := shared.PrintService(f, s); err != nil {
		return err
	}
	if opts.Wait && s.Status == rules.NestDraft {
		return &cmdutil.Error{Kind: exitcode.Outcome, Msg: i18n.M("nest.rejected", opts.ID, cur.Version, s.StatusDetail), Remedy: i18n.M("remedy.nest.rejected")}
	}
	return nil
}
