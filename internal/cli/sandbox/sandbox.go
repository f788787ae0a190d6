// Package sandbox is `mkt sandbox`: the local marketplace.
package sandbox

import (
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/sandbox/backup"
	"github.com/mkt-cli/mkt/internal/cli/sandbox/clock"
	"github.com/mkt-cli/mkt/internal/cli/sandbox/distribute"
	"github.com/mkt-cli/mkt/internal/cli/sandbox/releaseprefix"
	"github.com/mkt-cli/mkt/internal/cli/sandbox/reset"
	"github.com/mkt-cli/mkt/internal/cli/sandbox/restore"
	"github.com/mkt-cli/mkt/internal/cli/sandbox/review"
	"github.com/mkt-cli/mkt/internal/cli/sandbox/serve"
	"github.com/mkt-cli/mkt/internal/cli/sandbox/simulate"
	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// NewCmdSandbox builds `mkt sandbox`.
func NewCmdSandbox(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "sandbox <command>",
		Short: "The local marketplace: serve it, move its clock, reset it",
		Long: `The sandbox is a local marketplace that speaks the Market API: the same actions,
signatures (V3 and V1), error envelope and ClientToken rules. With no credentials
configured, every mkt command uses it in process; 'mkt sandbox serve' serves the same
state over HTTP for SDKs, the aliyun CLI and your own tests.

State lives in one SQLite database and a blob folder under $MKT_SANDBOX_DIR (default
$XDG_DATA_HOME/mkt/sandbox, i.e. ~/.local/share/mkt/sandbox).`,
		Args: cobra.ArbitraryArgs,
		RunE: cmdutil.GroupRunE,
	}
	cmd.AddCommand(
		serve.NewCmdServe(f, nil),
		reset.NewCmdReset(f, nil),
		backup.NewCmdBackup(f, nil),
		restore.NewCmdRestore(f, nil),
		clock.NewCmdClock(f),
		review.NewCmdReview(f),
		releaseprefix.NewCmdReleasePrefix(f),
		distribute.NewCmdDistribute(f),
		simulate.NewCmdSimulate(f),
	)
	return cmd
}
