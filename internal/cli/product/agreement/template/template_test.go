package template

import (
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdTemplate(t *testing.T) {
	e := clitest.New(t)
	if err := e.Exec(NewCmdTemplate(e.F)); err != nil {
		t.Fatal(err)
	}
	if strings.Count(e.Out.String(), "\n") < 1 {
		t.Errorf("the built-in templates: %q", e.Out)
	}
}
