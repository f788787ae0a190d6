package sandbox

import (
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"errors"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mkt-cli/mkt/internal/marketapi"
)

// The delivery centre (交付中心, FAQ 三 Q5): buying a service product that has a delivery
// template attached creates a project for the instance. Its first node is the marketplace's
// (the order, finished at once); then one node per template step, in order. Exactly one node
// is current: the seller finishes its own nodes (FinishCurrentProjectNode, with the step's form),
// the buyer finishes theirs (played by SandboxProjectAct), a node that allows it is rolled back
// to the one before, and the project can be paused and resumed. Messages, attachments and an
// operation log accumulate as it goes (docs/api.md, "The delivery centre").

// nodeTTL is how long a node runs before it is due (GmtExpired - GmtStart, as the public
// metadata's example shows); an auto-finishing node finishes by itself then.
const nodeTTL = 24 * time.Hour

// systemNodeName is the marketplace's own first node: the buyer's order.
const systemNodeName = "买家下单"

type projectRow struct {
	InstanceID, OrderID             int64
	TemplateID, Status, FinishType  string
	CreatedAt, FinishedAt, PausedAt int64
	inst                            *instanceRow
}

type nodeRow struct {
	ID                                  int64
	InstanceID                          int64
	Step                                int
	Name, Role, Fields, Status          string
	NeedAttachment, AllowRollback, Auto bool
	StartedAt, ExpiresAt, FinishedAt    int64
}

const nodeColumns = `id, instance_id, step_no, name, role, fields, need_attachment, allow_rollback, auto_finish, status, started_at, expires_at, finished_at`

func scanNode(sc interface{ Scan(...any) error }) (*nodeRow, error) {
	var n nodeRow
	err := sc.Scan(&n.ID, &n.InstanceID, &n.Step, &n.Name, &n.Role, &n.Fields, &n.NeedAttachment, &n.AllowRollback, &n.Auto,
		&n.Status, &n.StartedAt, &n.ExpiresAt, &n.FinishedAt)
	return &n, err
}

func saveNode(c *Call, n *nodeRow) error {
	_, err := c.Tx.Exec(`UPDATE delivery_nodes SET fields = ?, status = ?, started_at = ?, expires_at = ?, finished_at = ? WHERE id = ?`,
		n.Fields, n.Status, n.StartedAt, n.ExpiresAt, n.FinishedAt, n.ID)
	return err
}

func saveProject(c *Call, p *projectRow) error {
	_, err := c.Tx.Exec(`UPDATE delivery_projects SET status = ?, finish_type = ?, finished_at = ?, paused_at = ? WHERE instance_id = ?`,
		p.Status, p.FinishType, p.FinishedAt, p.PausedAt, p.InstanceID)
	return err
}

// createProject starts the delivery project of a service instance bought with a template.
func createProject(c *Call, r *sellerRow, inst *instanceRow) error {
	var name, stepsJSON string
	err := c.Tx.QueryRow(`SELECT name, steps FROM delivery_templates WHERE id = ?`, r.TemplateID).Scan(&name, &stepsJSON)
	if errors.Is(err, sql.ErrNoRows) {
		return nil // a template that no longer exists: no project, as for a product without one
	}
	if err != nil {
		return err
	}
	var steps []marketapi.TemplateStep
	if err := json.Unmarshal([]byte(stepsJSON), &steps); err != nil {
		return err
	}
	now := c.Now.UnixMilli()
	if _, err := c.Tx.Exec(`INSERT INTO delivery_projects (instance_id, order_id, template_id, status, created_at) VALUES (?, ?, ?, ?, ?)`,
		inst.ID, inst.OrderID, r.TemplateID, marketapi.ProjectStarting, now); err != nil {
		return err
	}
	all := append([]marketapi.TemplateStep{{Name: systemNodeName, OperatorRole: marketapi.RoleSystem}}, steps...)
	for i, s := range all {
		id, err := nextSequence(c, "delivery_node", 8001)
		if err != nil {
			return err
		}
		fields := make([]marketapi.FormField, 0, len(s.Fields))
		for _, f := range s.Fields {
			fields = append(fields, marketapi.FormField{Key: f.Key, Title: f.Title, Required: f.Required, MaxLength: f.MaxLength})
		}
		fj, _ := json.Marshal(fields)
		n := nodeRow{ID: id, InstanceID: inst.ID, Step: i + 1, Name: s.Name, Role: s.OperatorRole, Fields: string(fj), Status: marketapi.NodeWaiting,
			NeedAttachment: s.NeedAttachment, AllowRollback: s.AllowRollback, Auto: s.AutoFinish}
		switch i {
		case 0:
			n.Status, n.StartedAt, n.FinishedAt = marketapi.NodeFinish, now, now
		case 1:
			n.Status, n.StartedAt, n.ExpiresAt = marketapi.NodeStarting, now, now+nodeTTL.Milliseconds()
		}
		if _, err := c.Tx.Exec(`INSERT INTO delivery_nodes (`+nodeColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			n.ID, n.InstanceID, n.Step, n.Name, n.Role, n.Fields, n.NeedAttachment, n.AllowRollback, n.Auto, n.Status, n.StartedAt, n.ExpiresAt, n.FinishedAt); err != nil {
			return err
		}
	}
	return projectLog(c, inst.ID, marketapi.RoleSystem, "项目已创建（模板 "+name+"），当前节点："+all[1].Name)
}

// loadProject finds the project of instance raw (the InstanceId parameter). An unknown or foreign instance is
// answered as the metadata documents (400 IllegalPermission); an instance without a project
// (not a service product, or bought without a template) is an IllegalRequest.
func loadProject(c *Call, raw string) (*projectRow, error) {
	inst, err := loadInstance(c, raw)
	if err != nil {
		return nil, documented(err, 400, "IllegalPermission")
	}
	p := projectRow{inst: inst}
	err = c.Tx.QueryRow(`SELECT instance_id, order_id, template_id, status, finish_type, created_at, finished_at, paused_at
		FROM delivery_projects WHERE instance_id = ?`, inst.ID).Scan(&p.InstanceID, &p.OrderID, &p.TemplateID, &p.Status, &p.FinishType,
		&p.CreatedAt, &p.FinishedAt, &p.PausedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, Errf(400, "IllegalRequest", "Instance %d has no delivery project: only a service product bought with a delivery template attached has one.", inst.ID)
	}
	return &p, err
}

func projectNodes(c *Call, instID int64) ([]*nodeRow, error) {
	rows, err := c.Tx.Query(`SELECT `+nodeColumns+` FROM delivery_nodes WHERE instance_id = ? ORDER BY step_no`, instID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*nodeRow
	for rows.Next() {
		n, err := scanNode(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// openProject loads the project of the InstanceId parameter and its nodes, first to last.
func openProject(c *Call) (*projectRow, []*nodeRow, error) {
	p, err := loadProject(c, c.Params.Get("InstanceId"))
	if err != nil {
		return nil, nil, err
	}
	nodes, err := projectNodes(c, p.InstanceID)
	return p, nodes, err
}

// current is the node in progress (Starting or Pause), or nil when the project is finished.
func current(nodes []*nodeRow) *nodeRow {
	for _, n := range nodes {
		if n.Status == marketapi.NodeStarting || n.Status == marketapi.NodePause {
			return n
		}
	}
	return nil
}

func nodeModel(nodes []*nodeRow, i int) marketapi.ProjectNode {
	n := nodes[i]
	m := marketapi.ProjectNode{NodeId: n.ID, NodeName: n.Name, StepNo: n.Step, FinalStepNo: len(nodes), NodeStatus: n.Status, OperatorRole: n.Role,
		AutoFinishNode: n.Auto, AllowRollbackNode: n.AllowRollback, NeedAttachment: n.NeedAttachment, TemplateForm: n.Fields,
		GmtStart: n.StartedAt, GmtExpired: n.ExpiresAt, GmtFinished: n.FinishedAt}
	if i > 0 {
		m.PreviousNodeId = nodes[i-1].ID
	}
	if i+1 < len(nodes) {
		m.NextNodeId = nodes[i+1].ID
	}
	return m
}

func describeProjectInfo(c *Call) (any, error) {
	p, nodes, err := openProject(c)
	if err != nil {
		return nil, err
	}
	r, err := loadProduct(c, p.inst.ProductCode)
	if err != nil {
		return nil, err
	}
	seller, err := sellerUID(c.Tx)
	if err != nil {
		return nil, err
	}
	tpl, _ := strconv.ParseInt(p.TemplateID, 10, 64)
	info := marketapi.ProjectInfo{ProductName: r.Name, ProjectStatus: p.Status, CustomerAliUid: p.inst.AliUID, TemplateType: "Custom",
		InstanceId: strconv.FormatInt(p.InstanceID, 10), ProductSkuCode: p.inst.SkuCode, FinalStepNo: len(nodes), CurrentStepNo: len(nodes),
		GmtExpired: p.inst.EndOn, GmtFinished: p.FinishedAt, GmtCreate: p.CreatedAt, SupplierAliUid: seller, FinishType: p.FinishType,
		TemplateId: tpl, OrderId: p.OrderID, ProductCode: p.inst.ProductCode}
	if n := current(nodes); n != nil {
		info.CurrentStepNo = n.Step
	}
	for _, s := range r.skus() {
		if s.Code == p.inst.SkuCode {
			info.ProductSkuName = s.Name
		}
	}
	return marketapi.ProjectInfoAnswer{Success: true, Result: info}, nil
}

func describeProjectNodes(c *Call) (any, error) {
	_, nodes, err := openProject(c)
	if err != nil {
		return nil, err
	}
	out := marketapi.ProjectNodesAnswer{Success: true, Result: make([]marketapi.ProjectNode, 0, len(nodes))}
	for i := range nodes {
		out.Result = append(out.Result, nodeModel(nodes, i))
	}
	return out, nil
}

func describeCurrentNodeInfo(c *Call) (any, error) {
	_, nodes, err := openProject(c)
	if err != nil {
		return nil, err
	}
	i := len(nodes) - 1 // a finished project's current node is its last
	if cur := current(nodes); cur != nil {
		i = cur.Step - 1
	}
	return marketapi.ProjectNodeAnswer{Success: true, Result: nodeModel(nodes, i)}, nil
}

// --- Messages, attachments and the operation log --------------------------------------------

// operator is who acted in a role: the seller (its account and shop name), the buyer of the
// instance, or the marketplace.
func operator(c *Call, inst *instanceRow, role string) (int64, string, error) {
	switch role {
	case marketapi.RoleProvider:
		uid, err := sellerUID(c.Tx)
		if err != nil {
			return 0, "", err
		}
		name, _, err := shopFacts(c)
		return uid, name, err
	case marketapi.RoleCustom:
		return inst.AliUID, "买家 " + strconv.FormatInt(inst.AliUID, 10), nil
	}
	return 0, "系统", nil
}

func addEvent(c *Call, instID int64, kind, role, text string, nodeID int64, fileID string) error {
	inst, err := loadInstance(c, strconv.FormatInt(instID, 10))
	if err != nil {
		return err
	}
	uid, name, err := operator(c, inst, role)
	if err != nil {
		return err
	}
	_, err = c.Tx.Exec(`INSERT INTO delivery_events (instance_id, kind, node_id, role, operator, operator_name, text, file_id, at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, instID, kind, nodeID, role, uid, name, text, fileID, c.Now.UnixMilli())
	return err
}

func projectLog(c *Call, instID int64, role, text string) error {
	return addEvent(c, instID, "log", role, text, 0, "")
}

type eventRow struct {
	NodeID, Operator, At     int64
	Role, Name, Text, FileID string
}

func projectEvents(c *Call, instID int64, kind string, newestFirst bool, limit, offset int) ([]eventRow, error) {
	order := "id"
	if newestFirst {
		order = "id DESC"
	}
	rows, err := c.Tx.Query(`SELECT node_id, operator, at, role, operator_name, text, file_id FROM delivery_events
		WHERE instance_id = ? AND kind = ? ORDER BY `+order+` LIMIT ? OFFSET ?`, instID, kind, limit, offset)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []eventRow
	for rows.Next() {
		var e eventRow
		if err := rows.Scan(&e.NodeID, &e.Operator, &e.At, &e.Role, &e.Name, &e.Text, &e.FileID); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

func describeProjectMessages(c *Call) (any, error) {
	p, err := loadProject(c, c.Params.Get("InstanceId"))
	if err != nil {
		return nil, err
	}
	page := 1
	if v := c.Params.Get("PageIndex"); v != "" {
		if page, err = strconv.Atoi(v); err != nil || page < 1 {
			return nil, Errf(400, "IllegalParameter", "PageIndex must be a page number from 1.")
		}
	}
	out := marketapi.ProjectMessagesAnswer{Success: true, Result: []marketapi.ProjectMessage{}}
	if err := c.Tx.QueryRow(`SELECT COUNT(*) FROM delivery_events WHERE instance_id = ? AND kind = 'message'`, p.InstanceID).Scan(&out.TotalCount); err != nil {
		return nil, err
	}
	size := marketapi.ProjectMessagesPageSize
	evs, err := projectEvents(c, p.InstanceID, "message", true, size, (page-1)*size)
	for _, e := range evs {
		out.Result = append(out.Result, marketapi.ProjectMessage{GmtCreate: e.At, Operator: e.Operator, OperatorRole: e.Role, OperatorName: e.Name, Content: e.Text})
	}
	return out, err
}

func describeProjectOperateLogs(c *Call) (any, error) {
	p, err := loadProject(c, c.Params.Get("InstanceId"))
	if err != nil {
		return nil, err
	}
	evs, err := projectEvents(c, p.InstanceID, "log", false, -1, 0)
	out := marketapi.ProjectLogsAnswer{Success: true, Result: []marketapi.ProjectLog{}}
	for _, e := range evs {
		out.Result = append(out.Result, marketapi.ProjectLog{GmtCreate: e.At, Operator: e.Operator, OperatorRole: e.Role, OperatorName: e.Name, Description: e.Text})
	}
	return out, err
}

// attachmentLinkTTL is how long an attachment's FileLink stays valid.
const attachmentLinkTTL = time.Hour

func describeProjectAttachments(c *Call) (any, error) {
	p, nodes, err := openProject(c)
	if err != nil {
		return nil, err
	}
	byID := map[int64]*nodeRow{}
	for _, n := range nodes {
		byID[n.ID] = n
	}
	evs, err := projectEvents(c, p.InstanceID, "attachment", false, -1, 0)
	if err != nil {
		return nil, err
	}
	out := marketapi.ProjectAttachmentsAnswer{Success: true, Result: []marketapi.ProjectAttachment{}}
	for _, e := range evs {
		a := marketapi.ProjectAttachment{NodeId: e.NodeID, AttachmentType: "File", Content: e.Text, Operator: e.Operator, OperatorRole: e.Role,
			OperatorName: e.Name, GmtCreate: e.At, AttachmentToken: base64.StdEncoding.EncodeToString([]byte(e.FileID)),
			FileLink: c.Store.fileLink(c.Base, e.FileID, c.Now.Add(attachmentLinkTTL)), FileLinkGmtExpired: c.Now.Add(attachmentLinkTTL).UnixMilli()}
		if n := byID[e.NodeID]; n != nil {
			a.NodeName, a.StepNo = n.Name, n.Step
		}
		if err := c.Tx.QueryRow(`SELECT name, size FROM files WHERE id = ?`, e.FileID).Scan(&a.FileName, &a.FileSize); err != nil {
			return nil, err
		}
		a.FileSuffix = strings.TrimPrefix(strings.ToLower(filepath.Ext(a.FileName)), ".")
		out.Result = append(out.Result, a)
	}
	return out, nil
}

// --- Changing a project ---------------------------------------------------------------------

// projectStep loads the project and its current node, and checks that NodeId names that node
// and that the project is in the wanted status.
func projectStep(c *Call, wantStatus string) (*projectRow, []*nodeRow, *nodeRow, error) {
	p, nodes, err := openProject(c)
	if err != nil {
		return nil, nil, nil, err
	}
	raw := c.Params.Get("NodeId")
	if raw == "" {
		return nil, nil, nil, missingParam("NodeId")
	}
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil {
		return nil, nil, nil, Errf(400, "IllegalParameter", "NodeId must be a number.")
	}
	if p.Status != wantStatus {
		return nil, nil, nil, Errf(400, "IllegalProjectStatus", "The project of instance %d is %s; this needs it %s.", p.InstanceID, p.Status, wantStatus)
	}
	cur := current(nodes)
	if cur == nil || cur.ID != id {
		at := "none (the project is finished)"
		if cur != nil {
			at = strconv.FormatInt(cur.ID, 10) + " (" + cur.Name + ")"
		}
		return nil, nil, nil, Errf(400, "IllegalCurrentNode", "Node %d is not the current node of instance %d; the current node is %s.", id, p.InstanceID, at)
	}
	return p, nodes, cur, nil
}

// fillForm checks the entered values (a JSON object of field key to value) against the node's
// fields and returns the form with the values in.
func fillForm(n *nodeRow, raw string) (string, error) {
	var fields []marketapi.FormField
	json.Unmarshal([]byte(n.Fields), &fields)
	values := map[string]string{}
	if strings.TrimSpace(raw) != "" {
		if err := json.Unmarshal([]byte(raw), &values); err != nil {
			return "", Errf(400, "IllegalParameter", "TemplateForm must be a JSON object of field key to text, as {\"TFD0\":\"…\"}: %v", err)
		}
	}
	known := map[string]bool{}
	var problems []string
	for i := range fields {
		f := &fields[i]
		known[f.Key] = true
		v, ok := values[f.Key]
		switch {
		case f.Required && strings.TrimSpace(v) == "":
			problems = append(problems, f.Key+" ("+f.Title+") is required")
		case f.MaxLength > 0 && utf8.RuneCountInString(v) > f.MaxLength:
			problems = append(problems, f.Key+" ("+f.Title+") is longer than "+strconv.Itoa(f.MaxLength)+" characters")
		}
		if ok {
			f.Value = v
		}
	}
	var unknown []string
	for k := range values {
		if !known[k] {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	for _, k := range unknown {
		problems = append(problems, k+" is not a field of node "+strconv.FormatInt(n.ID, 10))
	}
	if len(problems) > 0 {
		return "", Errf(400, "IllegalParameter", "TemplateForm: %s.", strings.Join(problems, "; "))
	}
	b, _ := json.Marshal(fields)
	return string(b), nil
}

// finishNode finishes the current node as role and starts the next; the last one finishes the
// project. The instance's status follows (READYING → STARTED → CONFIRM).
func finishNode(c *Call, p *projectRow, nodes []*nodeRow, cur *nodeRow, role, form, remark string) error {
	if cur.NeedAttachment && role != marketapi.RoleSystem {
		var n int
		if err := c.Tx.QueryRow(`SELECT COUNT(*) FROM delivery_events WHERE instance_id = ? AND kind = 'attachment' AND node_id = ?`, p.InstanceID, cur.ID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return Errf(400, "IllegalRequest", "Node %d (%s) needs an attachment before it can be finished.", cur.ID, cur.Name)
		}
	}
	now := c.Now.UnixMilli()
	cur.Fields, cur.Status, cur.FinishedAt = form, marketapi.NodeFinish, now
	if err := saveNode(c, cur); err != nil {
		return err
	}
	if err := logStep(c, p.InstanceID, role, cur.ID, "完成节点「"+cur.Name+"」", remark); err != nil {
		return err
	}
	inst := p.inst
	if cur.Step == len(nodes) {
		p.Status, p.FinishType, p.FinishedAt = marketapi.ProjectFinish, "Normal", now
		inst.Status = "CONFIRM"
		if err := projectLog(c, p.InstanceID, marketapi.RoleSystem, "项目已完成"); err != nil {
			return err
		}
	} else {
		next := nodes[cur.Step]
		next.Status, next.StartedAt, next.ExpiresAt, next.FinishedAt = marketapi.NodeStarting, now, now+nodeTTL.Milliseconds(), 0
		if err := saveNode(c, next); err != nil {
			return err
		}
		if inst.Status == "READYING" {
			inst.Status = "STARTED"
		}
	}
	if err := saveProject(c, p); err != nil {
		return err
	}
	return saveInstance(c, inst)
}

func finishCurrentProjectNode(c *Call) (any, error) {
	p, nodes, cur, err := projectStep(c, marketapi.ProjectStarting)
	if err != nil {
		return nil, err
	}
	if cur.Role != marketapi.RoleProvider {
		return nil, Errf(400, "IllegalOperatorRole", "Node %d (%s) is the buyer's to finish, not the seller's.", cur.ID, cur.Name)
	}
	form, err := fillForm(cur, c.Params.Get("TemplateForm"))
	if err != nil {
		return nil, err
	}
	if err := finishNode(c, p, nodes, cur, marketapi.RoleProvider, form, c.Params.Get("Remark")); err != nil {
		return nil, err
	}
	return marketapi.ProjectDone{Success: true, Result: true}, nil
}

func rollbackCurrentProjectNode(c *Call) (any, error) {
	p, nodes, cur, err := projectStep(c, marketapi.ProjectStarting)
	if err != nil {
		return nil, err
	}
	if !cur.AllowRollback {
		return nil, Errf(400, "IllegalCurrentNode", "Node %d (%s) does not allow rolling back (its template step says so).", cur.ID, cur.Name)
	}
	prev := nodes[cur.Step-2]
	if prev.Role == marketapi.RoleSystem {
		return nil, Errf(400, "IllegalCurrentNode", "Node %d (%s) is the first step: there is nothing to roll back to.", cur.ID, cur.Name)
	}
	now := c.Now.UnixMilli()
	cur.Status, cur.StartedAt, cur.ExpiresAt = marketapi.NodeWaiting, 0, 0
	prev.Status, prev.StartedAt, prev.ExpiresAt, prev.FinishedAt = marketapi.NodeStarting, now, now+nodeTTL.Milliseconds(), 0
	for _, n := range []*nodeRow{cur, prev} {
		if err := saveNode(c, n); err != nil {
			return nil, err
		}
	}
	if err := logStep(c, p.InstanceID, marketapi.RoleProvider, cur.ID, "节点「"+cur.Name+"」回退到「"+prev.Name+"」", c.Params.Get("Remark")); err != nil {
		return nil, err
	}
	return marketapi.ProjectDone{Success: true, Result: true}, nil
}

// logStep records a step in the operation log, with its remark, which the other side also
// sees as a message.
func logStep(c *Call, instID int64, role string, nodeID int64, text, remark string) error {
	if remark != "" {
		text += "：" + remark
		if err := addEvent(c, instID, "message", role, remark, nodeID, ""); err != nil {
			return err
		}
	}
	return projectLog(c, instID, role, text)
}

func pauseProject(c *Call) (any, error) {
	p, _, cur, err := projectStep(c, marketapi.ProjectStarting)
	if err != nil {
		return nil, err
	}
	p.Status, p.PausedAt = marketapi.ProjectPause, c.Now.UnixMilli()
	cur.Status = marketapi.NodePause
	return pausedOrResumed(c, p, cur, "项目已暂停（节点「"+cur.Name+"」）")
}

func resumeProject(c *Call) (any, error) {
	p, _, cur, err := projectStep(c, marketapi.ProjectPause)
	if err != nil {
		return nil, err
	}
	// The time paused does not count against the node.
	if cur.ExpiresAt > 0 {
		cur.ExpiresAt += c.Now.UnixMilli() - p.PausedAt
	}
	p.Status, p.PausedAt = marketapi.ProjectStarting, 0
	cur.Status = marketapi.NodeStarting
	return pausedOrResumed(c, p, cur, "项目已恢复（节点「"+cur.Name+"」）")
}

func pausedOrResumed(c *Call, p *projectRow, cur *nodeRow, text string) (any, error) {
	if err := saveNode(c, cur); err != nil {
		return nil, err
	}
	if err := saveProject(c, p); err != nil {
		return nil, err
	}
	if err := logStep(c, p.InstanceID, marketapi.RoleProvider, cur.ID, text, c.Params.Get("Remark")); err != nil {
		return nil, err
	}
	return marketapi.ProjectDone{Success: true, Result: true}, nil
}

// sandboxProjectAct plays what has no public API: the buyer's side of a project (a message, an
// attachment, finishing a buyer's node with its form) and the seller's console uploads (an
// attachment to the seller's current node, for steps that need one).
func sandboxProjectAct(c *Call) (any, error) {
	p, nodes, err := openProject(c)
	if err != nil {
		return nil, err
	}
	role := marketapi.RoleCustom
	switch strings.ToLower(c.Params.Get("Role")) {
	case "", "custom", "buyer":
	case "provider", "seller":
		role = marketapi.RoleProvider
	default:
		return nil, badParam("Role", "Role must be buyer (Custom) or seller (Provider).")
	}
	cur := current(nodes)
	var curID int64
	if cur != nil {
		curID = cur.ID
	}
	did := false
	if m := strings.TrimSpace(c.Params.Get("Message")); m != "" {
		if err := addEvent(c, p.InstanceID, "message", role, m, curID, ""); err != nil {
			return nil, err
		}
		did = true
	}
	if f := c.Params.Get("FileId"); f != "" {
		var name string
		if err := c.Tx.QueryRow(`SELECT name FROM files WHERE id = ?`, f).Scan(&name); err != nil {
			return nil, Errf(404, "InvalidFileId.NotFound", "File %q was not uploaded (UploadFile).", f)
		}
		if cur == nil {
			return nil, Errf(400, "IllegalProjectStatus", "The project of instance %d is finished: nothing to attach to.", p.InstanceID)
		}
		if err := addEvent(c, p.InstanceID, "attachment", role, c.Params.Get("Content"), cur.ID, f); err != nil {
			return nil, err
		}
		if err := projectLog(c, p.InstanceID, role, "上传附件 "+name+"（节点「"+cur.Name+"」）"); err != nil {
			return nil, err
		}
		did = true
	}
	if c.boolParam("Finish") {
		p2, nodes, cur, err := projectStep(c, marketapi.ProjectStarting)
		if err != nil {
			return nil, err
		}
		if cur.Role != role {
			return nil, Errf(400, "IllegalOperatorRole", "Node %d (%s) is the %s's to finish.", cur.ID, cur.Name, cur.Role)
		}
		form, err := fillForm(cur, c.Params.Get("TemplateForm"))
		if err != nil {
			return nil, err
		}
		if err := finishNode(c, p2, nodes, cur, role, form, ""); err != nil {
			return nil, err
		}
		did = true
	}
	if !did {
		return nil, Errf(400, "InvalidParameter", "Say what the buyer does: Message, FileId or Finish.")
	}
	return marketapi.ProjectDone{Success: true, Result: true}, nil
}

// autoFinishDue finishes every auto-finishing node whose time has passed at the call's time
// (a buyer who does not confirm within the node's time confirms by default).
func autoFinishDue(c *Call) error {
	for {
		n, err := scanNode(c.Tx.QueryRow(`SELECT `+nodeColumns+` FROM delivery_nodes WHERE auto_finish = 1 AND status = ? AND expires_at > 0
			AND expires_at <= ? ORDER BY expires_at LIMIT 1`, marketapi.NodeStarting, c.Now.UnixMilli()))
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		p, err := loadProject(c, strconv.FormatInt(n.InstanceID, 10))
		if err != nil {
			return err
		}
		nodes, err := projectNodes(c, p.InstanceID)
		if err != nil {
			return err
		}
		if err := finishNode(c, p, nodes, nodes[n.Step-1], marketapi.RoleSystem, n.Fields, ""); err != nil {
			return err
		}
	}
}
