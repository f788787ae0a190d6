package agreement

import (
	"reflect"
	"testing"
)

func TestPlaceholdersAndFill(t *testing.T) {
	text := "# 【商品名称】用户服务协议\n本协议由【公司名称】与购买【商品名称】的用户订立，数据保留【30】日。\n" +
		"See [the FAQ](https://example.com) and [Company name], [YYYY-MM-DD].\n"
	if got, want := Placeholders(text), []string{"商品名称", "公司名称", "30", "Company name", "YYYY-MM-DD"}; !reflect.DeepEqual(got, want) {
		t.Errorf("placeholders %q, want %q", got, want)
	}
	out, left := Fill(text, map[string]string{"商品名称": "发票助手", "公司名称": "示例科技", "30": "60"})
	if want := []string{"Company name", "YYYY-MM-DD"}; !reflect.DeepEqual(left, want) {
		t.Errorf("left %q, want %q", left, want)
	}
	if want := "# 发票助手用户服务协议\n本协议由示例科技与购买发票助手的用户订立，数据保留60日。\nSee [the FAQ](https://example.com) and [Company name], [YYYY-MM-DD].\n"; out != want {
		t.Errorf("filled:\n%s\nwant:\n%s", out, want)
	}
	if !Suggested("30") || !Suggested("99.5%") || Suggested("YYYY-MM-DD") || Suggested("公司名称") || Suggested("旺旺 / 400 电话 / 工单系统") || !Suggested("9:00–18:00") {
		t.Error("suggested values")
	}
}
