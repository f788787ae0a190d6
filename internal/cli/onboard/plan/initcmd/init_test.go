package initcmd

import (
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdInit(t *testing.T) {
	for lang, heading := range map[string]string{"zh": "## ", "en": "## "} {
		e := clitest.New(t, "MKT_LANG", lang)
		if err := e.Exec(NewCmdInit(e.F)); err != nil {
			t.Fatal(err)
		}
		if strings.Count(e.Out.String(), heading) != 4 {
			t.Errorf("%s: four parts expected:\n%s", lang, e.Out)
		}
	}
}
