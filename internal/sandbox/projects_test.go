package sandbox

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// serviceWithTemplate lists a service product with a three-step template (the seller deploys
// with a required field and an attachment; the buyer accepts, may send it back and accepts by
// default; the seller hands over) and buys it once.
func serviceWithTemplate(t *testing.T, c *market.Client) (inst string) {
	t.Helper()
	ctx := context.Background()
	tpl, err := c.CreateDeliveryTemplate(ctx, "Onboarding", []marketapi.TemplateStep{
		{Name: "Deploy", OperatorRole: "Provider", NeedAttachment: true, Fields: []marketapi.TemplateField{{Title: "URL", Required: true, MaxLength: 40}}},
		{Name: "Accept", OperatorRole: "Custom", AllowRollback: true, AutoFinish: true},
		{Name: "Hand over", OperatorRole: "Provider", AllowRollback: true},
	}, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := strconv.ParseInt(tpl.TemplateId, 10, 64); err != nil {
		t.Errorf("TemplateId %q is not a number, as DescribeProjectInfo's TemplateId is", tpl.TemplateId)
	}
	name := "Implementation"
	p, err := c.CreateProduct(ctx, market.ProductInput{Type: "SERVICE", Name: &name, DeliveryTemplateId: &tpl.TemplateId,
		Skus: []marketapi.SKU{{Name: "Std", Price: "1000"}}, ValidityPeriods: []string{"1y"}}, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.SubmitProduct(ctx, p.Code, "review", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ReviewProduct(ctx, p.Code, "approve", ""); err != nil {
		t.Fatal(err)
	}
	buy, err := c.Simulate(ctx, "SandboxPurchase", market.BuyerEvent{Code: p.Code})
	if err != nil {
		t.Fatal(err)
	}
	return strconv.FormatInt(buy.InstanceId, 10)
}

func code(err error) string {
	var e *market.APIError
	if errors.As(err, &e) {
		return e.Code
	}
	if err != nil {
		return err.Error()
	}
	return ""
}

func TestDeliveryProject(t *testing.T) {
	_, _, c := newSandbox(t)
	ctx := context.Background()
	inst := serviceWithTemplate(t, c)

	info, err := c.ProjectInfo(ctx, inst)
	if err != nil {
		t.Fatal(err)
	}
	if info.ProjectStatus != "Starting" || info.FinalStepNo != 4 || info.CurrentStepNo != 2 || info.InstanceId != inst || info.TemplateId == 0 ||
		info.ProductSkuName != "Std" || info.CustomerAliUid == 0 || info.SupplierAliUid == 0 || info.GmtExpired == 0 {
		t.Fatalf("project = %+v", info)
	}
	nodes, _ := c.ProjectNodes(ctx, inst)
	if len(nodes) != 4 || nodes[0].OperatorRole != "System" || nodes[0].NodeStatus != "Finish" || nodes[1].NodeStatus != "Starting" ||
		nodes[1].PreviousNodeId != nodes[0].NodeId || nodes[1].NextNodeId != nodes[2].NodeId || nodes[3].NextNodeId != 0 ||
		nodes[1].GmtExpired-nodes[1].GmtStart != int64(24*time.Hour/time.Millisecond) {
		t.Fatalf("nodes = %+v", nodes)
	}
	deploy, accept, hand := nodes[1].NodeId, nodes[2].NodeId, nodes[3].NodeId
	step := func(action string, node int64, form, remark string) error {
		return c.ProjectStep(ctx, action, inst, node, form, remark)
	}

	// The rules, each refused with the documented code.
	for _, tc := range []struct {
		name, action string
		node         int64
		form, want   string
	}{
		{"a node that is not current", "FinishCurrentProjectNode", accept, "", "IllegalCurrentNode"},
		{"a required field missing", "FinishCurrentProjectNode", deploy, `{}`, "IllegalParameter"},
		{"a field the node lacks", "FinishCurrentProjectNode", deploy, `{"TFD0":"x","TFD9":"y"}`, "IllegalParameter"},
		{"a value too long", "FinishCurrentProjectNode", deploy, `{"TFD0":"` + strings.Repeat("长", 41) + `"}`, "IllegalParameter"},
		{"a form that is not an object", "FinishCurrentProjectNode", deploy, `["x"]`, "IllegalParameter"},
		{"an attachment needed", "FinishCurrentProjectNode", deploy, `{"TFD0":"https://x"}`, "IllegalRequest"},
		{"rolling back the first step", "RollbackCurrentProjectNode", deploy, "", "IllegalCurrentNode"},
		{"resuming a running project", "ResumeProject", deploy, "", "IllegalProjectStatus"},
	} {
		if got := code(step(tc.action, tc.node, tc.form, "")); got != tc.want {
			t.Errorf("%s: %s answered %q, want %s", tc.name, tc.action, got, tc.want)
		}
	}
	if got := code(c.ProjectStep(ctx, "FinishCurrentProjectNode", "99999999", deploy, "", "")); got != "IllegalPermission" {
		t.Errorf("an unknown instance: %q, want IllegalPermission", got)
	}

	// The seller's console upload (played by SandboxProjectAct), then the node finishes.
	f, err := c.UploadFile(ctx, "deploy-report.pdf", []byte("%PDF-1.4 report"), "")
	if err != nil {
		t.Fatal(err)
	}
	if err := c.ProjectAct(ctx, inst, market.ProjectAct{Role: "seller", FileID: f.FileId, Content: "部署报告"}); err != nil {
		t.Fatal(err)
	}
	if err := step("PauseProject", deploy, "", "等待买家提供服务器"); err != nil {
		t.Fatal(err)
	}
	if got := code(step("FinishCurrentProjectNode", deploy, `{"TFD0":"https://x"}`, "")); got != "IllegalProjectStatus" {
		t.Errorf("finishing a paused project: %q, want IllegalProjectStatus", got)
	}
	if err := step("ResumeProject", deploy, "", ""); err != nil {
		t.Fatal(err)
	}
	if err := step("FinishCurrentProjectNode", deploy, `{"TFD0":"https://app.example.com"}`, "已部署"); err != nil {
		t.Fatal(err)
	}
	got, _ := c.GetInstance(ctx, inst)
	if got.Status != "STARTED" {
		t.Errorf("instance after the first step: %s, want STARTED", got.Status)
	}
	// The buyer's node is theirs: the seller may not finish it, and may roll it back.
	if got := code(step("FinishCurrentProjectNode", accept, "", "")); got != "IllegalOperatorRole" {
		t.Errorf("the seller finishing the buyer's node: %q, want IllegalOperatorRole", got)
	}
	if err := step("RollbackCurrentProjectNode", accept, "", "地址写错了"); err != nil {
		t.Fatal(err)
	}
	cur, _ := c.CurrentNode(ctx, inst)
	if cur.NodeId != deploy || cur.NodeStatus != "Starting" || !strings.Contains(cur.TemplateForm, "https://app.example.com") {
		t.Fatalf("after rollback the current node is %+v", cur)
	}
	if err := step("FinishCurrentProjectNode", deploy, `{"TFD0":"https://app2.example.com"}`, ""); err != nil {
		t.Fatal(err)
	}
	// The buyer does not answer: the clock passes the node's time and it finishes by itself.
	if err := c.Call(ctx, market.Request{Action: "SandboxAdvanceClock", Form: map[string][]string{"Duration": {"25h"}}}, nil); err != nil {
		t.Fatal(err)
	}
	cur, _ = c.CurrentNode(ctx, inst)
	if cur.NodeId != hand {
		t.Fatalf("after the buyer's time passed the current node is %d, want %d", cur.NodeId, hand)
	}
	if err := c.ProjectAct(ctx, inst, market.ProjectAct{Message: "谢谢"}); err != nil {
		t.Fatal(err)
	}
	if err := step("FinishCurrentProjectNode", hand, "", ""); err != nil {
		t.Fatal(err)
	}
	info, _ = c.ProjectInfo(ctx, inst)
	got, _ = c.GetInstance(ctx, inst)
	if info.ProjectStatus != "Finish" || info.FinishType != "Normal" || info.GmtFinished == 0 || info.CurrentStepNo != 4 || got.Status != "CONFIRM" {
		t.Fatalf("finished project = %+v, instance %s", info, got.Status)
	}
	if got := code(step("FinishCurrentProjectNode", hand, "", "")); got != "IllegalProjectStatus" {
		t.Errorf("finishing a finished project: %q", got)
	}

	// What accumulated.
	var msgs []marketapi.ProjectMessage
	c.ProjectMessages(ctx, inst, func(m []marketapi.ProjectMessage) bool { msgs = append(msgs, m...); return true })
	if len(msgs) != 4 || msgs[0].Content != "谢谢" || msgs[0].OperatorRole != "Custom" || msgs[3].Content != "等待买家提供服务器" {
		t.Errorf("messages = %+v", msgs)
	}
	atts, _ := c.ProjectAttachments(ctx, inst)
	if len(atts) != 1 || atts[0].FileName != "deploy-report.pdf" || atts[0].FileSuffix != "pdf" || atts[0].NodeId != deploy ||
		atts[0].OperatorRole != "Provider" || atts[0].Content != "部署报告" {
		t.Fatalf("attachments = %+v", atts)
	}
	resp, err := http.Get(atts[0].FileLink)
	if err != nil || resp.StatusCode != 200 {
		t.Errorf("FileLink %s: %v %v", atts[0].FileLink, resp, err)
	} else {
		resp.Body.Close()
	}
	logs, _ := c.ProjectLogs(ctx, inst)
	var text []string
	for _, l := range logs {
		text = append(text, l.OperatorRole+":"+l.Description)
	}
	joined := strings.Join(text, "\n")
	for _, want := range []string{"System:项目已创建", "Provider:上传附件 deploy-report.pdf", "Provider:项目已暂停", "Provider:项目已恢复",
		"Provider:完成节点「Deploy」：已部署", "Provider:节点「Accept」回退到「Deploy」：地址写错了", "System:完成节点「Accept」", "System:项目已完成"} {
		if !strings.Contains(joined, want) {
			t.Errorf("operation log lacks %q:\n%s", want, joined)
		}
	}
}

func TestProjectOnlyForServiceWithTemplate(t *testing.T) {
	_, _, c := newSandbox(t)
	ctx := context.Background()
	name := "No template"
	p, err := c.CreateProduct(ctx, market.ProductInput{Type: "SERVICE", Name: &name, Skus: []marketapi.SKU{{Name: "Std", Price: "1"}}, ValidityPeriods: []string{"1y"}}, "")
	if err != nil {
		t.Fatal(err)
	}
	c.SubmitProduct(ctx, p.Code, "review", "")
	c.ReviewProduct(ctx, p.Code, "approve", "")
	buy, err := c.Simulate(ctx, "SandboxPurchase", market.BuyerEvent{Code: p.Code})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.ProjectInfo(ctx, strconv.FormatInt(buy.InstanceId, 10))
	if code(err) != "IllegalRequest" {
		t.Fatalf("a service bought without a template: %v, want IllegalRequest", err)
	}
	_, err = c.ProjectNodes(ctx, "12")
	if code(err) != "IllegalPermission" {
		t.Fatalf("an unknown instance: %v, want IllegalPermission", err)
	}
}

func TestProjectMessagesPage(t *testing.T) {
	_, _, c := newSandbox(t)
	ctx := context.Background()
	inst := serviceWithTemplate(t, c)
	for i := range marketapi.ProjectMessagesPageSize + 3 {
		if err := c.ProjectAct(ctx, inst, market.ProjectAct{Message: "m" + strconv.Itoa(i)}); err != nil {
			t.Fatal(err)
		}
	}
	var out marketapi.ProjectMessagesAnswer
	if err := c.Call(ctx, market.Request{Action: "DescribeProjectMessages", Query: map[string][]string{"InstanceId": {inst}, "PageIndex": {"2"}}}, &out); err != nil {
		t.Fatal(err)
	}
	if out.TotalCount != int64(marketapi.ProjectMessagesPageSize+3) || len(out.Result) != 3 || out.Result[2].Content != "m0" {
		t.Fatalf("page 2 = %+v", out)
	}
	var all []marketapi.ProjectMessage
	c.ProjectMessages(ctx, inst, func(m []marketapi.ProjectMessage) bool { all = append(all, m...); return true })
	if len(all) != marketapi.ProjectMessagesPageSize+3 {
		t.Fatalf("all pages: %d messages", len(all))
	}
}
