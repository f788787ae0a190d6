package meter

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
)

func TestNewCmdMeter(t *testing.T) {
	dir := t.TempDir()
	good, bad := filepath.Join(dir, "good.json"), filepath.Join(dir, "bad.json")
	os.WriteFile(good, []byte(`[{"StartTime":1,"EndTime":2}]`), 0o600)
	os.WriteFile(bad, []byte(`{"StartTime":1}`), 0o600)
	if opts, err := clitest.Parse(t, NewCmdMeter, "si-5f8e9d0c1b2a3f4e", "-f", good); err != nil || !strings.Contains(opts.Metering, "StartTime") {
		t.Fatalf("%+v %v", opts, err)
	}
	for _, args := range [][]string{{"si-5f8e9d0c1b2a3f4e"}, {"si-5f8e9d0c1b2a3f4e", "-f", bad}, {"si-5f8e9d0c1b2a3f4e", "-f", filepath.Join(dir, "none")}} {
		if _, err := clitest.Parse(t, NewCmdMeter, args...); clitest.ExitCode(err) != 2 {
			t.Errorf("%v: %v", args, err)
		}
	}
}

func Test_meterRun(t *testing.T) {
	e := clitest.New(t)
	id := e.NestService(t, "示例")
	e.NestStep(t, id, "submit", "approve", "launch")
	c := e.Client(t)
	payg, _ := c.NestPurchase(context.Background(), id, 0, "PayAsYouGo")
	sub, _ := c.NestPurchase(context.Background(), id, 0, "Subscription")
	entries := `[{"StartTime":1700000000,"EndTime":1700003600,"VirtualCpu":2}]`
	if err := meterRun(context.Background(), &Options{Factory: e.F, ID: payg["ServiceInstanceId"].(string), Metering: entries}); err != nil {
		t.Fatal(err)
	}
	// A subscription is not metered: the API refuses it, exit 3.
	if err := meterRun(context.Background(), &Options{Factory: e.F, ID: sub["ServiceInstanceId"].(string), Metering: entries}); clitest.ExitCode(err) != 3 {
		t.Errorf("subscription: %v", err)
	}
}
