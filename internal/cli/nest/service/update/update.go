// Package update is `mkt nest service update`.
package update

import (
	"context"
	"net/url"
	"strconv"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/mkt-cli/mkt/internal/cli/nest/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/rules"
)

// Options are the inputs of `mkt nest service update`.
type Options struct {
	Factory        *cmdutil.Factory
	ID             string
	Version        string
	DeployMetadata string
	Endpoint       string
	TrialDays      int
	ShareType      string
	Approval       string
	set            map[string]bool
}

// NewCmdUpdate builds `mkt nest service update`.
func NewCmdUpdate(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "update <service-id>",
		Short: "Change a service's draft version (an online version is locked)",
		Long: `Change a service's draft version: its deploy metadata, an SPI service's endpoint, the trial,
who may buy it. Only a Draft version changes. An online (or approved, or offline) version is
locked, as a listed Marketplace product's production URL is: the change is refused before
anything is sent (exit 3) — draft a new version first (mkt nest service create --from, or
mkt nest apply, which does it for you).

--endpoint writes the SPI endpoint into the deploy metadata's Endpoint key; a service whose
metadata keeps it elsewhere sets the whole metadata with --deploy-metadata.`,
		Example: `  mkt nest service update service-0e6fca6a51a54420 --endpoint https://isv.example.com/spi
  mkt nest service update service-0e6fca6a51a54420 --deploy-metadata @deploy.json --trial-days 7`,
		Args: cmdutil.ExactArgs(1, "<service-id>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = args[0]
			opts.set = map[string]bool{}
			cmd.Flags().Visit(func(fl *pflag.Flag) { opts.set[fl.Name] = true })
			if err := check(opts); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return updateRun(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Version, "version", "", "the version (default: the draft)")
	fl.StringVar(&opts.DeployMetadata, "deploy-metadata", "", "the whole deploy metadata: JSON, or @file")
	fl.StringVar(&opts.Endpoint, "endpoint", "", "an SPI service's endpoint (https)")
	fl.IntVar(&opts.TrialDays, "trial-days", 0, "trial length in days (0: no trial)")
	fl.StringVar(&opts.ShareType, "share-type", "", "Public, Restricted, Hidden…")
	fl.StringVar(&opts.Approval, "approval", "", "Manual or AutoPass")
	return cmd
}

func check(opts *Options) error {
	probs := []error{}
	if err := shared.CheckServiceID(opts.ID); err != nil {
		probs = append(probs, err)
	}
	if opts.DeployMetadata != "" {
		v, err := shared.JSONArg("--deploy-metadata", opts.DeployMetadata)
		if err != nil {
			probs = append(probs, err)
		}
		opts.DeployMetadata = v
	}
	if opts.Endpoint != "" {
		if v := rules.CheckURL("production URL", opts.Endpoint); v != nil {
			probs = append(probs, cmdutil.RuleViolation(v))
		}
	}
	if len(opts.set) == 0 || (len(opts.set) == 1 && opts.set["version"]) {
		probs = append(probs, cmdutil.FlagError("nest.update.nothing"))
	}
	return cmdutil.Join(probs, "flags.problems")
}

func updateRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	client, err := f.Client()
	if err != nil {
		return err
	}
	version := opts.Version
	if version == "" {
		version = "draft"
		list, err := client.ListServices(ctx, map[string][]string{"ServiceId": {opts.ID}}, true)
		if err != nil {
			return err
		}
		hasDraft := false
		newest := 0
		for _, v := range list {
			hasDraft = hasDraft || v.Status == rules.NestDraft
			if n, _ := strconv.Atoi(v.Version); n > newest {
				newest = n
			}
		}
		if !hasDraft && newest > 0 {
			version = strconv.Itoa(newest)
		}
	}
	if version == "draft" {
		version = ""
	}
	// Look first: a locked version is refused here, before anything is sent.
	cur, err := client.GetService(ctx, opts.ID, draftOr(version))
	if err != nil {
		return err
	}
	if v := rules.NestStepRefused(rules.NestUpdate, cur.ServiceId, cur.Version, cur.Status); v != nil {
		return cmdutil.RuleViolation(v)
	}
	params := url.Values{}
	meta := cur.DeployMetadata
	if opts.set["deploy-metadata"] {
		meta = opts.DeployMetadata
	}
	if opts.set["endpoint"] {
		if meta, err = shared.SetEndpoint(meta, opts.Endpoint); err != nil {
			return err
		}
	}
	if opts.set["deploy-metadata"] || opts.set["endpoint"] {
		params.Set("DeployMetadata", meta)
	}
	if opts.set["trial-days"] {
		params.Set("TrialDuration", strconv.Itoa(opts.TrialDays*86400))
	}
	if opts.set["share-type"] {
		params.Set("ShareType", opts.ShareType)
	}
	if opts.set["approval"] {
		params.Set("ApprovalType", opts.Approval)
	}
	if err := client.UpdateService(ctx, cur.ServiceId, cur.Version, params, ""); err != nil {
		return err
	}
	f.Success("nest.service.updated", cur.ServiceId, cur.Version)
	s, err := client.GetService(ctx, cur.ServiceId, cur.Version)
	if err != nil {
		return err
	}
	return shared.PrintService(f, s)
}

func draftOr(v string) string {
	if v == "" {
		return "draft"
	}
	return v
}
