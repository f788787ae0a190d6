// Package initcmd is `mkt onboard init` (init is a reserved name in Go).
package initcmd

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/atomicfile"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/invoice"
	"github.com/mkt-cli/mkt/internal/onboard"
)

// Options are the inputs of `mkt onboard init`.
type Options struct {
	Factory *cmdutil.Factory
	Company string
	Dir     string
	Force   bool
}

// NewCmdInit builds `mkt onboard init`.
func NewCmdInit(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "init --company <name>",
		Short: "Write the onboarding materials to fill in: onboarding.yaml, plan.md, statement.html",
		Long: `Start the onboarding application (入驻) from files instead of copying them from the docs. In
--dir (default: the current directory) mkt writes:

  onboarding.yaml  the application, every field with what it must hold (in --lang)
  plan.md          the operation plan's four parts (FAQ 一 Q3), with hints
  statement.html   the API-data authorization statement for the company, to print, seal
                   with the company seal and scan as statement-sealed.png (FAQ 一 Q2)

Existing files are never overwritten without --force. Then: fill onboarding.yaml and plan.md,
'mkt onboard plan check plan.md', 'mkt onboard submit -f onboarding.yaml'. The paths written
are printed on stdout.`,
		Example: `  mkt onboard init --company 杭州示例科技有限公司
  mkt onboard init --company 杭州示例科技有限公司 --dir onboarding --lang en`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Company == "" {
				return cmdutil.FlagError("statement.company")
			}
			if runF != nil {
				return runF(opts)
			}
			return initRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Company, "company", "", "the company's registered name (as on the business licence)")
	cmd.Flags().StringVar(&opts.Dir, "dir", ".", "where to write the files")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "overwrite files that exist")
	return cmd
}

func initRun(opts *Options) error {
	f := opts.Factory
	lang := f.Lang()
	files := []struct{ name, content string }{
		{"onboarding.yaml", onboard.ApplicationTemplate(lang, opts.Company)},
		{"plan.md", onboard.Template(lang)},
		{"statement.html", onboard.Statement{Company: opts.Company, Date: time.Now().In(invoice.CST)}.HTML(lang)},
	}
	// All or nothing: every file is checked before any is written.
	var exist []string
	for _, fl := range files {
		if _, err := os.Stat(filepath.Join(opts.Dir, fl.name)); err == nil && !opts.Force {
			exist = append(exist, filepath.Join(opts.Dir, fl.name))
		}
	}
	if len(exist) > 0 {
		return cmdutil.FlagError("onboard.init.exists", exist).WithRemedy("remedy.onboard.init.exists")
	}
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return cmdutil.FlagError("onboard.init.dir", opts.Dir, err)
	}
	for _, fl := range files {
		path := filepath.Join(opts.Dir, fl.name)
		if err := atomicfile.WriteFile(path, []byte(fl.content), 0o644); err != nil {
			return cmdutil.FlagError("onboard.init.dir", opts.Dir, err)
		}
		fmt.Fprintln(f.IOStreams.Out, path)
	}
	fmt.Fprintln(f.IOStreams.ErrOut, f.T("onboard.init.next", filepath.Join(opts.Dir, "onboarding.yaml"), filepath.Join(opts.Dir, "plan.md")))
	return nil
}
