package create

import (
	"context"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdCreate(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdCreate, "--type", "saas", "--name", "Invoice Helper", "--sku", "basic:99",
		"--validity", "1m,1y", "--delivery", "spi", "--production-url", "https://isv.example.com/spi")
	if err != nil || opts.Input.Type != "SAAS" || *opts.Input.Name != "Invoice Helper" || len(opts.Input.Skus) != 1 {
		t.Fatalf("%+v %v", opts, err)
	}
	for _, c := range []struct {
		args []string
		code int
	}{
		{[]string{"--name", "x"}, 2},                                        // no type
		{[]string{"--type", "saas"}, 2},                                     // no name
		{[]string{"--type", "saas", "--name", "x", "--delivery", "spi"}, 3}, // SPI without a production URL
	} {
		if _, err := clitest.Parse(t, NewCmdCreate, c.args...); clitest.ExitCode(err) != c.code {
			t.Errorf("%v: %v (want %d)", c.args, err, c.code)
		}
	}
}

func Test_createRun(t *testing.T) {
	e := clitest.New(t)
	opts, err := clitest.Parse(t, NewCmdCreate, "--type", "api", "--name", "OCR API", "--api-group", "ocr", "--api-prefix", "ocr01")
	if err != nil {
		t.Fatal(err)
	}
	opts.Factory = e.F
	if err := createRun(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(e.Out.String(), "cmapi") {
		t.Errorf("in a pipe, the code alone: %q", e.Out)
	}
}
