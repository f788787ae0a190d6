package i18n

import "strings"

// Enum kinds: the sets of values the marketplace (or mkt) uses as codes, each shown to a
// Chinese reader by its name. English shows the value itself, as the API and the flags write it.
const (
	EnumProductState   = "product.state"
	EnumProductType    = "product.type"
	EnumDelivery       = "product.delivery"
	EnumInstanceState  = "instance.state"
	EnumOrderState     = "order.state"
	EnumOrderType      = "order.type"
	EnumPeriod         = "period"
	EnumLicenseState   = "license.state"
	EnumInvoiceState   = "invoice.state"
	EnumInvoiceType    = "invoice.type"
	EnumPayMethod      = "pay.method"
	EnumSettlement     = "settlement.state"
	EnumAccountState   = "account.state"
	EnumAccountKind    = "account.kind"
	EnumOnboarding     = "onboarding.state"
	EnumProjectState   = "project.state"
	EnumNodeState      = "node.state"
	EnumTodoKind       = "todo.kind"
	EnumReviewVerdict  = "review.verdict"
	EnumCheckResult    = "check.result"
	EnumPlanAction     = "plan.action"
	EnumPlanKind       = "plan.kind"
	EnumCredentialKind = "credential.kind"
	EnumConfigKey      = "config.key"
	EnumProductStep    = "product.step"
	EnumURLField       = "url.field"
	EnumNestStatus     = "nest.status"
	EnumNestStep       = "nest.step"
	EnumArtifactStatus = "artifact.status"
	EnumNestInstance   = "nest.instance"
	EnumNestUsage      = "nest.usage"
	EnumDeployType     = "nest.deploytype"
	EnumNestAction     = "nest.action"
	EnumNestKind       = "nest.kind"
	EnumArtifactType   = "artifact.type"
	EnumServiceType    = "nest.servicetype"
	EnumShareType      = "nest.sharetype"
	EnumApprovalType   = "nest.approval"
)

// enums holds the Chinese name of each value, by kind. A value missing here is shown as it is.
var enums = map[string]map[string]string{
	EnumProductState: {"DRAFT": "草稿", "TESTING": "测试中", "REVIEWING": "审核中", "LISTED": "已上架",
		"REJECTED": "已驳回", "DELISTED": "已下架", "DELETED": "已删除"},
	EnumProductType: {"SAAS": "SaaS", "API": "API", "IMAGE": "镜像", "SERVICE": "服务", "APP": "SaaS",
		"MIRROR": "镜像", "API_SERVICE": "API"},
	EnumDelivery: {"SPI": "SPI 主动通知", "LICENSE": "授权码激活"},
	EnumInstanceState: {"NORMAL": "正常", "OPENING": "开通中", "OPENED": "已开通", "READYING": "待交付",
		"STARTED": "交付中", "CONFIRM": "待确认", "USING": "使用中", "EXPIRED": "已到期", "CLOSED": "已释放",
		"RELEASED": "已释放"},
	EnumOrderState: {"NORMAL": "正常", "PAID": "已支付", "REFUND": "已退款", "UNPAID": "未支付", "CANCELLED": "已取消"},
	EnumOrderType:  {"NEW": "新购", "BUY": "新购", "RENEW": "续费", "UPGRADE": "升级", "TRIAL": "试用", "REFUND": "退款"},
	EnumPeriod: {"DAY": "天", "WEEK": "周", "MONTH": "月", "SEASON": "季度", "HALFYEAR": "半年", "YEAR": "年",
		"TWOYEARS": "两年", "THREEYEARS": "三年"},
	EnumLicenseState: {"INACTIVATED": "未激活", "ACTIVATED": "已激活", "EXPIRED": "已过期", "DISCARD": "已作废"},
	EnumInvoiceState: {"PROCESSING": "待开具", "SUCCESS": "已开具", "REFUSED": "已拒绝", "REQUESTED": "待开具",
		"DONE": "已处理"},
	EnumInvoiceType:  {"2": "数电普票", "3": "数电专票"},
	EnumPayMethod:    {"BALANCE": "余额", "CREDIT": "信控支付"},
	EnumSettlement:   {"SETTLED": "已结算", "HELD_CREDIT": "信控暂缓"},
	EnumAccountState: {"NONE": "未设置", "VERIFYING": "验证中", "BOUND": "已绑定", "FAILED": "验证失败"},
	EnumAccountKind:  {"EMAIL": "邮箱", "MOBILE": "手机号"},
	EnumOnboarding: {"NONE": "未提交", "DRAFT": "草稿", "REVIEWING": "审核中", "APPROVED": "已通过",
		"REJECTED": "已驳回"},
	EnumProjectState: {"STARTING": "进行中", "PAUSE": "已暂停", "FINISH": "已完成"},
	EnumNodeState:    {"WAITING": "等待中", "STARTING": "进行中", "FINISH": "已完成", "PAUSE": "已暂停"},
	EnumTodoKind: {"ONBOARDING": "入驻", "SHOP": "店铺", "SETTLEMENT": "结算", "NOTIFICATION": "通知",
		"INVOICE": "发票", "PRODUCT": "商品", "DRIFT": "清单差异", "BUNDLE": "商品组合",
		"NEST": "计算巢"},
	EnumReviewVerdict: {"LISTED": "已上架", "REJECTED": "已驳回", "PENDING": "仍在审核中"},
	EnumCheckResult:   {"PASS": "通过", "FAIL": "未通过", "SKIP": "跳过"},
	EnumPlanAction: {"CREATE": "创建", "UPDATE": "更新", "SUBMIT": "提交审核", "UNCHANGED": "无变化",
		"BLOCKED": "受阻", "DELETE": "删除", "CREATED": "已创建", "UPDATED": "已更新", "SUBMITTED": "已提交审核",
		"FAILED": "失败", "LISTED": "已上架", "REJECTED": "已驳回", "PENDING": "仍在审核中", "TIMEOUT": "等待超时",
		"TRANSITION": "状态变化", "WAITING": "等待中", "DRIFT": "有差异", "UNCHECKED": "未检查", "IN-SYNC": "一致",
		"INSYNC": "一致"},
	EnumPlanKind: {"PRODUCT": "商品", "BUNDLE": "商品组合", "SHOP": "店铺"},
	EnumProductStep: {"SUBMIT-TEST": "提交测试", "SUBMIT-REVIEW": "提交审核", "APPROVE": "审核通过", "REJECT": "驳回",
		"DELIST": "下架", "DELETE": "删除", "EDIT": "编辑"},
	EnumURLField: {"PRODUCTION URL": "生产接口地址", "ACTIVATION URL": "激活页面地址", "TICKET URL": "工单系统地址",
		"FORWARD URL": "转发地址"},
	EnumConfigKey: {"CURRENT_PROFILE": "当前配置", "ENDPOINT": "接入地址", "REGION": "地域", "OUTPUT": "输出格式",
		"LANG": "提示语言", "SANDBOX": "沙箱", "EXTENSION": "卖家扩展", "ACCESS_KEY_ID": "AccessKey ID",
		"ACCESS_KEY_SECRET": "AccessKey 密钥", "SECURITY_TOKEN": "STS 令牌", "SPI_KEY": "SPI 密钥"},
	EnumNestStatus: {"DRAFT": "草稿", "SUBMITTED": "审核中", "APPROVED": "审核通过", "LAUNCHING": "发布中",
		"ONLINE": "已上线", "OFFLINE": "已下线", "BETA": "预发布", "CREATING": "创建中", "CREATEFAILED": "创建失败",
		"UPDATING": "更新中", "UPDATEFAILED": "更新失败", "REJECTED": "已驳回", "CANCELED": "已撤回",
		"EXECUTED": "已执行"},
	EnumNestStep: {"UPDATE": "修改", "SUBMIT": "提交审核", "CANCEL": "撤回审核", "PRELAUNCH": "预发布",
		"LAUNCH": "发布上线", "WITHDRAW": "下线", "DELETE": "删除"},
	EnumArtifactStatus: {"CREATED": "已创建", "SCANNING": "扫描中", "SCANFAILED": "扫描失败", "DELIVERING": "分发中",
		"AVAILABLE": "可用", "DELETED": "已删除"},
	EnumNestInstance: {"CREATED": "已创建", "DEPLOYING": "部署中", "DEPLOYEDFAILED": "部署失败", "DEPLOYED": "已部署",
		"UPGRADING": "升级中", "DELETING": "删除中", "DELETED": "已删除", "PAYASYOUGO": "按量付费",
		"SUBSCRIPTION": "包年包月", "PERMANENT": "永久授权", "CUSTOMFIXTIME": "固定时长"},
	EnumNestAction: {"CREATE": "创建", "UPDATE": "更新", "NEW-VERSION": "新建版本", "RELEASE": "发布", "UPLOAD": "上传",
		"UNCHANGED": "无变化", "BLOCKED": "受阻", "SUBMIT": "提交审核", "LAUNCH": "发布上线"},
	EnumArtifactType: {"FILE": "文件", "ECSIMAGE": "ECS 镜像", "ACRIMAGE": "容器镜像", "SCRIPT": "脚本", "HELMCHART": "Helm Chart"},
	EnumServiceType:  {"PRIVATE": "私有部署", "MANAGED": "全托管", "OPERATION": "代运维", "POC": "概念验证"},
	EnumShareType: {"PUBLIC": "公开", "RESTRICTED": "受限", "ONLYFORMALRESTRICTED": "正式使用受限", "ONLYTRAILRESTRICTED": "试用受限",
		"HIDDEN": "隐藏"},
	EnumApprovalType: {"MANUAL": "人工审批", "AUTOPASS": "自动通过"},
	EnumNestKind:     {"FILE": "文件", "ARTIFACT": "部署物", "SERVICE": "服务"},
	EnumNestUsage:    {"SUBMITTED": "待审批", "APPROVED": "已同意", "REJECTED": "已拒绝", "CANCELED": "已撤回"},
	EnumDeployType: {"ROS": "ROS 模板", "TERRAFORM": "Terraform", "SPI": "SPI 接口", "OPERATION": "代运维",
		"CONTAINER": "容器", "ACK": "ACK 集群", "PKG": "软件包"},
	EnumCredentialKind: {"SANDBOX": "沙箱", "ACCESSKEY": "AccessKey", "STS": "STS 令牌", "NONE": "无"},
}

// Enum is how value of kind reads in lang: its Chinese name in ZH, the value itself in EN (and
// for a value the table does not know).
func Enum(lang Lang, kind, value string) string {
	if lang != ZH {
		return value
	}
	if name, ok := enums[kind][strings.ToUpper(value)]; ok {
		return name
	}
	return value
}

// EnumBeside is Enum with the value beside the name in ZH, "已上架（LISTED）", where the
// reader may need to type it; the value alone in EN.
func EnumBeside(lang Lang, kind, value string) string {
	name := Enum(lang, kind, value)
	if name == value || value == "" {
		return value
	}
	return name + "（" + value + "）"
}

// E is an enum value inside a message: rendered with EnumBeside in the message's language.
func E(kind, value string) Localized { return enumArg{kind, value} }

// N is an enum value inside a message, rendered with Enum (its name alone) in the message's
// language.
func N(kind, value string) Localized { return nameArg{kind, value} }

type nameArg struct{ kind, value string }

func (e nameArg) In(lang Lang) string { return Enum(lang, e.kind, e.value) }

// Localized is a message argument that renders itself in the message's language.
type Localized interface{ In(Lang) string }

type enumArg struct{ kind, value string }

func (e enumArg) In(lang Lang) string { return EnumBeside(lang, e.kind, e.value) }
