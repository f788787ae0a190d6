package wait

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

func TestNewCmdWait(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdWait, "cmgj10000001", "cmapi10000002", "--wait-timeout", "2h", "--wait-pending", "ok")
	if err != nil || len(opts.Codes) != 2 || opts.Timeout != 2*time.Hour || opts.Pending != "ok" {
		t.Fatalf("%+v %v", opts, err)
	}
	for _, bad := range [][]string{{}, {"x1"}, {"cmgj10000001", "--wait-pending", "maybe"}, {"cmgj10000001", "--wait-timeout", "0s"}} {
		if _, err := clitest.Parse(t, NewCmdWait, bad...); clitest.ExitCode(err) != 2 {
			t.Errorf("%v: %v", bad, err)
		}
	}
}

// inReview creates a complete product and sends it to review.
func inReview(t *testing.T, e *clitest.Env, name string) string {
	t.Helper()
	ctx := context.Background()
	c := e.Client(t)
	mode, act := "license", "https://isv.example.com/activate"
	p, err := c.CreateProduct(ctx, market.ProductInput{Type: "SAAS", Name: &name, DeliveryMode: &mode, ActivationUrl: &act,
		Skus: []marketapi.SKU{{Name: "Basic", Price: "1"}}, ValidityPeriods: []string{"1m"}}, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.SubmitProduct(ctx, p.Code, "review", ""); err != nil {
		t.Fatal(err)
	}
	return p.Code
}

func TestWait(t *testing.T) {
	e := clitest.New(t)
	ctx := context.Background()
	c := e.Client(t)
	listed := e.Listed(t, "Listed").Code
	a, b := inReview(t, e, "A"), inReview(t, e, "B")

	// Operations decide while mkt waits: one listed, one rejected → exit 8, both verdicts shown.
	go func() {
		time.Sleep(300 * time.Millisecond)
		c.ReviewProduct(ctx, a, "approve", "")
		c.ReviewProduct(ctx, b, "reject", "截图与描述不符")
	}()
	err := e.Exec(NewCmdWait(e.F, nil), listed, a, b, "--wait-timeout", "30s")
	if clitest.ExitCode(err) != 8 {
		t.Fatalf("one rejected: %v\n%s", err, e.ErrOut)
	}
	want := listed + "\tlisted\t\n" + a + "\tlisted\t\n" + b + "\trejected\t截图与描述不符\n"
	if e.Out.String() != want {
		t.Errorf("out:\n%s\nwant:\n%s", e.Out, want)
	}
	if !strings.Contains(e.ErrOut.String(), "waiting: 2 product(s) still in review") || !strings.Contains(e.ErrOut.String(), a+" listed") {
		t.Errorf("stderr (heartbeat in a pipe): %s", e.ErrOut)
	}

	// Still in review at the deadline: exit 11 within a second of it; ok with --wait-pending ok.
	c2 := inReview(t, e, "C")
	e.Reset()
	start := time.Now()
	err = e.Exec(NewCmdWait(e.F, nil), c2, "--wait-timeout", "1s")
	if took := time.Since(start); clitest.ExitCode(err) != 11 || took > 2*time.Second || e.Out.String() != c2+"\tpending\t\n" {
		t.Errorf("pending: %v after %s\n%s", err, took, e.Out)
	}
	e.Reset()
	if err := e.Exec(NewCmdWait(e.F, nil), c2, "--wait-timeout", "1s", "--wait-pending", "ok"); err != nil {
		t.Errorf("--wait-pending ok: %v", err)
	}

	// A draft is not in review: refused at once (exit 3), naming it, before any wait.
	name := "Draft"
	d, _ := c.CreateProduct(ctx, market.ProductInput{Type: "SAAS", Name: &name}, "")
	e.Reset()
	start = time.Now()
	err = e.Exec(NewCmdWait(e.F, nil), c2, d.Code)
	if clitest.ExitCode(err) != 3 || !strings.Contains(err.Error(), d.Code+" (DRAFT)") || time.Since(start) > time.Second {
		t.Errorf("draft: %v", err)
	}
}
