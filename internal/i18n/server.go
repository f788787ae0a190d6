package i18n

import (
	"errors"
	"io/fs"
	"strings"
)

// serverErrors are what the marketplace's error codes mean, in Chinese: a merchant reading
// Chinese sees this, with the code beside it, instead of the server's English message (which
// --debug still shows). Codes missing here keep the server's message.
var serverErrors = map[string]string{
	"InvalidCode.NotFound":           "商品不存在，或不属于当前账号",
	"InvalidInstanceId.NotFound":     "实例不存在，或不属于当前账号",
	"InvalidOrderId.NotFound":        "订单不存在，或不属于当前账号",
	"InvalidInvoiceId.NotFound":      "开票申请不存在，或不属于当前账号",
	"InvalidBundleId.NotFound":       "商品组合不存在",
	"InvalidTemplateId.NotFound":     "模板不存在",
	"InvalidFileId.NotFound":         "文件不存在",
	"InvalidAction.NotFound":         "接入地址不提供此操作",
	"IllegalPermission":              "无权查看此资源，或它不存在",
	"UnknownError":                   "云市场返回了未知错误",
	"InternalError":                  "云市场内部错误，请稍后重试",
	"ServiceUnavailable":             "云市场服务暂不可用，请稍后重试",
	"Throttling":                     "请求过于频繁，已被限流",
	"Throttling.User":                "请求过于频繁，已被限流",
	"Service.Flow.Control":           "请求过于频繁，已被限流",
	"MissingParameter":               "缺少必填参数",
	"InvalidParameter":               "参数无效",
	"Invalid.Param":                  "参数无效",
	"Invalid.Parameter":              "参数无效",
	"IllegalParameter":               "参数无效",
	"IllegalRequest":                 "请求无效",
	"InvalidVersion":                 "接入地址不支持此 API 版本",
	"InvalidParameter.ClientToken":   "ClientToken 无效",
	"IdempotentParameterMismatch":    "同一 ClientToken 曾用于内容不同的请求",
	"IncorrectInstanceStatus":        "实例当前的状态不允许此操作",
	"IncorrectInvoiceStatus":         "开票申请当前的状态不允许此操作",
	"IllegalCurrentNode":             "交付项目的当前节点不允许此操作",
	"IllegalProjectStatus":           "交付项目当前的状态不允许此操作",
	"IllegalOperatorRole":            "此节点不由你操作",
	"InvalidAccessKeyId.NotFound":    "AccessKey ID 不存在",
	"InvalidAccessKeyId.Inactive":    "AccessKey 已被禁用",
	"SignatureDoesNotMatch":          "签名不匹配：请检查 AccessKey 密钥",
	"IncompleteSignature":            "签名不完整",
	"InvalidSecurityToken.Expired":   "STS 令牌已过期",
	"InvalidSecurityToken.Malformed": "STS 令牌格式错误",
	"Forbidden.RAM":                  "RAM 用户没有此操作的权限",
	"NoPermission":                   "没有此操作的权限",
	"Forbidden.PayMethod":            "该订单的支付方式不允许此操作",
	"Metering.Data.Exceeded":         "用量数据超出限制",
	"Invalid.Parameter.Metering":     "用量数据无效",
	"Invalid.Parameter.Instance":     "用量数据中的实例无效",
	"InvalidParameter.Duration":      "时长无效",
	"InvalidParameter.FileType":      "文件类型不支持",
	"InvalidParameter.FileSize":      "文件太大",
	"InvalidParameter.FileName":      "文件名无效",
	"InvalidParameter.BodyTooLarge":  "请求体太大",
	"Conflict.ExternalKey":           "清单键已用于另一个商品",
}

// ServerError is what code means in lang, when the catalog knows it (Chinese only: in English
// the server's own message says it).
func ServerError(lang Lang, code string) (string, bool) {
	if lang != ZH {
		return "", false
	}
	s, ok := serverErrors[code]
	return s, ok
}

// OSErr is a file system error inside a message: in Chinese by what went wrong (不存在, 没有
// 权限), in English as the system says it.
func OSErr(err error) Localized { return osErr{err} }

type osErr struct{ err error }

func (e osErr) In(lang Lang) string {
	if lang == ZH {
		switch {
		case errors.Is(e.err, fs.ErrNotExist):
			return "文件不存在"
		case errors.Is(e.err, fs.ErrPermission):
			return "没有读取权限"
		case strings.Contains(e.err.Error(), "is a directory"):
			return "这是一个目录，不是文件"
		}
	}
	return e.err.Error()
}
