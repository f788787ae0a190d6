package create

import (
	"context"
	"errors"
	"io"
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

// lines is stdin as a terminal delivers it: one line per read.
type lines struct{ rest []string }

func (l *lines) Read(p []byte) (int, error) {
	if len(l.rest) == 0 {
		return 0, io.EOF
	}
	n := copy(p, l.rest[0]+"\n")
	l.rest = l.rest[1:]
	return n, nil
}

// On a terminal, `mkt product create` with nothing asks for each field, checks each answer by
// the flag's rule (asking again), and creates the product; huh's line-by-line mode stands in
// for the screen.
func TestCreatePromptsOnATerminal(t *testing.T) {
	e := clitest.New(t, "ACCESSIBLE", "1", "MKT_LANG", "zh")
	e.IO.SetStdinTTY(true)
	e.IO.SetStderrTTY(true)
	e.IO.In = &lines{[]string{
		"1",                     // SaaS
		"发票助手",                  // name
		"basic",                 // not NAME:PRICE: asked again
		"basic:99 pro:299",      // SKUs
		"5y",                    // not an order period: asked again
		"1m,1y",                 // validity
		"2",                     // license
		"ftp://isv.example.com", // not http(s): asked again
		"https://isv.example.com/activate",
	}}
	if err := e.Exec(NewCmdCreate(e.F, nil)); err != nil {
		t.Fatalf("%v\n%s", err, e.ErrOut)
	}
	p, err := e.Client(t).GetProduct(context.Background(), "cmgj10000001")
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "发票助手" || len(p.Skus) != 2 || strings.Join(p.ValidityPeriods, " ") != "1m 1y" || p.DeliveryMode != "license" || p.ActivationUrl != "https://isv.example.com/activate" {
		t.Errorf("created %+v", p)
	}
	for _, asked := range []string{"商品类型", "商品名称", "规格", "格式不对", "有效期", "不是买家可以下单的周期", "交付方式", "激活页面地址 \"ftp://isv.example.com\" 无效：不是 http 或 https"} {
		if !strings.Contains(e.ErrOut.String(), asked) {
			t.Errorf("the prompts lack %q:\n%s", asked, e.ErrOut)
		}
	}
}

// In a pipe nothing is asked: every problem at once, exit 2, nothing sent.
func TestCreateNeverPromptsInAPipe(t *testing.T) {
	e := clitest.New(t)
	e.IO.In = &lines{[]string{"1", "x"}}
	err := e.Exec(NewCmdCreate(e.F, nil), "--sku", "bad", "--validity", "5y")
	var ps *cmdutil.Problems
	if !errors.As(err, &ps) || len(ps.Errs) != 4 || clitest.ExitCode(err) != 2 {
		t.Fatalf("want 4 problems (sku, validity, type, name), exit 2: %v", err)
	}
	if e.ErrOut.Len() != 0 {
		t.Errorf("asked in a pipe: %s", e.ErrOut)
	}
}

// On a terminal, only the type or the name makes mkt ask; then everything else may be left
// empty for later, and a merchant who gave both is asked nothing.
func TestCreatePromptsOnlyForWhatIsNeeded(t *testing.T) {
	e := clitest.New(t, "ACCESSIBLE", "1")
	e.IO.SetStdinTTY(true)
	e.IO.SetStderrTTY(true)
	e.IO.In = &lines{[]string{"OCR API", "", "", "", ""}} // name; SKUs, periods, group, prefix later
	if err := e.Exec(NewCmdCreate(e.F, nil), "--type", "api"); err != nil {
		t.Fatalf("%v\n%s", err, e.ErrOut)
	}
	p, err := e.Client(t).GetProduct(context.Background(), "cmapi10000001")
	if err != nil || p.Name != "OCR API" || len(p.Skus) != 0 || p.ApiPrefix != "" {
		t.Fatalf("%+v %v", p, err)
	}
	e.Reset()
	e.IO.In = &lines{[]string{"should not be read"}}
	if err := e.Exec(NewCmdCreate(e.F, nil), "--type", "saas", "--name", "Invoice Helper"); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(e.ErrOut.String(), "SKUs") || len(e.IO.In.(*lines).rest) != 1 {
		t.Errorf("asked although type and name were given:\n%s", e.ErrOut)
	}
}
