package market

import (
	"context"
	"net/url"
	"strconv"

	"github.com/mkt-cli/mkt/internal/marketapi"
)

// Typed calls for the delivery centre (交付中心): a service instance's project, its nodes,
// messages, attachments and operation log, and the seller's steps through it.

// ProjectInfo is DescribeProjectInfo.
func (c *Client) ProjectInfo(ctx context.Context, instanceID string) (marketapi.ProjectInfo, error) {
	var out marketapi.ProjectInfoAnswer
	return out.Result, c.one(ctx, "DescribeProjectInfo", "InstanceId", instanceID, &out)
}

// ProjectNodes is DescribeProjectNodes: every node, first to last.
func (c *Client) ProjectNodes(ctx context.Context, instanceID string) ([]marketapi.ProjectNode, error) {
	var out marketapi.ProjectNodesAnswer
	return out.Result, c.one(ctx, "DescribeProjectNodes", "InstanceId", instanceID, &out)
}

// CurrentNode is DescribeCurrentNodeInfo.
func (c *Client) CurrentNode(ctx context.Context, instanceID string) (marketapi.ProjectNode, error) {
	var out marketapi.ProjectNodeAnswer
	return out.Result, c.one(ctx, "DescribeCurrentNodeInfo", "InstanceId", instanceID, &out)
}

// ProjectMessages follows DescribeProjectMessages' pages (newest first) while fn returns true.
func (c *Client) ProjectMessages(ctx context.Context, instanceID string, fn func([]marketapi.ProjectMessage) bool) error {
	seen := int64(0)
	for page := 1; ; page++ {
		var out marketapi.ProjectMessagesAnswer
		q := url.Values{"InstanceId": {instanceID}, "PageIndex": {strconv.Itoa(page)}}
		if err := c.Call(ctx, Request{Action: "DescribeProjectMessages", Query: q}, &out); err != nil {
			return err
		}
		seen += int64(len(out.Result))
		if !fn(out.Result) || len(out.Result) == 0 || seen >= out.TotalCount {
			return nil
		}
	}
}

// ProjectAttachments is DescribeProjectAttachments.
func (c *Client) ProjectAttachments(ctx context.Context, instanceID string) ([]marketapi.ProjectAttachment, error) {
	var out marketapi.ProjectAttachmentsAnswer
	return out.Result, c.one(ctx, "DescribeProjectAttachments", "InstanceId", instanceID, &out)
}

// ProjectLogs is DescribeProjectOperateLogs.
func (c *Client) ProjectLogs(ctx context.Context, instanceID string) ([]marketapi.ProjectLog, error) {
	var out marketapi.ProjectLogsAnswer
	return out.Result, c.one(ctx, "DescribeProjectOperateLogs", "InstanceId", instanceID, &out)
}

// ProjectStep is one of the seller's steps through a project: FinishCurrentProjectNode (with
// the node's form as JSON), RollbackCurrentProjectNode, PauseProject or ResumeProject. They
// take no ClientToken: internal/project tells a retried step that was done from one refused.
func (c *Client) ProjectStep(ctx context.Context, action, instanceID string, nodeID int64, form, remark string) error {
	q := url.Values{"InstanceId": {instanceID}, "NodeId": {strconv.FormatInt(nodeID, 10)}}
	if form != "" {
		q.Set("TemplateForm", form)
	}
	if remark != "" {
		q.Set("Remark", remark)
	}
	var out marketapi.ProjectDone
	return c.Call(ctx, Request{Action: action, Query: q}, &out)
}

// ProjectAct is the sandbox's SandboxProjectAct: what a buyer does in a project (a message, an
// attachment, finishing their node) or an upload in the seller's console.
func (c *Client) ProjectAct(ctx context.Context, instanceID string, a ProjectAct) error {
	f := url.Values{"InstanceId": {instanceID}, "Role": {a.Role}}
	for k, v := range map[string]string{"Message": a.Message, "FileId": a.FileID, "Content": a.Content, "TemplateForm": a.Form} {
		if v != "" {
			f.Set(k, v)
		}
	}
	if a.Finish {
		f.Set("Finish", "true")
		f.Set("NodeId", strconv.FormatInt(a.NodeID, 10))
	}
	var out marketapi.ProjectDone
	return c.Call(ctx, Request{Action: "SandboxProjectAct", Form: f}, &out)
}

// ProjectAct is what SandboxProjectAct does.
type ProjectAct struct {
	Role    string // buyer or seller
	Message string
	FileID  string // an uploaded file to attach to the current node
	Content string // the attachment's description
	Finish  bool   // finish the current node (NodeID) with Form
	NodeID  int64
	Form    string
}
