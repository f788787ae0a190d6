package deletecmd

import (
	"context"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

func TestNewCmdDelete(t *testing.T) {
	if _, err := clitest.Parse(t, NewCmdDelete); clitest.ExitCode(err) != 2 {
		t.Errorf("no ID: %v", err)
	}
}

func Test_deleteRun(t *testing.T) {
	e := clitest.New(t)
	a, err := e.Client(t).CreateArtifact(context.Background(), market.ArtifactInput{Type: "EcsImage", Name: "img", VersionName: "v1",
		Property: marketapi.ArtifactProperty{RegionId: "cn-hangzhou", ImageId: "m-bp1abcdefghijklmnop"}}, "")
	if err != nil {
		t.Fatal(err)
	}
	// Without a terminal or --yes, nothing is deleted (exit 2).
	if err := deleteRun(context.Background(), &Options{Factory: e.F, ID: a.ArtifactId}); clitest.ExitCode(err) != 2 {
		t.Errorf("unconfirmed: %v", err)
	}
	e.F.Global.Yes = true
	if err := deleteRun(context.Background(), &Options{Factory: e.F, ID: a.ArtifactId}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Client(t).GetArtifact(context.Background(), a.ArtifactId, ""); clitest.ExitCode(err) != 5 {
		t.Errorf("deleted: %v", err)
	}
}
