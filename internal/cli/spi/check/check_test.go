package check

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/spi"
)

func TestNewCmdCheck(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdCheck, "--url", "http://127.0.0.1:1/spi", "--tries", "2")
	if err != nil || opts.Tries != 2 {
		t.Fatalf("%+v %v", opts, err)
	}
	if _, err := clitest.Parse(t, NewCmdCheck); clitest.ExitCode(err) != 2 {
		t.Errorf("no URL: %v", err)
	}
}

func Test_checkRun(t *testing.T) {
	e := clitest.New(t, "MKT_SPI_KEY", "k3y")
	srv := httptest.NewServer(&spi.Listener{Key: "k3y"})
	defer srv.Close()
	opts, _ := clitest.Parse(t, NewCmdCheck, "--url", srv.URL)
	opts.Factory = e.F
	if err := checkRun(context.Background(), opts); err != nil {
		t.Fatalf("a conforming endpoint: %v\n%s", err, e.Out)
	}
	if strings.Contains(e.Out.String(), "FAIL") {
		t.Errorf("out:\n%s", e.Out)
	}
}
