// Package shared is what the `mkt delivery template` verbs share: the template file and the
// template table.
package shared

import (
	"bytes"
	"io"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

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
	data, err := cmdutil.ReadInput(path, stdin, cmdutil.MaxInputBytes)
	if err != nil {
		return "", nil, err
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

// PrintTemplates prints model (a template or the list) for -o json|yaml, a table otherwise.
func PrintTemplates(f *cmdutil.Factory, ts []marketapi.DeliveryTemplate, model any) error {
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
