package list

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func Test_listRun(t *testing.T) {
	e := clitest.New(t)
	a, b := e.Listed(t, "Invoice Helper"), e.Listed(t, "Receipt Scanner")
	e.Listed(t, "Not promoted")
	c := e.Client(t)
	ctx := context.Background()
	c.Distribute(ctx, a.Code, 30)
	c.Distribute(ctx, b.Code, 15)
	if err := listRun(ctx, &Options{Factory: e.F}); err != nil {
		t.Fatal(err)
	}
	out := e.Out.String()
	if strings.Count(out, "\n") != 2 || !strings.Contains(out, a.Code+"\tInvoice Helper\t") || !strings.Contains(out, "\t30%\t") {
		t.Fatalf("out:\n%s", out)
	}
	e.Reset()
	e.F.Global.Output = "json"
	opts := &Options{Factory: e.F}
	opts.Filter.Name = "Receipt"
	if err := listRun(ctx, opts); err != nil {
		t.Fatal(err)
	}
	var rows []Product
	if err := json.Unmarshal(e.Out.Bytes(), &rows); err != nil || len(rows) != 1 || rows[0].Code != b.Code || rows[0].Commission != "15" {
		t.Fatalf("%+v %v", rows, err)
	}
}
