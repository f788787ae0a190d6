package submit

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

const plan = `## 商品上架时间点
2027-01-15 上架 CRM 标准版

## 商品对用户的价值
帮助中小企业管理客户

## 入驻后的运营动作
每月一次线上直播

## 年度营收目标
500 万元
`

func write(t *testing.T, dir, name, content string) string {
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestNewCmdSubmit(t *testing.T) {
	e := clitest.New(t)
	dir := t.TempDir()
	write(t, dir, "plan.md", plan)
	write(t, dir, "statement.png", "\x89PNG\r\n\x1a\n")
	good := write(t, dir, "onboarding.yaml", "company: 杭州示例科技有限公司\ncreditCode: 91330100799655058B\ncontact: {name: 王五, mobile: \"13800138000\"}\nauthorization:\n  statement: statement.png\noperationPlan: plan.md\n")
	if err := e.Exec(NewCmdSubmit(e.F), "-f", good); err != nil {
		t.Fatalf("%v\n%s", err, e.ErrOut)
	}
	if !strings.HasPrefix(e.Out.String(), "ob-") {
		t.Errorf("the application ID: %q", e.Out)
	}
	// A wrong check character in the credit code is refused before anything is uploaded.
	bad := write(t, dir, "bad.yaml", strings.Replace(readFile(t, good), "655058B", "655058A", 1))
	if err := e.Exec(NewCmdSubmit(e.F), "-f", bad); clitest.ExitCode(err) == 0 {
		t.Error("a wrong credit code accepted")
	}
	if err := e.Exec(NewCmdSubmit(e.F)); clitest.ExitCode(err) != 2 {
		t.Errorf("no file: %v", err)
	}
}

func readFile(t *testing.T, p string) string {
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
