package root

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
)

// groups are the root help's sections, in the order of a merchant's day: getting started,
// the products, what happens after a sale, the SaaS production protocol, then the sandbox and
// tools. Titles are catalog keys, localized when help is shown (--lang is known by then).
var groups = []struct {
	id, title string
	commands  []string
}{
	{"start", "help.group.start", []string{"todo", "auth", "config", "onboard", "shop", "settlement", "payment"}},
	{"products", "help.group.products", []string{"product", "bundle", "delivery", "nest", "plan", "apply", "export"}},
	{"sales", "help.group.sales", []string{"invoice", "order", "instance", "license", "metering", "notification", "distribution", "cross-account"}},
	{"spi", "help.group.spi", []string{"spi"}},
	{"tools", "help.group.tools", []string{"sandbox", "api", "version", "completion"}},
}

// groupCommands sorts the root's commands into groups; help topics and anything new stay in
// cobra's "Additional Commands".
func groupCommands(f *cmdutil.Factory, root *cobra.Command) {
	byName := map[string]*cobra.Command{}
	for _, c := range root.Commands() {
		byName[c.Name()] = c
	}
	titles := map[string]*cobra.Group{}
	for _, g := range groups {
		grp := &cobra.Group{ID: g.id, Title: g.title}
		titles[g.title] = grp
		root.AddGroup(grp)
		for _, name := range g.commands {
			if c, ok := byName[name]; ok {
				c.GroupID = g.id
			}
		}
	}
	root.SetHelpCommandGroupID("tools")
	root.SetCompletionCommandGroupID("tools")
	defaultHelp := root.HelpFunc()
	root.SetHelpFunc(func(c *cobra.Command, args []string) {
		Localize(root, f.Lang())
		for key, grp := range titles {
			grp.Title = f.T(key)
		}
		defaultHelp(c, args)
	})
}

// newHelpCmd is `mkt help [command]`: cobra's, except that an unknown topic is a usage error
// (exit 2) suggesting the closest command, not the root help with exit 0.
func newHelpCmd(root *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use:   "help [command]",
		Short: "Help about any command",
		Long:  "Help provides help for any command in the application.\nSimply type mkt help [path to command] for full details.",
		ValidArgsFunction: func(c *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			var names []string
			cmd, _, e := c.Root().Find(args)
			if e != nil || cmd == nil {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			for _, s := range cmd.Commands() {
				if s.IsAvailableCommand() && strings.HasPrefix(s.Name(), toComplete) {
					names = append(names, s.Name())
				}
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(c *cobra.Command, args []string) error {
			cmd, rest, err := root.Find(args)
			if err != nil || cmd == nil || len(rest) > 0 {
				parent := cmd
				if parent == nil || err != nil {
					parent = root
				}
				unknown := args[len(args)-1]
				if len(rest) > 0 {
					unknown = rest[0]
				}
				return cmdutil.GroupRunE(parent, []string{unknown})
			}
			cmd.InitDefaultHelpFlag()
			cmd.InitDefaultVersionFlag()
			return cmd.Help()
		},
	}
}
