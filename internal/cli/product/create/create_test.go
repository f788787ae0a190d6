package create

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/i18n"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
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

// The create's answer is lost (exit 7): the error names the ClientToken it sent, and the rerun
// with it creates nothing twice.
func TestCreateLostAnswerRerun(t *testing.T) {
	e := clitest.New(t)
	l := clitest.NewLossy(t)
	e.F.Client = func() (*market.Client, error) { return l.Client, nil }
	opts, err := clitest.Parse(t, NewCmdCreate, "--type", "saas", "--name", "Invoice Helper")
	if err != nil {
		t.Fatal(err)
	}
	opts.Factory = e.F
	l.Lose("CreateProduct")
	err = createRun(context.Background(), opts)
	var ce *cmdutil.Error
	if clitest.ExitCode(err) != 7 || !errors.As(err, &ce) {
		t.Fatalf("lost answer: %v (exit %d)", err, clitest.ExitCode(err))
	}
	m := regexp.MustCompile(`--client-token (\S+)`).FindStringSubmatch(ce.Remedy.In(i18n.EN))
	if m == nil {
		t.Fatalf("remedy %q names no token", ce.Remedy.In(i18n.EN))
	}
	l.Lose()
	opts.ClientToken = m[1]
	if err := createRun(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	n := 0
	l.Direct.ListProducts(context.Background(), market.ProductFilter{}, func(pg marketapi.ProductPage) bool { n += len(pg.Products); return true })
	if n != 1 {
		t.Errorf("%d products after the rerun, want 1", n)
	}
}
