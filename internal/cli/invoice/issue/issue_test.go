package issue

import (
	"context"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdIssue(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdIssue, "4072040001", "--number", "N1", "--url", "https://x/1.pdf", "--type", "3")
	if err != nil || opts.ID != "4072040001" || opts.Number != "N1" || opts.Type != "3" {
		t.Fatalf("%+v %v", opts, err)
	}
	for _, bad := range [][]string{{"abc", "--number", "N1"}, {"1"}, {"1", "--number", "N", "--url", "u", "--file", "f.pdf"}, {"1", "--number", "N", "--type", "9"}} {
		if _, err := clitest.Parse(t, NewCmdIssue, bad...); clitest.ExitCode(err) != 2 {
			t.Errorf("%v: %v", bad, err)
		}
	}
}

func Test_issueRun(t *testing.T) {
	e := clitest.New(t)
	id := e.InvoiceRequest(t, e.Listed(t, "Invoice Helper").Code)
	opts := &Options{Factory: e.F, ID: id, Number: "24332000000012345678", URL: "https://isv.example.com/1.pdf"}
	if err := issueRun(context.Background(), opts); err != nil || !strings.Contains(e.ErrOut.String(), "issued") {
		t.Fatalf("%v %s", err, e.ErrOut)
	}
	// Run again: done once, said so; another number: a conflict (exit 6).
	e.Reset()
	if err := issueRun(context.Background(), opts); err != nil || !strings.Contains(e.ErrOut.String(), "already") {
		t.Errorf("rerun: %v %s", err, e.ErrOut)
	}
	other := *opts
	other.Number = "999"
	if err := issueRun(context.Background(), &other); clitest.ExitCode(err) != 6 {
		t.Errorf("another number: %v", err)
	}
}
