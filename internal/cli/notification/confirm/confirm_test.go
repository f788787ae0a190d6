package confirm

import (
	"context"
	"testing"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

func TestNewCmdConfirm(t *testing.T) {
	opts, err := clitest.Parse(t, NewCmdConfirm, "a", "b")
	if err != nil || len(opts.IDs) != 2 {
		t.Fatalf("%+v %v", opts, err)
	}
	if _, err := clitest.Parse(t, NewCmdConfirm); clitest.ExitCode(err) != 2 {
		t.Errorf("no ID: %v", err)
	}
}

// A purchase whose createInstance call fails leaves a failed notification; confirming it
// removes it from the list.
func Test_confirmRun(t *testing.T) {
	e := clitest.New(t)
	ctx := context.Background()
	c := e.Client(t)
	name, mode, url := "SPI product", "spi", "http://127.0.0.1:1/spi" // nothing listens there
	p, err := c.CreateProduct(ctx, market.ProductInput{Type: "SAAS", Name: &name, DeliveryMode: &mode, ProductionUrl: &url,
		Skus: []marketapi.SKU{{Name: "Basic", Price: "10"}}, ValidityPeriods: []string{"1m"}}, "")
	if err != nil {
		t.Fatal(err)
	}
	c.SubmitProduct(ctx, p.Code, "review", "")
	c.ReviewProduct(ctx, p.Code, "approve", "")
	e.Purchase(t, p.Code)
	var ids []string
	c.ListFailedNotifications(ctx, func(ns []marketapi.Notification) bool {
		for _, n := range ns {
			ids = append(ids, n.NotificationRequestId)
		}
		return true
	})
	if len(ids) != 1 {
		t.Fatalf("failed notifications: %v", ids)
	}
	if err := confirmRun(ctx, &Options{Factory: e.F, IDs: ids}); err != nil {
		t.Fatal(err)
	}
	left := 0
	c.ListFailedNotifications(ctx, func(ns []marketapi.Notification) bool { left += len(ns); return true })
	if left != 0 {
		t.Errorf("%d left after confirming", left)
	}
}
