// Package configcmd is `mkt config`: read and change profile settings.
package configcmd

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/configcmd/get"
	"github.com/mkt-cli/mkt/internal/cli/configcmd/list"
	"github.com/mkt-cli/mkt/internal/cli/configcmd/set"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/config"
)

// NewCmdConfig builds `mkt config`.
func NewCmdConfig(f *cmdutil.Factory) *cobra.Command {
	var keys strings.Builder
	for _, k := range config.Keys {
		fmt.Fprintf(&keys, "  %-16s %s\n", k.Name, k.Help)
	}
	cmd := &cobra.Command{
		Use:   "config <command>",
		Short: "Read and change settings of a profile",
		Long: `Read and change the settings stored in mkt's configuration file
($XDG_CONFIG_HOME/mkt/config.yaml, or $MKT_CONFIG_DIR/config.yaml). Settings apply to
the current profile unless --profile names another.

Keys:
` + keys.String() + `
Credentials are not set here: use 'mkt auth login'.`,
		Args: cobra.ArbitraryArgs,
		RunE: cmdutil.GroupRunE,
	}
	cmd.AddCommand(
		get.NewCmdGet(f, nil),
		set.NewCmdSet(f, nil),
		list.NewCmdList(f, nil),
	)
	return cmd
}
