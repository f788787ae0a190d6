package verify

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func Test_verifyRun(t *testing.T) {
	if _, err := clitest.Parse(t, NewCmdVerify, " "); clitest.ExitCode(err) != 2 {
		t.Errorf("an empty token: %v", err)
	}
	e := clitest.New(t)
	a, err := e.Client(t).AuthorizeAccount(context.Background(), "1234567890123456", "buyer@example", []string{"RoleA"})
	if err != nil {
		t.Fatal(err)
	}
	if err := verifyRun(context.Background(), &Options{Factory: e.F, Token: a.Token}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(e.Out.String(), "Account\t1234567890123456\n") || !strings.Contains(e.Out.String(), "Roles\tRoleA\n") {
		t.Fatalf("out:\n%s", e.Out)
	}
	e.Reset()
	e.F.Global.Output = "json"
	verifyRun(context.Background(), &Options{Factory: e.F, Token: a.Token})
	var g Grant
	if err := json.Unmarshal(e.Out.Bytes(), &g); err != nil || g.Name != "buyer@example" || !strings.Contains(g.GrantedAt, "T") {
		t.Fatalf("%+v %v", g, err)
	}
	if err := verifyRun(context.Background(), &Options{Factory: e.F, Token: "C19D103FEA2D50A584410267CE9FBA56"}); clitest.ExitCode(err) != 5 {
		t.Errorf("an unknown token: %v", err)
	}
}
