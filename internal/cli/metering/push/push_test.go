package push

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/market"
)

func TestNewCmdPush(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdPush, "-f", "usage.csv")
	if err != nil || opts.File != "usage.csv" || opts.Progress != "usage.csv.progress" {
		t.Fatalf("%+v %v", opts, err)
	}
	if _, err := clitest.Parse(t, NewCmdPush); clitest.ExitCode(err) != 2 {
		t.Errorf("no file: %v", err)
	}
}

// Usage of a purchased instance is pushed once: the rerun skips what the journal holds.
func Test_pushRun(t *testing.T) {
	e := clitest.New(t)
	prod := e.Metered(t, "Usage Meter")
	p := e.Purchase(t, prod.Code)
	file := filepath.Join(t.TempDir(), "usage.csv")
	os.WriteFile(file, fmt.Appendf(nil, "instance_id,start_time,end_time,key,value,metering_assit\n%d,1700000000,1700000600,Frequency,42,%s-Frequency-1\n", p.InstanceId, prod.Code), 0o600)
	opts := &Options{Factory: e.F, File: file, Progress: file + ".progress"}
	if err := pushRun(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(e.Out.String(), "Sent\t1\n") {
		t.Errorf("out:\n%s", e.Out)
	}
	e.Reset()
	if err := pushRun(context.Background(), opts); err != nil || !strings.Contains(e.Out.String(), "Skipped\t1\n") {
		t.Errorf("rerun: %v\n%s", err, e.Out)
	}
	// A record the marketplace refuses: the push fails (exit 2), says so without a check mark,
	// and journals nothing for it.
	bad := filepath.Join(t.TempDir(), "bad.csv")
	os.WriteFile(bad, fmt.Appendf(nil, "instance_id,start_time,end_time,key,value,metering_assit\n%d,1700000000,1700000600,Calls,1,%s-Calls-1\n", p.InstanceId, prod.Code), 0o600)
	e.Reset()
	err := pushRun(context.Background(), &Options{Factory: e.F, File: bad, Progress: bad + ".progress"})
	if clitest.ExitCode(err) != 2 || strings.Contains(e.ErrOut.String(), "✓") || !strings.Contains(e.ErrOut.String(), "pushed 0 record(s)") {
		t.Errorf("refused record: %v (exit %d)\n%s", err, clitest.ExitCode(err), e.ErrOut)
	}
}

// A push whose answer is lost: exit 7 naming the records; the rerun sends none of them again
// (exit 8, held back); --resend-unknown sends them when the seller has checked.
func TestPushLostAnswerNeverBillsTwice(t *testing.T) {
	e := clitest.New(t)
	l := clitest.NewLossy(t)
	e.F.Client = func() (*market.Client, error) { return l.Client, nil }
	ctx := context.Background()
	p := clitest.ListOn(t, l.Direct, clitest.MeteredInput("Metered"))
	buy, err := l.Direct.Simulate(ctx, "SandboxPurchase", market.BuyerEvent{Code: p.Code, SpiRetries: 1})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now().Unix()
	file := filepath.Join(t.TempDir(), "usage.csv")
	os.WriteFile(file, []byte(fmt.Sprintf("instance_id,start_time,end_time,key,value,metering_assit\n%d,%d,%d,Frequency,5,%s-Frequency-1\n",
		buy.InstanceId, now-900, now-600, p.Code)), 0o600)
	opts := &Options{Factory: e.F, File: file, Progress: file + ".progress", Interval: time.Millisecond}

	l.Lose("PushMeteringData")
	if err := pushRun(ctx, opts); clitest.ExitCode(err) != 7 || !strings.Contains(err.Error()+e.ErrOut.String(), "answer was lost") {
		t.Fatalf("lost answer: %v (exit %d)", err, clitest.ExitCode(err))
	}
	l.Lose()
	if err := pushRun(ctx, opts); clitest.ExitCode(err) != 8 {
		t.Fatalf("rerun: %v (exit %d), want 8: held back", err, clitest.ExitCode(err))
	}
	if n := l.Received("PushMeteringData"); n != 1 {
		t.Fatalf("%d pushes reached the marketplace, want 1: usage billed twice", n)
	}
	// The seller checked: not billed. Past the flow-control window, --resend-unknown sends it.
	l.Direct.Call(ctx, market.Request{Action: "SandboxAdvanceClock", Form: map[string][]string{"Duration": {"2m"}}}, nil)
	opts.ResendUnknown = true
	if err := pushRun(ctx, opts); err != nil {
		t.Fatal(err)
	}
	if n := l.Received("PushMeteringData"); n != 2 {
		t.Errorf("%d pushes after --resend-unknown, want 2", n)
	}
}
