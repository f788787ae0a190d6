// Package shared is what the `mkt sandbox review` verbs share.
package shared

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// Decide reads --approve / --reject --reason into the action's Decision.
func Decide(cmd *cobra.Command, approve, reject bool, reason string) (string, error) {
	if approve == reject {
		return "", cmdutil.FlagError("review.decision").WithRemedy("remedy.help", cmd.CommandPath())
	}
	if !reject {
		return "approve", nil
	}
	if strings.TrimSpace(reason) == "" {
		return "", cmdutil.FlagError("review.reason")
	}
	return "reject", nil
}
