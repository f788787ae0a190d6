package api

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdAPI(t *testing.T) {
	if opts, err := clitest.Parse(t, NewCmdAPI, "--product", "cmapi10000001", "-L", "3"); err != nil || opts.Product != "cmapi10000001" || opts.Limit != 3 {
		t.Fatalf("%+v %v", opts, err)
	}
	if _, err := clitest.Parse(t, NewCmdAPI, "--product", "weather"); clitest.ExitCode(err) != 2 {
		t.Errorf("not a product code: %v", err)
	}
}

func Test_apiRun(t *testing.T) {
	e := clitest.New(t)
	p := e.ListedAPI(t, "Weather API")
	buy := e.Purchase(t, p.Code)
	if _, err := e.Client(t).APICalls(context.Background(), strconv.FormatInt(buy.InstanceId, 10), 42); err != nil {
		t.Fatal(err)
	}
	if err := apiRun(context.Background(), &Options{Factory: e.F}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(e.Out.String(), "\t"+p.Code+"\tWeather API\t10000\t42\t9958\t次\n") {
		t.Fatalf("out:\n%s", e.Out)
	}
	e.Reset()
	e.F.Global.Output = "json"
	if err := apiRun(context.Background(), &Options{Factory: e.F, Product: "cmapi99999999"}); err != nil {
		t.Fatal(err)
	}
	var rows []Usage
	if err := json.Unmarshal(e.Out.Bytes(), &rows); err != nil || len(rows) != 0 {
		t.Fatalf("another product: %v %s", err, e.Out)
	}
}
