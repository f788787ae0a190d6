// Package clitest builds what command tests need: a Factory wired by the composition root over a
// fresh embedded sandbox in a temporary directory (the real handler in process, no socket),
// test streams, and a helper that parses a command's flags into its Options without running it.
// Only _test.go files import it.
package clitest

import (
	"bytes"
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/mkt-cli/mkt/internal/cli/factory"
	"github.com/mkt-cli/mkt/internal/cmdutil"
	"github.com/mkt-cli/mkt/internal/iostreams"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// Env is a test's environment: a temporary HOME and sandbox, English unless set.
type Env struct {
	F      *cmdutil.Factory
	IO     *iostreams.IOStreams
	In     *bytes.Buffer
	Out    *bytes.Buffer
	ErrOut *bytes.Buffer
	vars   map[string]string
}

// New returns an Env over a fresh sandbox. vars are extra environment variables
// ("MKT_LANG", "zh", …). Stdout is a pipe; call TTY for a terminal.
func New(t testing.TB, vars ...string) *Env {
	t.Helper()
	dir := t.TempDir()
	env := map[string]string{
		"HOME":            dir,
		"XDG_CONFIG_HOME": filepath.Join(dir, ".config"),
		"MKT_SANDBOX_DIR": filepath.Join(dir, "sandbox"),
		"MKT_LANG":        "en",
	}
	for i := 0; i+1 < len(vars); i += 2 {
		env[vars[i]] = vars[i+1]
	}
	ios, in, out, errOut := iostreams.Test()
	e := &Env{IO: ios, In: in, Out: out, ErrOut: errOut, vars: env}
	e.F = factory.New(ios, func(k string) string { return env[k] })
	t.Cleanup(e.F.Close)
	return e
}

// TTY makes stdout and stderr terminals.
func (e *Env) TTY() *Env {
	e.IO.SetStdoutTTY(true)
	e.IO.SetStderrTTY(true)
	return e
}

// Reset empties the captured output.
func (e *Env) Reset() { e.Out.Reset(); e.ErrOut.Reset() }

// Parse runs a command built by newCmd with args, capturing its Options instead of running it.
// It returns the Options (nil when parsing failed) and the error.
func Parse[T any](t testing.TB, newCmd func(*cmdutil.Factory, func(*T) error) *cobra.Command, args ...string) (*T, error) {
	t.Helper()
	ios, _, _, _ := iostreams.Test()
	f := cmdutil.NewFactory(ios, func(string) string { return "" })
	var got *T
	cmd := newCmd(f, func(o *T) error { got = o; return nil })
	cmd.SetArgs(args)
	cmd.SetOut(&bytes.Buffer{})
	cmd.SetErr(&bytes.Buffer{})
	cmd.SilenceErrors, cmd.SilenceUsage = true, true
	cmd.SetFlagErrorFunc(cmdutil.FlagErrorFunc)
	err := cmd.ExecuteContext(context.Background())
	return got, err
}

// Client is the Env's API client (the embedded sandbox).
func (e *Env) Client(t testing.TB) *market.Client {
	t.Helper()
	c, err := e.F.Client()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Listed creates a listed license-mode SaaS product named name and returns it.
func (e *Env) Listed(t testing.TB, name string) marketapi.Product {
	return e.list(t, LicenseInput(name))
}

// LicenseInput is a license-mode SaaS product named name (one SKU, monthly and yearly).
func LicenseInput(name string) market.ProductInput {
	mode, act := "license", "https://isv.example.com/activate"
	return market.ProductInput{Type: "SAAS", Name: &name, DeliveryMode: &mode, ActivationUrl: &act,
		Skus: []marketapi.SKU{{Name: "Basic", Price: "100"}}, ValidityPeriods: []string{"1m", "1y"}}
}

// MeteredInput is an SPI product named name whose endpoint answers nothing (the marketplace's
// calls fail as notifications), for usage to be metered.
func MeteredInput(name string) market.ProductInput {
	mode, dead := "spi", "http://127.0.0.1:1/spi"
	return market.ProductInput{Type: "SAAS", Name: &name, DeliveryMode: &mode, ProductionUrl: &dead,
		Skus: []marketapi.SKU{{Name: "Basic", Price: "1"}}, ValidityPeriods: []string{"1m"}}
}

// Metered lists an SPI product (usage is metered; its endpoint answers nothing, so the
// marketplace's calls fail as notifications) and returns it.
func (e *Env) Metered(t testing.TB, name string) marketapi.Product {
	return e.list(t, MeteredInput(name))
}

// ListedAPI lists an API product named name (group and prefix made from it) and returns it.
func (e *Env) ListedAPI(t testing.TB, name string) marketapi.Product {
	group, prefix := strings.ToLower(strings.ReplaceAll(name, " ", "")), strings.ToLower(strings.ReplaceAll(name, " ", "-"))
	return e.list(t, market.ProductInput{Type: "API", Name: &name, ApiGroup: &group, ApiPrefix: &prefix,
		Skus: []marketapi.SKU{{Name: "Calls", Price: "50"}}, ValidityPeriods: []string{"1y"}})
}

// Delivering lists a service product with a delivery template — the seller deploys (a required
// "访问地址" field, an attachment), the buyer accepts (may send it back, accepts by default), the
// seller hands over — has the buyer buy it, and returns the instance, whose project is at the
// seller's first step.
func (e *Env) Delivering(t testing.TB) string {
	t.Helper()
	tpl, err := e.Client(t).CreateDeliveryTemplate(context.Background(), "Onboarding", []marketapi.TemplateStep{
		{Name: "部署", OperatorRole: "Provider", NeedAttachment: true, Fields: []marketapi.TemplateField{{Title: "访问地址", Required: true}}},
		{Name: "验收", OperatorRole: "Custom", AllowRollback: true, AutoFinish: true, Fields: []marketapi.TemplateField{{Title: "验收意见"}}},
		{Name: "交接", OperatorRole: "Provider", AllowRollback: true},
	}, "")
	if err != nil {
		t.Fatal(err)
	}
	name := "Implementation"
	p := e.list(t, market.ProductInput{Type: "SERVICE", Name: &name, DeliveryTemplateId: &tpl.TemplateId,
		Skus: []marketapi.SKU{{Name: "Std", Price: "1000"}}, ValidityPeriods: []string{"1y"}})
	return strconv.FormatInt(e.Purchase(t, p.Code).InstanceId, 10)
}

// list creates, submits and approves a product.
func (e *Env) list(t testing.TB, in market.ProductInput) marketapi.Product {
	t.Helper()
	return ListOn(t, e.Client(t), in)
}

// ListOn creates, submits and approves a product through c (a sandbox's client).
func ListOn(t testing.TB, c *market.Client, in market.ProductInput) marketapi.Product {
	t.Helper()
	ctx := context.Background()
	p, err := c.CreateProduct(ctx, in, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.SubmitProduct(ctx, p.Code, "review", ""); err != nil {
		t.Fatal(err)
	}
	if p, err = c.ReviewProduct(ctx, p.Code, "approve", ""); err != nil {
		t.Fatal(err)
	}
	return p
}

// Purchase has the sandbox's buyer buy code and returns what was bought.
func (e *Env) Purchase(t testing.TB, code string) marketapi.Purchase {
	t.Helper()
	p, err := e.Client(t).Simulate(context.Background(), "SandboxPurchase", market.BuyerEvent{Code: code})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// ExitCode is the exit code err gives mkt (classified as Main classifies it).
func ExitCode(err error) int { return cmdutil.ExitCode(cmdutil.Classify(err)) }

// InvoiceRequest has the buyer of a new purchase of code ask for an invoice; it returns the
// request's ID.
func (e *Env) InvoiceRequest(t testing.TB, code string) string {
	t.Helper()
	p := e.Purchase(t, code)
	r, err := e.Client(t).RequestInvoice(context.Background(), market.InvoiceRequest{Orders: []string{strconv.FormatInt(p.OrderId, 10)}, Title: "Example Co."})
	if err != nil || r.Invoice == nil {
		t.Fatalf("invoice request: %+v %v", r, err)
	}
	return r.Invoice.Id
}

// Getenv is the Env's environment, for running mkt in process over the same sandbox.
func (e *Env) Getenv(k string) string { return e.vars[k] }

// Exec runs cmd with args over the Env (its streams and sandbox) and returns its error.
func (e *Env) Exec(cmd *cobra.Command, args ...string) error {
	cmd.SetArgs(args)
	cmd.SetIn(e.In)
	cmd.SetOut(e.Out)
	cmd.SetErr(e.ErrOut)
	cmd.SilenceErrors, cmd.SilenceUsage = true, true
	cmd.SetFlagErrorFunc(cmdutil.FlagErrorFunc)
	return cmd.ExecuteContext(context.Background())
}

// NestService creates a Compute Nest service (an SPI one, version 1, Draft) and returns its ID.
func (e *Env) NestService(t testing.TB, name string) string {
	t.Helper()
	s, err := e.Client(t).CreateService(context.Background(), "", market.NestSpec{DeployType: "spi", DeployMetadata: `{"Endpoint":"https://isv.example.com/spi"}`,
		ServiceType: "managed", ShareType: "Public", ApprovalType: "Manual",
		ServiceInfos: []marketapi.NestServiceInfo{{Locale: "zh-CN", Name: name}, {Locale: "en-US", Name: name}}}, "")
	if err != nil {
		t.Fatal(err)
	}
	return s.ServiceId
}

// NestStep moves a service along: "submit", "approve", "reject", "launch" (and the launch
// completed: the clock moved past it).
func (e *Env) NestStep(t testing.TB, id string, steps ...string) {
	t.Helper()
	c, ctx := e.Client(t), context.Background()
	for _, s := range steps {
		var err error
		switch s {
		case "submit":
			_, err = c.ServiceStep(ctx, "RegisterService", id, "", "")
		case "approve", "reject":
			_, err = c.ReviewService(ctx, id, s == "approve", "not yet")
		case "launch":
			if _, err = c.ServiceStep(ctx, "LaunchService", id, "1", ""); err == nil {
				_, err = c.AdvanceClock(ctx, "5s")
			}
		}
		if err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}
