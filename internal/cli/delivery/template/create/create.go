// Package create is `mkt delivery template create`.
package create

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/delivery/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// Options are the inputs of `mkt delivery template create`.
type Options struct {
	Factory *cmdutil.Factory
	File    string
}

// NewCmdCreate builds `mkt delivery template create`; runF replaces the run in tests.
func NewCmdCreate(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "create --from-file <template.yaml>",
		Short: "Create a delivery template from a file",
		Long: `Create a delivery template from a YAML file:

  name: Standard onboarding
  steps:
    - name: Collect requirements
      operator: buyer            # buyer or seller (default)
      fields:
        - title: Contact
          required: true
          maxLength: 100
          placeholder: name and phone
    - name: Deliver
      operator: seller
      attachment: true           # the step needs an attachment
      rollback: true             # the step may be sent back

Form fields get the keys TFD0, TFD1… in order unless 'key' is given.`,
		Example: `  mkt delivery template create --from-file onboarding.yaml`,
		Args:    cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.File == "" {
				return cmdutil.FlagError("template.file.missing").WithRemedy("remedy.help", cmd.CommandPath())
			}
			if runF != nil {
				return runF(opts)
			}
			return createRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVarP(&opts.File, "from-file", "f", "", "template YAML file (- for stdin)")
	return cmd
}

func createRun(ctx context.Context, opts *Options) error {
	f := opts.Factory
	name, steps, err := shared.ReadFile(opts.File, f.IOStreams.In)
	if err != nil {
		return err
	}
	client, err := f.Client()
	if err != nil {
		return err
	}
	t, err := client.CreateDeliveryTemplate(ctx, name, steps, "")
	if err != nil {
		return err
	}
	f.Success("template.created", t.TemplateId)
	ios := f.IOStreams
	if f.OutputFormat() == "table" && !ios.IsStdoutTTY() {
		_, err := fmt.Fprintln(ios.Out, t.TemplateId)
		return err
	}
	return shared.PrintTemplates(f, []marketapi.DeliveryTemplate{t}, t)
}
