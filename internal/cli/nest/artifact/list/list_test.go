package list

import (
	"context"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

func TestNewCmdList(t *testing.T) {
	if _, err := clitest.Parse(t, NewCmdList, "--versions", "nope"); clitest.ExitCode(err) != 2 {
		t.Errorf("bad ID: %v", err)
	}
}

func Test_listRun(t *testing.T) {
	e := clitest.New(t)
	c := e.Client(t)
	a, _ := c.CreateArtifact(context.Background(), market.ArtifactInput{Type: "EcsImage", Name: "img", VersionName: "v1",
		Property: marketapi.ArtifactProperty{RegionId: "cn-hangzhou", ImageId: "m-bp1abcdefghijklmnop"}}, "")
	c.ReleaseArtifact(context.Background(), a.ArtifactId, "")
	c.CreateArtifact(context.Background(), market.ArtifactInput{ArtifactID: a.ArtifactId, Type: "EcsImage", Name: "img", VersionName: "v2",
		Property: marketapi.ArtifactProperty{RegionId: "cn-hangzhou", ImageId: "m-bp1abcdefghijklmnoq"}}, "")
	if err := listRun(context.Background(), &Options{Factory: e.F}); err != nil || strings.Count(e.Out.String(), "\n") != 1 || !strings.Contains(e.Out.String(), "\t2 (v2)\timg\tEcsImage\tCreated") {
		t.Errorf("%v %s", err, e.Out)
	}
	e.Reset()
	if err := listRun(context.Background(), &Options{Factory: e.F, Versions: a.ArtifactId}); err != nil || strings.Count(e.Out.String(), "\n") != 2 {
		t.Errorf("versions: %v %s", err, e.Out)
	}
}
