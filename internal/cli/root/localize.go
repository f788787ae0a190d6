package root

import (
	"regexp"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/i18n"
)

// localizedAnnotation marks a tree whose help text was already put in Chinese.
const localizedAnnotation = "mkt/help-lang"

// Localize puts the help of every command under root — short and long text, examples, flag
// usage and the headings of the usage template — in lang. The commands are written in
// English, so EN changes nothing; ZH takes each text from the help catalog (i18n.HelpZH) and
// keeps the English where an entry is missing (the catalog test makes sure none is).
// Localizing twice is harmless.
func Localize(root *cobra.Command, lang i18n.Lang) {
	if lang != i18n.ZH || root.Annotations[localizedAnnotation] == string(lang) {
		return
	}
	catalog, err := i18n.HelpZH()
	if err != nil {
		return
	}
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	walk(root, func(c *cobra.Command) {
		c.InitDefaultHelpFlag()
		if c == root {
			c.InitDefaultVersionFlag()
		}
		e, ok := catalog[c.CommandPath()]
		if ok {
			c.Short = e.Short
			if e.Long != "" {
				c.Long = e.Long
			}
			if e.Example != "" {
				c.Example = e.Example
			}
		}
		definedFlags(c, func(f *pflag.Flag) {
			switch {
			case ok && e.Flags[f.Name] != "":
				f.Usage = e.Flags[f.Name]
			case f.Name == "help":
				f.Usage = i18n.T(lang, "help.flag.help", c.Name())
			case f.Name == "version":
				f.Usage = i18n.T(lang, "help.flag.version", c.Name())
			}
		})
	})
	root.SetUsageTemplate(usageTemplateZH)
	if root.Annotations == nil {
		root.Annotations = map[string]string{}
	}
	root.Annotations[localizedAnnotation] = string(lang)
}

// LocalizeCompletion puts the tree in the merchant's language when args (the command line
// without the program name) ask for shell completions: the descriptions a shell shows beside
// each candidate are the commands' short help and the flags' usage. The line's own --lang
// counts, as it would for the command being completed.
func LocalizeCompletion(root *cobra.Command, f *cmdutil.Factory, args []string) {
	if len(args) == 0 || (args[0] != cobra.ShellCompRequestCmd && args[0] != cobra.ShellCompNoDescRequestCmd) {
		return
	}
	lang := f.Lang()
	for i, a := range args[1:] {
		v, ok := strings.CutPrefix(a, "--lang=")
		if !ok && a == "--lang" && i+2 < len(args) {
			v, ok = args[i+2], true
		}
		if l, valid := i18n.ParseLang(v); ok && valid {
			lang = l
		}
	}
	Localize(root, lang)
}

// walk calls fn on c and every command under it.
func walk(c *cobra.Command, fn func(*cobra.Command)) {
	fn(c)
	for _, s := range c.Commands() {
		walk(s, fn)
	}
}

// definedFlags calls fn on the flags c itself defines: its local and its persistent ones
// (inherited flags belong to the parent that defines them).
func definedFlags(c *cobra.Command, fn func(*pflag.Flag)) {
	seen := map[string]bool{}
	for _, fs := range []*pflag.FlagSet{c.LocalNonPersistentFlags(), c.PersistentFlags()} {
		fs.VisitAll(func(f *pflag.Flag) {
			if !seen[f.Name] {
				seen[f.Name] = true
				fn(f)
			}
		})
	}
}

// HelpSource is what a command's help says in English, for the catalog's fingerprint: the
// help and version flags cobra adds are left out (their text is generated).
func HelpSource(c *cobra.Command) (short, long, example string, flags map[string]string) {
	flags = map[string]string{}
	definedFlags(c, func(f *pflag.Flag) {
		if f.Name != "help" && !(f.Name == "version" && !c.HasParent()) {
			flags[f.Name] = f.Usage
		}
	})
	return c.Short, c.Long, c.Example, flags
}

// zhFlagUsages is pflag's flag table with its one English phrase, "(default …)", in Chinese.
func zhFlagUsages(fs *pflag.FlagSet) string { return ZHDefaults(fs.FlagUsages()) }

// ZHDefaults puts pflag's "(default …)" at the end of a line in Chinese.
func ZHDefaults(text string) string { return defaultPhrase.ReplaceAllString(text, "（默认 $1）") }

// defaultPhrase is how pflag ends a flag's line when the flag has a default.
var defaultPhrase = regexp.MustCompile(`(?m) \(default (.*)\)$`)

// zhUseLine is a command's use line with cobra's English placeholders in Chinese.
func zhUseLine(c *cobra.Command) string {
	return strings.NewReplacer("[flags]", "[选项]", "<command>", "<命令>", "<subcommand>", "<子命令>").Replace(c.UseLine())
}

func init() {
	cobra.AddTemplateFunc("zhFlagUsages", zhFlagUsages)
	cobra.AddTemplateFunc("zhUseLine", zhUseLine)
}

// usageTemplateZH is cobra's usage template (cobra v1.10) with Chinese headings.
const usageTemplateZH = `用法：{{if .Runnable}}
  {{zhUseLine .}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [命令]{{end}}{{if gt (len .Aliases) 0}}

别名：
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

示例：
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}{{$cmds := .Commands}}{{if eq (len .Groups) 0}}

命令：{{range $cmds}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{else}}{{range $group := .Groups}}

{{.Title}}{{range $cmds}}{{if (and (eq .GroupID $group.ID) (or .IsAvailableCommand (eq .Name "help")))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if not .AllChildCommandsHaveGroup}}

其他命令：{{range $cmds}}{{if (and (eq .GroupID "") (or .IsAvailableCommand (eq .Name "help")))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

选项：
{{zhFlagUsages .LocalFlags | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

全局选项：
{{zhFlagUsages .InheritedFlags | trimTrailingWhitespaces}}{{end}}{{if .HasHelpSubCommands}}

其他帮助主题：{{range .Commands}}{{if .IsAdditionalHelpTopicCommand}}
  {{rpad .CommandPath .CommandPathPadding}} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableSubCommands}}

运行 "{{.CommandPath}} [命令] --help" 查看命令的详细说明。{{end}}
`
