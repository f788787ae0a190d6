package cmdutil

import (
	"fmt"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// GroupRunE is the RunE of commands that only hold subcommands: with no argument it shows
// help, with an unknown one it is a usage error that suggests the closest subcommand.
func GroupRunE(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return cmd.Help()
	}
	e := FlagError("error.unknown.command", args[0], cmd.CommandPath())
	if cmd.SuggestionsMinimumDistance <= 0 {
		cmd.SuggestionsMinimumDistance = 2
	}
	if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
		return e.WithRemedy("remedy.didyoumean", cmd.CommandPath()+" "+s[0])
	}
	return e.WithRemedy("remedy.help", cmd.CommandPath())
}

// FlagErrorFunc turns cobra's flag errors into usage errors and, for an unknown flag,
// suggests the closest flag the command has.
func FlagErrorFunc(cmd *cobra.Command, err error) error {
	msg := err.Error()
	e := FlagErrorWrap(err)
	name := ""
	if rest, ok := strings.CutPrefix(msg, "unknown flag: --"); ok {
		name = rest
	} else if rest, ok := strings.CutPrefix(msg, "unknown shorthand flag: "); ok {
		// "unknown shorthand flag: 'x' in -xyz"
		if len(rest) >= 3 {
			name = rest[1:2]
		}
	}
	name, _, _ = strings.Cut(name, "=")
	if name != "" {
		s := SuggestFlag(cmd, name)
		if secretFlag(name) {
			// mkt takes no secret as an argument; the value typed is in the shell's history.
			if strings.HasSuffix(s, "-stdin") {
				return e.WithRemedy("remedy.secret.flag", "--"+s)
			}
			return e.WithRemedy("remedy.secret.stdin")
		}
		if s != "" {
			return e.WithRemedy("remedy.didyoumean", "--"+s)
		}
	}
	return e.WithRemedy("remedy.help", cmd.CommandPath())
}

// secretFlag says whether a flag's name asks for a secret (--access-key-secret, --password,
// --spi-key, --security-token …).
func secretFlag(name string) bool {
	n := strings.ToLower(name)
	switch n {
	case "key", "isv-key", "spi-key", "token", "security-token", "sts-token":
		return true
	}
	return strings.Contains(n, "secret") || strings.Contains(n, "password") || strings.Contains(n, "passwd")
}

// SuggestFlag returns the name of the command's flag closest to name, or "".
func SuggestFlag(cmd *cobra.Command, name string) string {
	var names []string
	add := func(f *pflag.Flag) {
		if !f.Hidden {
			names = append(names, f.Name)
		}
	}
	cmd.LocalFlags().VisitAll(add)
	cmd.InheritedFlags().VisitAll(add)
	sort.Strings(names)
	best, bestD := "", 3
	for _, n := range names {
		d := levenshtein(strings.ToLower(name), n)
		if strings.HasPrefix(n, name) && len(name) >= 2 {
			d = 1
		}
		if d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// ExactArgs is cobra.ExactArgs with a usage error naming the expected arguments.
func ExactArgs(n int, names string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return FlagError("error.args.count", cmd.CommandPath(), names, n, len(args)).
				WithRemedy("remedy.help", cmd.CommandPath())
		}
		return nil
	}
}

// MinimumArgs is cobra.MinimumNArgs with a usage error naming the expected arguments.
func MinimumArgs(n int, names string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < n {
			return FlagError("error.args.min", cmd.CommandPath(), names, n, len(args)).
				WithRemedy("remedy.help", cmd.CommandPath())
		}
		return nil
	}
}

// NoArgs refuses positional arguments with a usage error.
func NoArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return FlagError("error.args.none", cmd.CommandPath(), fmt.Sprintf("%q", args[0])).
			WithRemedy("remedy.help", cmd.CommandPath())
	}
	return nil
}
