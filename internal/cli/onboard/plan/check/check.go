// Package check is `mkt onboard plan check`.
package check

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/exitcode"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/onboard"
)

// CheckResult is what `mkt onboard plan check -o json` prints.
type CheckResult struct {
	File     string         `json:"file"`
	OK       bool           `json:"ok"`
	Problems []CheckProblem `json:"problems"`
}

// CheckProblem is one problem of a plan.
type CheckProblem struct {
	Part    string `json:"part"`
	Line    int    `json:"line,omitempty"`
	Message string `json:"message"`
}

// NewCmdCheck builds `mkt onboard plan check`.
func NewCmdCheck(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "check <plan.md>",
		Short: "Check that an operation plan covers the four parts (exit 2 if not)",
		Long: `Check a Markdown operation plan: each of the four parts must be there (a ## heading, in
Chinese or English) and not empty; the listing time points must hold real dates
(2027-01-15, 2027年3月); the annual revenue target must be a number with a unit (500 万元,
RMB 5,000,000). Every problem is reported, by part name; exit 2 when there is one.`,
		Example: `  mkt onboard plan check plan.md
  mkt onboard plan check - < plan.md
  mkt onboard plan check plan.md -o json`,
		Args: cmdutil.ExactArgs(1, "<plan.md>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return planCheckRun(f, args[0])
		},
	}
}

func planCheckRun(f *cmdutil.Factory, path string) error {
	var src []byte
	var err error
	if path == "-" {
		src, err = io.ReadAll(f.IOStreams.In)
	} else {
		src, err = os.ReadFile(path)
	}
	if err != nil {
		return cmdutil.FlagError("onboard.read", path, i18n.OSErr(err))
	}
	lang := f.Lang()
	probs := onboard.ParsePlan(src).Check()
	res := CheckResult{File: path, OK: len(probs) == 0, Problems: []CheckProblem{}}
	for _, p := range probs {
		res.Problems = append(res.Problems, CheckProblem{Part: p.Part, Line: p.Line, Message: p.Msg.In(lang)})
	}
	if err := f.Print(res, func() error {
		for _, p := range res.Problems {
			if p.Line > 0 {
				fmt.Fprintf(f.IOStreams.Out, "%s%s\n", i18n.T(lang, "manifest.at", p.Line), p.Message)
			} else {
				fmt.Fprintln(f.IOStreams.Out, p.Message)
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if v := onboard.Violation(probs); v != nil {
		return &cmdutil.Error{Kind: exitcode.Usage, Code: v.Code, Msg: v.Msg, Remedy: v.Remedy}
	}
	f.Success("plan.ok")
	return nil
}
