// Package apply is `mkt apply`.
package apply

import (
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/listing"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/manifest"
)

// NewCmdApply builds `mkt apply`.
func NewCmdApply(f *cmdutil.Factory, runF func(*listing.Options) error) *cobra.Command {
	opts := &listing.Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "apply -f <listing.yaml>",
		Short: "Make the marketplace match a listing manifest: plan, apply, submit, wait",
		Long: `Make your listings match a manifest (apiVersion mkt/v1, kind Listing): products, the
bundles that use them, and optionally the shop's name, introduction and contacts. The file is checked against every marketplace rule first — all
problems at once, exit 2, nothing sent. Then mkt compares it with the marketplace and
applies the difference: products (up to --parallel at a time), then bundles, then the shop.

Products are matched by code when the manifest gives one, else by their manifest key,
which mkt records on the product. Only the fields the manifest sets are managed. Creates
and submissions carry a ClientToken derived from the entry and its content, so a rerun
after a crash or a kill converges without duplicates. A change the marketplace's rules forbid now
(a production URL on a listed product: FAQ 三 Q1) is "blocked": skipped and reported with
its remedy; the others still apply.

--submit sends to review what the run changed, and drafts or rejected products an earlier
run left unsent; --wait then polls (with backoff) until each is listed or rejected, saying
on stderr at least every 30 s what it waits for, and stops at --wait-timeout to the second.
Reviews take days: a product still in review then is not a failure of the product, and has
its own exit code (11), or success with --wait-pending=ok for pipelines that only submit.
Exit codes: 0 all applied; 2 bad manifest; 3 something blocked; 8 a product rejected;
11 a product still in review at --wait-timeout; others as usual.
--dry-run (or 'mkt plan') only shows the plan; with --detailed-exitcode it exits 9 when
there are changes. Strings may use ${VAR} from the environment; a missing one is an error.`,
		Example: `  mkt apply -f listing.yaml --dry-run
  mkt apply -f listing.yaml
  PRODUCTION_URL=https://isv.example.com/spi mkt apply -f listing.yaml --submit --wait --wait-timeout 30m
  mkt apply -f listing.yaml --submit --wait --wait-timeout 10m --wait-pending=ok   # submit, report, do not wait days
  mkt apply --schema > listing.schema.json`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Schema {
				_, err := io.WriteString(f.IOStreams.Out, manifest.Schema)
				return err
			}
			if opts.File == "" {
				return cmdutil.FlagError("apply.file.missing").WithRemedy("remedy.help", cmd.CommandPath())
			}
			if opts.Wait && !opts.Submit {
				return cmdutil.FlagError("apply.wait.submit")
			}
			if opts.WaitPending != "fail" && opts.WaitPending != "ok" {
				return cmdutil.FlagError("apply.wait.pending", opts.WaitPending)
			}
			if opts.Parallel < 1 || opts.Parallel > 32 {
				return cmdutil.FlagError("apply.parallel", opts.Parallel)
			}
			if runF != nil {
				return runF(opts)
			}
			return listing.Run(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVarP(&opts.File, "file", "f", "", "the manifest (- for standard input)")
	cmd.Flags().BoolVar(&opts.DryRun, "dry-run", false, "show the plan, change nothing")
	cmd.Flags().BoolVar(&opts.DetailedExitcode, "detailed-exitcode", false, "with --dry-run: exit 9 when the plan has changes")
	cmd.Flags().IntVar(&opts.Parallel, "parallel", 4, "product changes at a time (1–32)")
	cmd.Flags().BoolVar(&opts.Submit, "submit", false, "send to review the products this run changed, and drafts or rejected ones left unsent")
	cmd.Flags().BoolVar(&opts.Wait, "wait", false, "with --submit: wait until each is listed or rejected")
	cmd.Flags().DurationVar(&opts.WaitTimeout, "wait-timeout", 30*time.Minute, "with --wait: give up after this long")
	cmd.Flags().StringVar(&opts.WaitPending, "wait-pending", "fail", "with --wait: a product still in review at --wait-timeout is fail (exit 11) or ok (exit 0)")
	cmdutil.EnumFlag(cmd, "wait-pending", "fail", "ok")
	cmd.Flags().BoolVar(&opts.Schema, "schema", false, "print the manifest's JSON Schema")
	return cmd
}
