// Package shared is what the `mkt delivery project` verbs share: the instance argument, the
// node table, and taking a step (finish, rollback, pause, resume) once.
package shared

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/exitcode"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/project"
)

// Arg is the instance argument of every verb.
const Arg = "<instance-id>"

// CheckInstance refuses an instance ID that is not a number.
func CheckInstance(id string) error {
	if _, err := strconv.ParseInt(id, 10, 64); err != nil {
		return cmdutil.FlagError("instance.id.invalid", id)
	}
	return nil
}

// Loc is where times are shown.
func Loc() *time.Location { return time.Local }

// Role is a node's operator role in the merchant's words.
func Role(f *cmdutil.Factory, role string) string {
	switch role {
	case marketapi.RoleProvider:
		return f.T("project.role.seller")
	case marketapi.RoleCustom:
		return f.T("project.role.buyer")
	case marketapi.RoleSystem:
		return f.T("project.role.system")
	}
	return role
}

// PrintNodes prints the nodes: -o json|yaml the node rows, a table otherwise.
func PrintNodes(f *cmdutil.Factory, nodes []marketapi.ProjectNode) error {
	rows := make([]project.Node, len(nodes))
	for i, n := range nodes {
		rows[i] = project.NodeOf(n, Loc())
	}
	return f.Print(rows, func() error {
		ios := f.IOStreams
		t := ios.NewTable(f.T("col.step"), f.T("col.node"), f.T("col.name"), f.T("col.role"), f.T("col.status"), f.T("col.form"))
		for _, n := range rows {
			t.AddField(strconv.Itoa(n.Step))
			t.AddStyledField(strconv.FormatInt(n.Id, 10), ios.Styles().ID)
			t.AddField(n.Name)
			t.AddField(Role(f, n.Role))
			t.AddField(f.Enum(i18n.EnumNodeState, n.Status))
			t.AddField(formText(n.Fields))
			t.EndRow()
		}
		return t.Render()
	})
}

// formText is a node's form on one line: "Title=value", "Title*" for a required empty field.
func formText(fields []project.Field) string {
	parts := make([]string, 0, len(fields))
	for _, fl := range fields {
		s := fl.Title
		if fl.Required {
			s += "*"
		}
		if fl.Value != "" {
			s += "=" + fl.Value
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ", ")
}

// StepOptions are the inputs every step verb has.
type StepOptions struct {
	Factory  *cmdutil.Factory
	Instance string
	Node     int64
	Remark   string
}

// Take takes the step and says what happened: on stderr a line per outcome, on stdout (-o
// json|yaml) the node stepped on and the project's current node.
func Take(ctx context.Context, o *StepOptions, op project.Op, fields map[string]string) error {
	f := o.Factory
	client, err := f.Client()
	if err != nil {
		return err
	}
	out, err := project.Take(ctx, client, project.Step{Op: op, Instance: o.Instance, NodeID: o.Node, Fields: fields, Remark: o.Remark})
	if err != nil {
		return StepError(err)
	}
	key := map[project.Op]string{project.Finish: "project.finished", project.Rollback: "project.rolledback",
		project.Pause: "project.paused", project.Resume: "project.resumed"}[op]
	if out.Already {
		key += ".already"
	}
	f.Success(key, out.Node.NodeName, out.Node.NodeId, o.Instance)
	if f.OutputFormat() != "table" {
		res := struct {
			Instance string        `json:"instance"`
			Status   string        `json:"status"`
			Already  bool          `json:"already"`
			Node     project.Node  `json:"node"`
			Current  *project.Node `json:"current"`
		}{Instance: o.Instance, Status: out.Status, Already: out.Already, Node: project.NodeOf(out.Node, Loc())}
		if out.Current != nil {
			c := project.NodeOf(*out.Current, Loc())
			res.Current = &c
		}
		return f.Print(res, nil)
	}
	if out.Current == nil {
		f.Success("project.done", o.Instance)
		return nil
	}
	_, err = f.IOStreams.ErrOut.Write([]byte(f.T("project.next", out.Current.NodeName, out.Current.NodeId, Role(f, out.Current.OperatorRole)) + "\n"))
	return err
}

// StepError is what a step's error says to the merchant.
func StepError(err error) error {
	var nc *project.NotCurrentError
	var uf *project.UnknownFieldError
	switch {
	case errors.Is(err, project.ErrFinished):
		return &cmdutil.Error{Kind: exitcode.Conflict, Msg: i18n.M("project.finished.none"), Err: err}
	case errors.As(err, &nc) && nc.Current == nil:
		return &cmdutil.Error{Kind: exitcode.Conflict, Msg: i18n.M("project.notcurrent.done", nc.NodeID), Err: err}
	case errors.As(err, &nc):
		return &cmdutil.Error{Kind: exitcode.Conflict, Msg: i18n.M("project.notcurrent", nc.NodeID, nc.Current.NodeId, nc.Current.NodeName),
			Remedy: i18n.M("remedy.project.nodes", "mkt delivery project nodes <instance-id>"), Err: err}
	case errors.As(err, &uf):
		names := make([]string, 0, len(uf.Fields))
		for _, fl := range uf.Fields {
			names = append(names, fl.Key+" ("+fl.Title+")")
		}
		return &cmdutil.Error{Kind: exitcode.Usage, Msg: i18n.M("project.field.unknown", uf.Node.NodeId, strings.Join(uf.Names, ", ")),
			Remedy: i18n.M("remedy.project.fields", strings.Join(names, ", ")), Err: err}
	}
	return err
}

// NewEntryPrinter prints messages and log entries: time, role, who, text.
func NewEntryPrinter(f *cmdutil.Factory) *cmdutil.ListPrinter[project.Entry] {
	col := func(h string, text func(project.Entry) string) cmdutil.Column[project.Entry] {
		return cmdutil.Column[project.Entry]{Header: h, Text: text}
	}
	return cmdutil.NewListPrinter(f,
		col(f.T("col.time"), func(e project.Entry) string { return f.FormatTime(e.At) }),
		col(f.T("col.role"), func(e project.Entry) string { return Role(f, e.Role) }),
		col(f.T("col.operator"), func(e project.Entry) string { return e.Operator }),
		col(f.T("col.text"), func(e project.Entry) string { return e.Text }))
}

// maxFormFile is the largest form file read: a form is a few fields of text.
const maxFormFile = 1 << 20

// FormValues merges a form file (a YAML or JSON map; "-" is stdin) and --field KEY=VALUE
// flags (flags win).
func FormValues(file string, fields []string, stdin io.Reader) (map[string]string, error) {
	out := map[string]string{}
	if file != "" {
		var r io.Reader = stdin
		if file != "-" {
			fh, err := os.Open(file)
			if err != nil {
				return nil, cmdutil.FlagError("product.file.read", file, i18n.OSErr(err))
			}
			defer fh.Close()
			r = fh
		}
		data, err := io.ReadAll(io.LimitReader(r, maxFormFile+1))
		if err != nil {
			return nil, cmdutil.FlagError("product.file.read", file, i18n.OSErr(err))
		}
		if len(data) > maxFormFile {
			return nil, cmdutil.FlagError("project.form.large", file, maxFormFile)
		}
		var m map[string]any
		if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&m); err != nil && err != io.EOF {
			return nil, cmdutil.FlagError("project.form.parse", file, cmdutil.YAMLError(err))
		}
		for k, v := range m {
			if v == nil {
				v = ""
			}
			out[k] = fmt.Sprint(v)
		}
	}
	for _, fv := range fields {
		k, v, ok := strings.Cut(fv, "=")
		if !ok || strings.TrimSpace(k) == "" {
			return nil, cmdutil.FlagError("project.field.syntax", fv)
		}
		out[strings.TrimSpace(k)] = v
	}
	return out, nil
}
