package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mkt-cli/mkt/internal/cli/clitest"
	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/marketapi"
)

// faultRun is one mkt process's outcome.
type faultRun struct {
	code           int
	stdout, stderr string
}

// mktThrough runs the mkt binary against the sandbox behind l, in a fresh HOME, with a
// request timeout shorter than clitest.FaultDelay so that a late answer is a timeout.
func mktThrough(t *testing.T, bin string, env []string, l *clitest.Lossy, args ...string) faultRun {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"--sandbox", "--timeout", "1s"}, args...)...)
	cmd.Env = append(env, "MKT_ENDPOINT="+l.URL, "MKT_ACCESS_KEY_ID="+l.Credential.AccessKeyID, "MKT_ACCESS_KEY_SECRET="+l.Credential.AccessKeySecret)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var ee *exec.ExitError
	code := 0
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return faultRun{code, out.String(), errOut.String()}
}

// faultCase is a change run through the fault injector: setup prepares the sandbox and
// returns the command; check says whether the change is done exactly once.
type faultCase struct {
	name   string
	action string // the request the fault hits
	setup  func(t *testing.T, l *clitest.Lossy, dir string) []string
	check  func(t *testing.T, l *clitest.Lossy)
	// firstExit is the documented exit code of the faulted run, by fault (0 when absent).
	firstExit map[clitest.Fault]int
	// rerunExit is the exit code of the rerun after a non-zero first run (0 when absent).
	rerunExit int
}

var tokenRemedy = regexp.MustCompile(`--client-token (\S+)`)

// TestFaults runs apply, product create, invoice issue, invoice refuse and metering push
// through a lost answer, a late one, a gateway's 502, flow control, an answer cut off, a
// garbage answer and a flood: each exits as documented, a rerun (with the ClientToken the
// error names, when it names one) converges, and nothing is done twice.
func TestFaults(t *testing.T) {
	if testing.Short() {
		t.Skip("runs mkt ~100 times")
	}
	bin, env := mktBinary(t)
	ctx := context.Background()
	// Garbage and a flood are answers mkt cannot read: exit 7; a rerun converges.
	unreadable := map[clitest.Fault]int{clitest.Garbage: 7, clitest.Huge: 7}
	cases := []faultCase{
		{
			name: "product create", action: "CreateProduct", firstExit: unreadable,
			setup: func(t *testing.T, l *clitest.Lossy, dir string) []string {
				return []string{"product", "create", "--type", "saas", "--name", "Faulty App", "--sku", "basic:9"}
			},
			check: func(t *testing.T, l *clitest.Lossy) {
				if n := countProducts(t, l); n != 1 {
					t.Errorf("%d products, want 1", n)
				}
			},
		},
		{
			name: "apply", action: "CreateProduct", firstExit: unreadable,
			setup: func(t *testing.T, l *clitest.Lossy, dir string) []string {
				f := filepath.Join(dir, "listing.yaml")
				var b strings.Builder
				b.WriteString("apiVersion: mkt/v1\nkind: Listing\nproducts:\n")
				for i := range 3 {
					fmt.Fprintf(&b, "  - key: app%d\n    name: App %d\n    type: saas\n    delivery: spi\n    productionUrl: https://isv.example.com/spi\n    validity: [1m]\n    skus:\n      - name: Basic\n        price: \"9.00\"\n", i, i)
				}
				if err := os.WriteFile(f, []byte(b.String()), 0o600); err != nil {
					t.Fatal(err)
				}
				return []string{"apply", "-f", f}
			},
			check: func(t *testing.T, l *clitest.Lossy) {
				if n := countProducts(t, l); n != 3 {
					t.Errorf("%d products, want 3", n)
				}
			},
		},
		{
			name: "invoice issue", action: "ModifyInvoiceForIsv",
			setup: func(t *testing.T, l *clitest.Lossy, dir string) []string {
				return []string{"invoice", "issue", invoiceRequest(t, l), "--number", "INV-0001", "--url", "https://isv.example.com/inv/1.pdf"}
			},
			check: func(t *testing.T, l *clitest.Lossy) {
				inv := onlyInvoice(t, l)
				if inv.Status != "Success" || len(inv.InvoiceList) != 1 || inv.InvoiceList[0].Id != "INV-0001" {
					t.Errorf("invoice after the runs: status %s, %+v", inv.Status, inv.InvoiceList)
				}
			},
		},
		{
			name: "invoice refuse", action: "ModifyInvoiceForIsv",
			setup: func(t *testing.T, l *clitest.Lossy, dir string) []string {
				return []string{"invoice", "refuse", invoiceRequest(t, l), "--reason", "title does not match the tax number"}
			},
			check: func(t *testing.T, l *clitest.Lossy) {
				if inv := onlyInvoice(t, l); inv.Status != "Refused" || len(inv.InvoiceList) != 0 {
					t.Errorf("invoice after the runs: status %s, %+v", inv.Status, inv.InvoiceList)
				}
			},
		},
		{
			// PushMeteringData has no ClientToken: an answer that never came (lost, late, cut
			// off, unreadable, a gateway's page) leaves the push unknown — exit 7, and the rerun
			// holds it back (exit 8) instead of billing twice. Flow control is waited out.
			name: "metering push", action: "PushMeteringData",
			firstExit: map[clitest.Fault]int{clitest.Lose: 7, clitest.Delay: 7, clitest.BadGateway: 7, clitest.Truncate: 7, clitest.Garbage: 7, clitest.Huge: 7},
			rerunExit: 8,
			setup: func(t *testing.T, l *clitest.Lossy, dir string) []string {
				p := clitest.ListOn(t, l.Direct, clitest.MeteredInput("Metered"))
				buy, err := l.Direct.Simulate(ctx, "SandboxPurchase", market.BuyerEvent{Code: p.Code, SpiRetries: 1})
				if err != nil {
					t.Fatal(err)
				}
				now := time.Now().Unix()
				f := filepath.Join(dir, "usage.csv")
				os.WriteFile(f, []byte(fmt.Sprintf("instance_id,start_time,end_time,key,value,metering_assit\n%d,%d,%d,Frequency,5,%s-Frequency-1\n",
					buy.InstanceId, now-900, now-600, p.Code)), 0o600)
				return []string{"metering", "push", "--from-file", f}
			},
			check: func(t *testing.T, l *clitest.Lossy) {
				if n := l.Received("PushMeteringData"); n != 1 {
					t.Errorf("%d pushes reached the marketplace, want 1", n)
				}
			},
		},
	}
	faults := []clitest.Fault{clitest.Lose, clitest.Delay, clitest.BadGateway, clitest.Throttle, clitest.Truncate, clitest.Garbage, clitest.Huge}
	// Every answer of every attempt lost (mkt tries 4 times): the documented exit codes.
	const loseAll = clitest.Fault(-1)
	allLost := map[string]int{"product create": 7, "apply": 7, "invoice issue": 0, "invoice refuse": 0, "metering push": 7}
	for _, c := range cases {
		for _, fault := range append(faults, loseAll) {
			name := fault.String()
			if fault == loseAll {
				name = "every-answer-lost"
			}
			t.Run(c.name+"/"+name, func(t *testing.T) {
				l := clitest.NewLossy(t)
				args := c.setup(t, l, t.TempDir())
				want := c.firstExit[fault]
				if fault == loseAll {
					for range 12 { // four attempts of each of apply's three products
						l.Inject(c.action, clitest.Lose)
					}
					want = allLost[c.name]
				} else {
					l.Inject(c.action, fault)
				}
				first := mktThrough(t, bin, env, l, args...)
				if first.code != want {
					t.Fatalf("faulted run: exit %d, want %d\n%s", first.code, want, first.stderr)
				}
				l.Clear()
				if first.code != 0 {
					rerun := args
					if m := tokenRemedy.FindStringSubmatch(first.stderr); m != nil {
						rerun = append(append([]string(nil), args...), "--client-token", m[1])
					}
					if again := mktThrough(t, bin, env, l, rerun...); again.code != c.rerunExit {
						t.Fatalf("rerun: exit %d, want %d\n%s", again.code, c.rerunExit, again.stderr)
					}
				}
				if strings.Contains(first.stderr, "panic") || strings.Contains(first.stderr, "goroutine ") {
					t.Errorf("a stack trace reached the user:\n%s", first.stderr)
				}
				c.check(t, l)
			})
		}
	}
}

func countProducts(t *testing.T, l *clitest.Lossy) int {
	t.Helper()
	n := 0
	err := l.Direct.ListProducts(context.Background(), market.ProductFilter{}, func(pg marketapi.ProductPage) bool { n += len(pg.Products); return true })
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// invoiceRequest lists a product, has a buyer buy it and ask for an invoice.
func invoiceRequest(t *testing.T, l *clitest.Lossy) string {
	t.Helper()
	ctx := context.Background()
	p := clitest.ListOn(t, l.Direct, clitest.LicenseInput("Invoiced"))
	buy, err := l.Direct.Simulate(ctx, "SandboxPurchase", market.BuyerEvent{Code: p.Code})
	if err != nil {
		t.Fatal(err)
	}
	r, err := l.Direct.RequestInvoice(ctx, market.InvoiceRequest{Orders: []string{strconv.FormatInt(buy.OrderId, 10)}, Title: "Example Co."})
	if err != nil || r.Invoice == nil {
		t.Fatalf("invoice request: %+v %v", r, err)
	}
	return r.Invoice.Id
}

func onlyInvoice(t *testing.T, l *clitest.Lossy) marketapi.Invoice {
	t.Helper()
	var all []marketapi.Invoice
	err := l.Direct.ListInvoices(context.Background(), market.InvoiceFilter{}, func(p []marketapi.Invoice) bool { all = append(all, p...); return true })
	if err != nil || len(all) != 1 {
		t.Fatalf("%d invoices: %v", len(all), err)
	}
	return all[0]
}
