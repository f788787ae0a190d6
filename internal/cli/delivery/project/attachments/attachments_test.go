package attachments

import (
	"context"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/market"
)

func Test_attachmentsRun(t *testing.T) {
	if _, err := clitest.Parse(t, NewCmdAttachments, "x"); clitest.ExitCode(err) != 2 {
		t.Errorf("not a number: %v", err)
	}
	e := clitest.New(t)
	inst := e.Delivering(t)
	c := e.Client(t)
	f, err := c.UploadFile(context.Background(), "report.pdf", []byte("%PDF-1.4 x"), "")
	if err != nil {
		t.Fatal(err)
	}
	if err := c.ProjectAct(context.Background(), inst, market.ProjectAct{Role: "seller", FileID: f.FileId, Content: "部署报告"}); err != nil {
		t.Fatal(err)
	}
	if err := attachmentsRun(context.Background(), &Options{Factory: e.F, Instance: inst}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(e.Out.String(), "\t部署\tseller\treport.pdf\t10\t") || !strings.Contains(e.Out.String(), "/files/"+f.FileId) {
		t.Fatalf("out:\n%s", e.Out)
	}
}
