// Package delivery is `mkt delivery`: delivery-centre templates for service products
// (交付模板, FAQ 三 Q5).
package delivery

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"

	"github.com/mkt-cli/mkt/internal/cli/product/shared"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/rules"
)

// NewCmdDelivery builds `mkt delivery`.
func NewCmdDelivery(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "delivery <command>",
		Short: "Delivery-centre templates for service products (交付模板)",
		Long: `The delivery centre (交付中心) runs a service order through the steps of a template: who
acts at each step (you or the buyer), the form fields to fill, whether an attachment is
needed and whether the step can be sent back. Templates apply to service products only
(FAQ 三 Q5); delivering through the centre raises a service product's score.`,
		Args: cobra.ArbitraryArgs,
		RunE: cmdutil.GroupRunE,
	}
	tpl := &cobra.Command{
		Use:   "template <command>",
		Short: "Create, list and attach delivery templates",
		Args:  cobra.ArbitraryArgs,
		RunE:  cmdutil.GroupRunE,
	}
	tpl.AddCommand(newCreate(f), newList(f), newAttach(f))
	cmd.AddCommand(tpl)
	return cmd
}

// File is a delivery template file. Unknown fields are refused.
type File struct {
	Name  string     `yaml:"name"`
	Steps []FileStep `yaml:"steps"`
}

// FileStep is one step of a template file.
type FileStep struct {
	Name       string      `yaml:"name"`
	Operator   string      `yaml:"operator"` // seller (default) or buyer
	Fields     []FileField `yaml:"fields"`
	Attachment bool        `yaml:"attachment"`
	Rollback   bool        `yaml:"rollback"`
	AutoFinish bool        `yaml:"autoFinish"`
}

// FileField is one form field of a step.
type FileField struct {
	Key         string `yaml:"key"`
	Title       string `yaml:"title"`
	Required    bool   `yaml:"required"`
	MaxLength   int    `yaml:"maxLength"`
	Placeholder string `yaml:"placeholder"`
}

// ReadFile reads and checks a template file ("-" is standard input).
func ReadFile(path string, stdin io.Reader) (string, []marketapi.TemplateStep, error) {
	var data []byte
	var err error
	if path == "-" {
		data, err = io.ReadAll(stdin)
	} else {
		data, err = os.ReadFile(path)
	}
	if err != nil {
		return "", nil, cmdutil.FlagError("product.file.read", path, err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var file File
	if err := dec.Decode(&file); err != nil && err != io.EOF {
		return "", nil, cmdutil.FlagError("product.file.parse", path, cmdutil.YAMLError(err))
	}
	if strings.TrimSpace(file.Name) == "" || len(file.Steps) == 0 {
		return "", nil, cmdutil.FlagError("template.file.empty", path)
	}
	steps := make([]marketapi.TemplateStep, len(file.Steps))
	for i, s := range file.Steps {
		role := "Provider"
		switch strings.ToLower(s.Operator) {
		case "", "seller", "provider", "isv":
		case "buyer", "customer", "custom":
			role = "Custom"
		default:
			return "", nil, cmdutil.FlagError("template.operator", i+1, s.Operator)
		}
		step := marketapi.TemplateStep{Name: s.Name, OperatorRole: role, NeedAttachment: s.Attachment, AllowRollback: s.Rollback, AutoFinish: s.AutoFinish, Fields: []marketapi.TemplateField{}}
		for _, fl := range s.Fields {
			step.Fields = append(step.Fields, marketapi.TemplateField{Key: fl.Key, Title: fl.Title, Required: fl.Required, MaxLength: fl.MaxLength, Placeholder: fl.Placeholder})
		}
		steps[i] = step
	}
	return strings.TrimSpace(file.Name), steps, nil
}

func newCreate(f *cmdutil.Factory) *cobra.Command {
	var path string
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
			if path == "" {
				return cmdutil.FlagError("template.file.missing").WithRemedy("remedy.help", cmd.CommandPath())
			}
			name, steps, err := ReadFile(path, f.IOStreams.In)
			if err != nil {
				return err
			}
			client, err := f.Client()
			if err != nil {
				return err
			}
			t, err := client.CreateDeliveryTemplate(cmd.Context(), name, steps, "")
			if err != nil {
				return err
			}
			f.Success("template.created", t.TemplateId)
			ios := f.IOStreams
			if f.OutputFormat() == "table" && !ios.IsStdoutTTY() {
				_, err := fmt.Fprintln(ios.Out, t.TemplateId)
				return err
			}
			return printTemplates(f, []marketapi.DeliveryTemplate{t}, t)
		},
	}
	cmd.Flags().StringVarP(&path, "from-file", "f", "", "template YAML file (- for stdin)")
	return cmd
}

func newList(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:     "list",
		Aliases: []string{"ls"},
		Short:   "List delivery templates",
		Example: "  mkt delivery template list",
		Args:    cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			client, err := f.Client()
			if err != nil {
				return err
			}
			all := []marketapi.DeliveryTemplate{}
			err = client.ListDeliveryTemplates(cmd.Context(), func(p marketapi.DeliveryTemplatePage) bool {
				all = append(all, p.Templates...)
				return true
			})
			if err != nil {
				return err
			}
			return printTemplates(f, all, all)
		},
	}
}

func printTemplates(f *cmdutil.Factory, ts []marketapi.DeliveryTemplate, model any) error {
	return f.Print(model, func() error {
		ios := f.IOStreams
		t := ios.NewTable(f.T("col.id"), f.T("col.name"), f.T("col.steps"))
		for _, tp := range ts {
			var names []string
			for _, s := range tp.Steps {
				names = append(names, s.Name)
			}
			t.AddStyledField(tp.TemplateId, ios.Styles().ID)
			t.AddField(tp.Name)
			t.AddField(strings.Join(names, " → "))
			t.EndRow()
		}
		return t.Render()
	})
}

func newAttach(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:     "attach <product-code> <template-id>",
		Short:   "Attach a delivery template to a service product",
		Example: "  mkt delivery template attach cmfw10000003 tpl-8s7d6f5g4h3j",
		Args:    cmdutil.ExactArgs(2, "<product-code> <template-id>"),
		RunE: func(cmd *cobra.Command, args []string) error {
			code, id := args[0], args[1]
			if err := cmdutil.CheckProductCode(code); err != nil {
				return err
			}
			if err := cmdutil.RuleViolation(rules.DeliveryTemplateApplies(code, shared.TypeOf(code))); err != nil {
				return err
			}
			client, err := f.Client()
			if err != nil {
				return err
			}
			p, err := client.AttachDeliveryTemplate(cmd.Context(), code, id)
			if err != nil {
				return err
			}
			f.Success("template.attached", id, code)
			return shared.PrintCode(f, p)
		},
	}
}
