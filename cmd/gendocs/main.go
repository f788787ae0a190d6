// Command gendocs writes docs/reference (markdown), docs/man (roff, fixed date) and
// completions/ from the command tree, so they never drift from the code.
//
//	go run ./cmd/gendocs            # regenerate in the repository root
//	go run ./cmd/gendocs -out DIR   # write somewhere else
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"

	"github.com/mkt-cli/mkt/internal/build"
	"github.com/mkt-cli/mkt/internal/cli/root"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/iostreams"
	"github.com/mkt-cli/mkt/internal/manifest"
)

// manDate is fixed so that regenerating the man pages changes nothing unless the commands do.
var manDate = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func main() {
	out := flag.String("out", ".", "repository root to write docs/reference, docs/man and completions/ under")
	flag.Parse()
	if err := generate(*out); err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(1)
	}
}

func newRoot() *cobra.Command {
	ios, _, _, _ := iostreams.Test()
	f := cmdutil.NewFactory(ios, func(string) string { return "" })
	cmd := root.NewCmdRoot(f, build.Info{Version: "dev"})
	disableAutoGen(cmd)
	return cmd
}

func disableAutoGen(c *cobra.Command) {
	c.DisableAutoGenTag = true
	for _, sub := range c.Commands() {
		disableAutoGen(sub)
	}
}

func generate(out string) error {
	refDir := filepath.Join(out, "docs", "reference")
	manDir := filepath.Join(out, "docs", "man")
	compDir := filepath.Join(out, "completions")
	for _, d := range []string{refDir, manDir, compDir} {
		// Start clean so a removed command leaves no stale page behind.
		if err := os.RemoveAll(d); err != nil {
			return err
		}
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	// The listing manifest's JSON Schema, for editors (yaml-language-server) and reviewers.
	if err := os.WriteFile(filepath.Join(refDir, "manifest.schema.json"), []byte(manifest.Schema), 0o644); err != nil {
		return fmt.Errorf("schema: %w", err)
	}
	for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
		if err := generateHelp(lang, refDir, manDir); err != nil {
			return err
		}
	}
	comps := map[string]func(*cobra.Command, string) error{
		"mkt.bash": func(c *cobra.Command, p string) error { return c.GenBashCompletionFileV2(p, true) },
		"mkt.zsh":  func(c *cobra.Command, p string) error { return c.GenZshCompletionFile(p) },
		"mkt.fish": func(c *cobra.Command, p string) error { return c.GenFishCompletionFile(p, true) },
		"mkt.ps1":  func(c *cobra.Command, p string) error { return c.GenPowerShellCompletionFileWithDesc(p) },
	}
	for name, gen := range comps {
		if err := gen(newRoot(), filepath.Join(compDir, name)); err != nil {
			return fmt.Errorf("completion %s: %w", name, err)
		}
	}
	return nil
}

// generateHelp writes the reference pages and man pages in lang: English in refDir and
// manDir, Chinese in their zh/ subdirectories.
func generateHelp(lang i18n.Lang, refDir, manDir string) error {
	sections, headings := manSections, strings.NewReplacer()
	if lang == i18n.ZH {
		refDir, manDir = filepath.Join(refDir, "zh"), filepath.Join(manDir, "zh")
		sections, headings = manSectionsZH, headingsZH
		for _, d := range []string{refDir, manDir} {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
		}
	}
	tree := newRoot()
	root.Localize(tree, lang)
	if err := doc.GenMarkdownTree(tree, refDir); err != nil {
		return fmt.Errorf("markdown: %w", err)
	}
	header := &doc.GenManHeader{Title: "MKT", Section: "1", Date: &manDate, Source: "mkt", Manual: "mkt manual"}
	if lang == i18n.ZH {
		header.Manual = "mkt 手册"
	}
	if err := doc.GenManTree(tree, header, manDir); err != nil {
		return fmt.Errorf("man: %w", err)
	}
	if err := rewritePages(filepath.Join(refDir, "*.md"), func(page string) string {
		if lang == i18n.ZH {
			page = root.ZHDefaults(page)
		}
		return headings.Replace(page)
	}); err != nil {
		return fmt.Errorf("markdown: %w", err)
	}
	return rewritePages(filepath.Join(manDir, "*.1"), func(page string) string {
		if i := strings.Index(page, ".SH SEE ALSO"); i >= 0 {
			page = page[:i] + sections + page[i:]
		} else {
			page += "\n" + sections
		}
		return headings.Replace(page)
	})
}

// headingsZH are the English headings cobra's generators write, in Chinese, and cobra's
// placeholders ("(default …)" is root.ZHDefaults').
var headingsZH = strings.NewReplacer(
	"### Synopsis\n", "### 概要\n",
	"### Examples\n", "### 示例\n",
	"### Options inherited from parent commands\n", "### 继承自上级命令的选项\n",
	"### Options\n", "### 选项\n",
	"### SEE ALSO\n", "### 参见\n",
	".SH NAME\n", ".SH 名称\n",
	".SH SYNOPSIS\n", ".SH 概要\n",
	".SH DESCRIPTION\n", ".SH 描述\n",
	".SH OPTIONS INHERITED FROM PARENT COMMANDS\n", ".SH 继承自上级命令的选项\n",
	".SH OPTIONS\n", ".SH 选项\n",
	".SH EXAMPLE\n", ".SH 示例\n",
	".SH SEE ALSO\n", ".SH 参见\n",
	"[flags]", "[选项]",
	"<command>", "<命令>",
	"<subcommand>", "<子命令>",
)

// rewritePages rewrites every file matching pattern through fn.
func rewritePages(pattern string, fn func(string) string) error {
	pages, err := filepath.Glob(pattern)
	if err != nil {
		return err
	}
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(fn(string(b))), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// manSections are what every man page says beside its command's own text: how it exits,
// what it reads from the environment, which files it uses (cobra writes none of these).
const manSections = `.SH EXIT STATUS
0 on success, also an empty list; 1 an unclassified failure; 2 a bad flag, argument or input
file; 3 a marketplace rule refused the operation; 4 missing or rejected credentials; 5 not
found; 6 a conflict (idempotency mismatch, state changed); 7 the marketplace unreachable or
failing after retries; 8 finished, but the outcome is a failure; 9 there are changes or
things to do (plan \-\-detailed\-exitcode, todo \-\-exit\-code); 10 not offered by this
endpoint, nothing sent; 11 a product still in review at \-\-wait\-timeout; 130 interrupted
(rerun the same command to continue). The whole table: \fBmkt help exit\-codes\fP.

.SH ENVIRONMENT
MKT_ACCESS_KEY_ID, MKT_ACCESS_KEY_SECRET, MKT_SECURITY_TOKEN (or ALIBABA_CLOUD_*) sign the
requests; MKT_PROFILE, MKT_REGION, MKT_ENDPOINT, MKT_SANDBOX, MKT_OUTPUT and MKT_LANG stand
for their flags; MKT_CONFIG_DIR and MKT_SANDBOX_DIR move the files below; CI makes missing
credentials an error instead of the sandbox; NO_COLOR turns colour off. Every variable:
\fBmkt help environment\fP.

.SH FILES
.TP
\fI$XDG_CONFIG_HOME/mkt/config.yaml\fP (~/.config/mkt/config.yaml)
profiles and settings, mode 0600
.TP
\fI$XDG_DATA_HOME/mkt/sandbox\fP (~/.local/share/mkt/sandbox)
the sandbox: sandbox.db (SQLite) and uploaded files, 0600 in a 0700 directory
.TP
\fI$XDG_CACHE_HOME/mkt\fP (~/.cache/mkt)
crash reports, should mkt ever fail on itself

`

// manSectionsZH is manSections in Chinese.
const manSectionsZH = `.SH 退出状态
0 成功，包括列表为空；1 未分类的失败；2 选项、参数或输入文件有误；3 云市场规则拒绝了该操作；
4 缺少凭证或凭证被拒；5 未找到；6 冲突（幂等令牌不匹配、状态已变）；7 重试后云市场仍无法连接或
持续出错；8 已完成，但结果是失败；9 有更改或待办事项（plan \-\-detailed\-exitcode、
todo \-\-exit\-code）；10 此接入地址不提供，未发送任何请求；11 到 \-\-wait\-timeout 时商品仍在
审核中；130 已中断（重新运行同一命令即可继续）。完整的表：\fBmkt help exit\-codes\fP。

.SH 环境变量
MKT_ACCESS_KEY_ID、MKT_ACCESS_KEY_SECRET、MKT_SECURITY_TOKEN（或 ALIBABA_CLOUD_*）用于签名；
MKT_PROFILE、MKT_REGION、MKT_ENDPOINT、MKT_SANDBOX、MKT_OUTPUT 和 MKT_LANG 对应同名选项；
MKT_CONFIG_DIR 和 MKT_SANDBOX_DIR 改变下列文件的位置；设置了 CI 时缺少凭证是错误，而不是改用沙箱；
NO_COLOR 关闭颜色。全部变量：\fBmkt help environment\fP。

.SH 文件
.TP
\fI$XDG_CONFIG_HOME/mkt/config.yaml\fP (~/.config/mkt/config.yaml)
配置及其设置，权限 0600
.TP
\fI$XDG_DATA_HOME/mkt/sandbox\fP (~/.local/share/mkt/sandbox)
沙箱：sandbox.db（SQLite）和上传的文件，0700 目录中的 0600 文件
.TP
\fI$XDG_CACHE_HOME/mkt\fP (~/.cache/mkt)
崩溃报告（万一 mkt 自身出错）

`
