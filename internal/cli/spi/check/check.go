// Package check is `mkt spi check`.
package check

import (
	"context"
	"time"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/spi/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// Options are the inputs of `mkt spi check`.
type Options struct {
	Factory  *cmdutil.Factory
	URL      string
	KeyStdin bool
	Budget   time.Duration
	Tries    int
}

// NewCmdCheck builds `mkt spi check`; runF replaces the run in tests.
func NewCmdCheck(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "check --url <production-url>",
		Short: "Run the SPI conformance suite against a production URL (exit 8 on failure)",
		Long: `Run the checks an endpoint must pass before it goes live, one line each:

  createInstance returns an instanceId (instanceId=0 means "retry later": retried, bounded)
  the same orderBizId twice gives the same instanceId
  a wrong token is refused
  an unknown extra parameter does not break verification
  renew/upgrade/expired/release/refundRenew/resume answer "success": true
  verify with a stale timeStamp is refused, with a fresh one accepted
  answers are JSON and arrive within the time budget

Exit code 8 when any check fails; -o json for CI.`,
		Example: `  mkt spi check --url http://127.0.0.1:8080/spi
  mkt spi check --url https://isv.example.com/spi -o json`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := shared.CheckURL(opts.URL, cmd.CommandPath()); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return checkRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.KeyStdin, "key-stdin", false, "read the ISV key from standard input")
	cmd.Flags().StringVar(&opts.URL, "url", "", "the production URL to check")
	cmd.Flags().DurationVar(&opts.Budget, "budget", 3*time.Second, "the longest an answer may take")
	cmd.Flags().IntVar(&opts.Tries, "tries", 5, "createInstance calls while it answers instanceId=0")
	return cmd
}

func checkRun(ctx context.Context, opts *Options) error {
	key, _, err := opts.Factory.SPIKey(opts.KeyStdin)
	if err != nil {
		return err
	}
	return shared.RunCheck(ctx, opts.Factory, opts.URL, key, opts.Budget, opts.Tries)
}
