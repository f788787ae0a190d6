package authorize

import (
	"context"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestAuthorize(t *testing.T) {
	e := clitest.New(t)
	if err := e.Exec(NewCmdAuthorize(e.F), "--buyer", "1234567890123456", "--role", "RoleA", "--role", "RoleB"); err != nil {
		t.Fatal(err)
	}
	token := strings.TrimSpace(e.Out.String())
	auth, err := e.Client(t).VerifyCrossAccountToken(context.Background(), token)
	if err != nil || auth.Uid != "1234567890123456" || strings.Join(auth.AuthRoles, ",") != "RoleA,RoleB" {
		t.Fatalf("%+v %v", auth, err)
	}
}
