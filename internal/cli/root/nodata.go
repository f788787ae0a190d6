package root

import (
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// printsNoData are the commands whose output is no data to filter — a shell script, a
// template to fill in, a statement, a server's log — or that print nothing at all: --jq and
// --template on them are refused (exit 2) rather than silently ignored, so a script expecting
// filtered data learns at once that it gets none. (-o is left alone: a profile's default
// output format must not break them.)
var printsNoData = map[string]bool{
	"mkt completion bash":       true,
	"mkt completion zsh":        true,
	"mkt completion fish":       true,
	"mkt completion powershell": true,
	"mkt product init":          true,
	"mkt onboard init":          true,
	"mkt onboard plan init":     true,
	"mkt onboard statement":     true,
	"mkt spi listen":            true,
	"mkt auth login":            true,
	"mkt auth logout":           true,
	"mkt auth reset-password":   true,
	"mkt sandbox restore":       true,
}

// checkFilterApplies refuses --jq or --template on a command that prints no data.
func checkFilterApplies(cmd *cobra.Command, g *cmdutil.GlobalOptions) error {
	if !printsNoData[cmd.CommandPath()] {
		return nil
	}
	for _, fl := range []struct{ name, value string }{{"--jq", g.JQ}, {"--template", g.Template}} {
		if fl.value != "" {
			return cmdutil.FlagError("error.nodata", fl.name, cmd.CommandPath())
		}
	}
	return nil
}
