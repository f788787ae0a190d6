package release

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/cli/nest/shared"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

func TestNewCmdRelease(t *testing.T) {
	if _, err := clitest.Parse(t, NewCmdRelease, "service-0e6fca6a51a54420"); clitest.ExitCode(err) != 2 {
		t.Errorf("a service ID: %v", err)
	}
}

func Test_releaseRun(t *testing.T) {
	e := clitest.New(t)
	a, err := e.Client(t).CreateArtifact(context.Background(), market.ArtifactInput{Type: "EcsImage", Name: "img", VersionName: "v1",
		Property: marketapi.ArtifactProperty{RegionId: "cn-hangzhou", ImageId: "m-bp1abcdefghijklmnop"}}, "")
	if err != nil {
		t.Fatal(err)
	}
	shared.Poll = 50 * time.Millisecond
	if err := releaseRun(context.Background(), &Options{Factory: e.F, ID: a.ArtifactId, Wait: true, Timeout: time.Minute}); err != nil || !strings.Contains(e.Out.String(), "Status\tAvailable") {
		t.Fatalf("%v %s", err, e.Out)
	}
	// Released already: the API refuses it (OperationDenied.ArtifactStatus), exit 3.
	if err := releaseRun(context.Background(), &Options{Factory: e.F, ID: a.ArtifactId}); clitest.ExitCode(err) != 3 {
		t.Errorf("again: %v", err)
	}
}
