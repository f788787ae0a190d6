package marketapi

// The delivery centre (交付中心, FAQ 三 Q5): a service product bought with a delivery template
// attached becomes a project, one per instance, whose nodes follow the template's steps. Field
// names and types are the public metadata's; times are epoch milliseconds as it documents.

// Project statuses (ProjectStatus) and node statuses (NodeStatus).
const (
	ProjectStarting = "Starting"
	ProjectPause    = "Pause"
	ProjectFinish   = "Finish"

	NodeWaiting  = "Waiting"
	NodeStarting = "Starting"
	NodePause    = "Pause"
	NodeFinish   = "Finish"
)

// Operator roles: the seller (Provider), the buyer (Custom) and the marketplace (System).
const (
	RoleProvider = "Provider"
	RoleCustom   = "Custom"
	RoleSystem   = "System"
)

// ProjectInfo is DescribeProjectInfo's Result.
type ProjectInfo struct {
	ProductName    string
	ProjectStatus  string
	CustomerAliUid int64
	TemplateType   string
	InstanceId     string
	ProductSkuName string
	FinalStepNo    int
	CurrentStepNo  int
	GmtExpired     int64 `mkt:"time"`
	GmtFinished    int64 `mkt:"time"`
	ProductSkuCode string
	GmtCreate      int64 `mkt:"time"`
	SupplierAliUid int64
	FinishType     string
	TemplateId     int64
	OrderId        int64
	ProductCode    string
}

// ProjectNode is one node of DescribeProjectNodes, and DescribeCurrentNodeInfo's Result.
// TemplateForm is the node's form as a JSON string: its fields, and the values entered when the
// node was finished.
type ProjectNode struct {
	NodeId            int64
	NodeName          string
	StepNo            int
	FinalStepNo       int
	NodeStatus        string
	OperatorRole      string
	PreviousNodeId    int64
	NextNodeId        int64
	ParentNodeId      int64
	AutoFinishNode    bool
	AllowRollbackNode bool
	NeedAttachment    bool
	TemplateForm      string
	GmtStart          int64 `mkt:"time"`
	GmtExpired        int64 `mkt:"time"`
	GmtFinished       int64 `mkt:"time"`
}

// FormField is one field of a node's TemplateForm: the template's field and, once entered,
// its value.
type FormField struct {
	Key       string
	Title     string
	Required  bool
	MaxLength int    `json:",omitempty"`
	Value     string `json:",omitempty"`
}

// ProjectMessage is one message of DescribeProjectMessages.
type ProjectMessage struct {
	GmtCreate    int64 `mkt:"time"`
	Operator     int64
	OperatorRole string
	OperatorName string
	Content      string
}

// ProjectAttachment is one attachment of DescribeProjectAttachments.
type ProjectAttachment struct {
	NodeId             int64
	NodeName           string
	StepNo             int
	AttachmentType     string
	AttachmentToken    string
	FileName           string
	FileSuffix         string
	FileSize           int64
	FileLink           string
	FileLinkGmtExpired int64 `mkt:"time"`
	Content            string
	Operator           int64
	OperatorRole       string
	OperatorName       string
	GmtCreate          int64 `mkt:"time"`
}

// ProjectLog is one entry of DescribeProjectOperateLogs.
type ProjectLog struct {
	GmtCreate    int64 `mkt:"time"`
	Operator     int64
	OperatorRole string
	OperatorName string
	Description  string
}

// ProjectInfoAnswer is DescribeProjectInfo's answer.
type ProjectInfoAnswer struct {
	Success bool
	Result  ProjectInfo
}

// ProjectNodeAnswer is DescribeCurrentNodeInfo's answer.
type ProjectNodeAnswer struct {
	Success bool
	Result  ProjectNode
}

// ProjectNodesAnswer is DescribeProjectNodes' answer.
type ProjectNodesAnswer struct {
	Success bool
	Result  []ProjectNode
}

// ProjectMessagesAnswer is DescribeProjectMessages' answer (a page of messages, newest first).
type ProjectMessagesAnswer struct {
	Success    bool
	TotalCount int64
	Result     []ProjectMessage
}

// ProjectAttachmentsAnswer is DescribeProjectAttachments' answer.
type ProjectAttachmentsAnswer struct {
	Success bool
	Result  []ProjectAttachment
}

// ProjectLogsAnswer is DescribeProjectOperateLogs' answer.
type ProjectLogsAnswer struct {
	Success bool
	Result  []ProjectLog
}

// ProjectDone is the answer of FinishCurrentProjectNode, RollbackCurrentProjectNode,
// PauseProject and ResumeProject.
type ProjectDone struct {
	Success bool
	Result  bool
}

// ProjectMessagesPageSize is how many messages one page of DescribeProjectMessages holds.
const ProjectMessagesPageSize = 20
