// Package finish is `mkt delivery project finish`.
package finish

import (
	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/delivery/project/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/project"
)

// Options are the inputs of `mkt delivery project finish`.
type Options struct {
	shared.StepOptions
	Fields   []string
	FormFile string
	Values   map[string]string
}

// NewCmdFinish builds `mkt delivery project finish`; runF replaces the run in tests.
func NewCmdFinish(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{StepOptions: shared.StepOptions{Factory: f}}
	cmd := &cobra.Command{
		Use:   "finish <instance-id> [--field KEY=VALUE]... [--form-file FILE]",
		Short: "Finish your current step of a delivery project, with its form",
		Long: `Finish the current node of the project (it must be yours, not the buyer's) and start the
next. Fill the node's form with --field, naming each field by its key (TFD0) or its title,
or with --form-file, a YAML or JSON map of the same; 'mkt delivery project nodes' shows the
fields (* marks a required one). A step already finished is reported, not sent again.`,
		Example: `  mkt delivery project finish 10000001 --field 访问地址=https://app.example.com --remark "已部署"
  mkt delivery project finish 10000001 --node 8002 --form-file form.yaml`,
		Args: cmdutil.ExactArgs(1, shared.Arg),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Instance = args[0]
			if err := shared.CheckInstance(opts.Instance); err != nil {
				return err
			}
			var err error
			if opts.Values, err = shared.FormValues(opts.FormFile, opts.Fields, f.IOStreams.In); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return shared.Take(cmd.Context(), &opts.StepOptions, project.Finish, opts.Values)
		},
	}
	cmd.Flags().Int64Var(&opts.Node, "node", 0, "the node to finish (default: the current node)")
	cmd.Flags().StringArrayVar(&opts.Fields, "field", nil, "a form value, KEY=VALUE or TITLE=VALUE (repeatable)")
	cmd.Flags().StringVar(&opts.FormFile, "form-file", "", "a YAML or JSON map of field key or title to value (- reads stdin)")
	cmd.Flags().StringVar(&opts.Remark, "remark", "", "a note the buyer sees")
	return cmd
}
