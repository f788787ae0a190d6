// Package project is the seller's side of a delivery-centre project (交付中心, FAQ 三 Q5): the
// steps through it (finish the current node with its form, roll back, pause, resume), taken
// once — also when an answer was lost and the command is run again — and the rows
// `mkt delivery project` prints.
package project

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// API is what a step needs of the marketplace (*market.Client).
type API interface {
	ProjectInfo(ctx context.Context, instanceID string) (marketapi.ProjectInfo, error)
	ProjectNodes(ctx context.Context, instanceID string) ([]marketapi.ProjectNode, error)
	ProjectStep(ctx context.Context, action, instanceID string, nodeID int64, form, remark string) error
}

// Op is one of the seller's steps.
type Op string

const (
	Finish   Op = "FinishCurrentProjectNode"
	Rollback Op = "RollbackCurrentProjectNode"
	Pause    Op = "PauseProject"
	Resume   Op = "ResumeProject"
)

// Step is a step to take: on the node NodeID (0: the current node), with the form's values
// (by field key or title, for Finish) and a remark the buyer sees.
type Step struct {
	Op       Op
	Instance string
	NodeID   int64
	Fields   map[string]string
	Remark   string
}

// Outcome is what a step did.
type Outcome struct {
	// Node is the node stepped on, as it is now; Current the project's current node now (nil
	// when the project is finished).
	Node    marketapi.ProjectNode
	Current *marketapi.ProjectNode
	// Status is the project's status now.
	Status string
	// Already is true when the step had been taken before this run (a rerun, or a retry after
	// a lost answer): nothing was sent twice.
	Already bool
}

// ErrFinished is returned for a step on a project that has no current node.
var ErrFinished = errors.New("the project is finished")

// NotCurrentError is returned when NodeID is not the current node and the step was not taken
// before.
type NotCurrentError struct {
	NodeID  int64
	Current *marketapi.ProjectNode
}

func (e *NotCurrentError) Error() string {
	if e.Current == nil {
		return fmt.Sprintf("node %d is not current: the project is finished", e.NodeID)
	}
	return fmt.Sprintf("node %d is not current: the current node is %d (%s)", e.NodeID, e.Current.NodeId, e.Current.NodeName)
}

// Current is the node in progress, or nil when every node is finished.
func Current(nodes []marketapi.ProjectNode) *marketapi.ProjectNode {
	for i := range nodes {
		if s := nodes[i].NodeStatus; s == marketapi.NodeStarting || s == marketapi.NodePause {
			return &nodes[i]
		}
	}
	return nil
}

func find(nodes []marketapi.ProjectNode, id int64) (int, bool) {
	for i := range nodes {
		if nodes[i].NodeId == id {
			return i, true
		}
	}
	return -1, false
}

// done reports whether the step's effect is what the project shows.
func done(s Step, status string, nodes []marketapi.ProjectNode, i int) bool {
	n := nodes[i]
	switch s.Op {
	case Finish:
		return n.NodeStatus == marketapi.NodeFinish
	case Rollback:
		return n.NodeStatus == marketapi.NodeWaiting && i > 0 && nodes[i-1].NodeStatus == marketapi.NodeStarting
	case Pause:
		return status == marketapi.ProjectPause && n.NodeStatus == marketapi.NodePause
	case Resume:
		return status == marketapi.ProjectStarting && n.NodeStatus == marketapi.NodeStarting
	}
	return false
}

func state(ctx context.Context, api API, inst string) (string, []marketapi.ProjectNode, error) {
	info, err := api.ProjectInfo(ctx, inst)
	if err != nil {
		return "", nil, err
	}
	nodes, err := api.ProjectNodes(ctx, inst)
	return info.ProjectStatus, nodes, err
}

// Take takes the step once. A finish or pause already taken (the node finished, the project
// paused at it) is reported as Already and not sent; a step refused because the project moved
// on is checked against the project again: when its effect is there, a retry of this run's own
// call was refused, and the step is done.
func Take(ctx context.Context, api API, s Step) (Outcome, error) {
	status, nodes, err := state(ctx, api, s.Instance)
	if err != nil {
		return Outcome{}, err
	}
	cur := Current(nodes)
	if s.NodeID == 0 {
		if cur == nil {
			return Outcome{Status: status}, ErrFinished
		}
		s.NodeID = cur.NodeId
	}
	i, ok := find(nodes, s.NodeID)
	if !ok || (cur == nil || cur.NodeId != s.NodeID) {
		if ok && s.Op != Rollback && done(s, status, nodes, i) {
			return outcome(status, nodes, i, true), nil
		}
		return Outcome{Status: status}, &NotCurrentError{NodeID: s.NodeID, Current: cur}
	}
	if s.Op != Rollback && done(s, status, nodes, i) {
		return outcome(status, nodes, i, true), nil
	}
	form := ""
	if s.Op == Finish {
		if form, err = FormJSON(nodes[i], s.Fields); err != nil {
			return Outcome{Status: status}, err
		}
	}
	stepErr := api.ProjectStep(ctx, string(s.Op), s.Instance, s.NodeID, form, s.Remark)
	if stepErr != nil && !movedOn(stepErr) {
		return Outcome{Status: status}, stepErr
	}
	if status, nodes, err = state(ctx, api, s.Instance); err != nil {
		return Outcome{}, err
	}
	if i, ok = find(nodes, s.NodeID); !ok || (stepErr != nil && !done(s, status, nodes, i)) {
		if stepErr != nil {
			return Outcome{Status: status}, stepErr
		}
		return Outcome{Status: status}, fmt.Errorf("node %d is gone from the project", s.NodeID)
	}
	return outcome(status, nodes, i, false), nil
}

// movedOn reports a refusal that means the project is not where the step expected it.
func movedOn(err error) bool {
	var e *market.APIError
	return errors.As(err, &e) && (e.Code == "IllegalCurrentNode" || e.Code == "IllegalProjectStatus")
}

func outcome(status string, nodes []marketapi.ProjectNode, i int, already bool) Outcome {
	o := Outcome{Node: nodes[i], Status: status, Already: already}
	if cur := Current(nodes); cur != nil {
		c := *cur
		o.Current = &c
	}
	return o
}

// Form is a node's form: its fields and, once entered, their values. A TemplateForm that is
// not the field list this package knows (an answer of another shape) has no fields.
func Form(n marketapi.ProjectNode) []marketapi.FormField {
	var fs []marketapi.FormField
	if json.Unmarshal([]byte(n.TemplateForm), &fs) != nil {
		return nil
	}
	return fs
}

// UnknownFieldError names form values that match no field of the node.
type UnknownFieldError struct {
	Node   marketapi.ProjectNode
	Names  []string
	Fields []marketapi.FormField
}

func (e *UnknownFieldError) Error() string {
	return fmt.Sprintf("node %d has no field %s", e.Node.NodeId, strings.Join(e.Names, ", "))
}

// FormJSON is the TemplateForm to send: a JSON object of field key to value. A value may be
// named by the field's key or its title; when the node's fields are known, a name that is
// neither is refused here, before anything is sent.
func FormJSON(n marketapi.ProjectNode, values map[string]string) (string, error) {
	fields := Form(n)
	out := map[string]string{}
	var unknown []string
	for name, v := range values {
		key := name
		if fields != nil {
			key = ""
			for _, f := range fields {
				if f.Key == name || f.Title == name {
					key = f.Key
				}
			}
			if key == "" {
				unknown = append(unknown, name)
				continue
			}
		}
		out[key] = v
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return "", &UnknownFieldError{Node: n, Names: unknown, Fields: fields}
	}
	if len(out) == 0 {
		return "", nil
	}
	b, err := json.Marshal(out)
	return string(b), err
}

// --- What `mkt delivery project` prints ----------------------------------------------------

// Field is one form field as printed.
type Field struct {
	Key      string `json:"key"`
	Title    string `json:"title"`
	Required bool   `json:"required"`
	Value    string `json:"value,omitempty"`
}

// Node is one node as printed.
type Node struct {
	Id             int64   `json:"id"`
	Step           int     `json:"step"`
	Name           string  `json:"name"`
	Role           string  `json:"role"`
	Status         string  `json:"status"`
	AutoFinish     bool    `json:"autoFinish"`
	AllowRollback  bool    `json:"allowRollback"`
	NeedAttachment bool    `json:"needAttachment"`
	StartedAt      string  `json:"startedAt,omitempty"`
	ExpiresAt      string  `json:"expiresAt,omitempty"`
	FinishedAt     string  `json:"finishedAt,omitempty"`
	Fields         []Field `json:"fields"`
}

// Time is an epoch-milliseconds time of the delivery centre in RFC 3339, in loc ("" for 0).
func Time(ms int64, loc *time.Location) string {
	if ms <= 0 {
		return ""
	}
	return time.UnixMilli(ms).In(loc).Format(time.RFC3339)
}

// NodeOf is the printed form of a node.
func NodeOf(n marketapi.ProjectNode, loc *time.Location) Node {
	out := Node{Id: n.NodeId, Step: n.StepNo, Name: n.NodeName, Role: n.OperatorRole, Status: n.NodeStatus, AutoFinish: n.AutoFinishNode,
		AllowRollback: n.AllowRollbackNode, NeedAttachment: n.NeedAttachment, StartedAt: Time(n.GmtStart, loc),
		ExpiresAt: Time(n.GmtExpired, loc), FinishedAt: Time(n.GmtFinished, loc), Fields: []Field{}}
	for _, f := range Form(n) {
		out.Fields = append(out.Fields, Field{Key: f.Key, Title: f.Title, Required: f.Required, Value: f.Value})
	}
	return out
}

// Info is a project as printed.
type Info struct {
	Instance    string `json:"instance"`
	Order       int64  `json:"order"`
	Product     string `json:"product"`
	ProductName string `json:"productName"`
	Sku         string `json:"sku"`
	SkuName     string `json:"skuName,omitempty"`
	Buyer       int64  `json:"buyer"`
	Template    int64  `json:"template"`
	Status      string `json:"status"`
	Step        int    `json:"step"`
	FinalStep   int    `json:"finalStep"`
	CreatedAt   string `json:"createdAt"`
	ExpiresAt   string `json:"expiresAt,omitempty"`
	FinishedAt  string `json:"finishedAt,omitempty"`
	FinishType  string `json:"finishType,omitempty"`
}

// InfoOf is the printed form of a project.
func InfoOf(p marketapi.ProjectInfo, loc *time.Location) Info {
	return Info{Instance: p.InstanceId, Order: p.OrderId, Product: p.ProductCode, ProductName: p.ProductName, Sku: p.ProductSkuCode,
		SkuName: p.ProductSkuName, Buyer: p.CustomerAliUid, Template: p.TemplateId, Status: p.ProjectStatus, Step: p.CurrentStepNo,
		FinalStep: p.FinalStepNo, CreatedAt: Time(p.GmtCreate, loc), ExpiresAt: Time(p.GmtExpired, loc), FinishedAt: Time(p.GmtFinished, loc),
		FinishType: p.FinishType}
}

// Entry is a message or an operation-log entry as printed.
type Entry struct {
	At       string `json:"at"`
	Role     string `json:"role"`
	Operator string `json:"operator"`
	Text     string `json:"text"`
}

// Attachment is an attachment as printed.
type Attachment struct {
	At       string `json:"at"`
	Node     int64  `json:"node"`
	NodeName string `json:"nodeName"`
	Role     string `json:"role"`
	Operator string `json:"operator"`
	File     string `json:"file"`
	Size     int64  `json:"size"`
	Link     string `json:"link"`
	LinkEnds string `json:"linkExpiresAt,omitempty"`
	Note     string `json:"note,omitempty"`
}

// AttachmentOf is the printed form of an attachment.
func AttachmentOf(a marketapi.ProjectAttachment, loc *time.Location) Attachment {
	return Attachment{At: Time(a.GmtCreate, loc), Node: a.NodeId, NodeName: a.NodeName, Role: a.OperatorRole, Operator: a.OperatorName,
		File: a.FileName, Size: a.FileSize, Link: a.FileLink, LinkEnds: Time(a.FileLinkGmtExpired, loc), Note: a.Content}
}
