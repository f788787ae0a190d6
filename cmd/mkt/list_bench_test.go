package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mkt-cli/mkt/internal/market"
	"github.com/mkt-cli/mkt/internal/sandbox"
)

// BenchmarkProductList1000: the whole `mkt product list` command — process start, config,
// sandbox open, 10 pages of DescribeProductsForIsv in process, table — over 1,000 products
// in the embedded sandbox (docs/performance.md: under 50 ms). Reported: ms/op of one run, piped and
// with -o json.
//
//	go test ./cmd/mkt -run '^$' -bench ProductList -benchtime 50x
func BenchmarkProductList1000(b *testing.B) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		b.Skip("go not on PATH")
	}
	dir := b.TempDir()
	mkt := filepath.Join(dir, "mkt")
	wd, _ := os.Getwd()
	buildBinary(b, goBin, mkt, wd)

	sbx := filepath.Join(dir, "sandbox")
	store, err := sandbox.Open(sbx)
	if err != nil {
		b.Fatal(err)
	}
	id, secret, _ := store.Credentials()
	c := market.New(market.Options{Endpoint: "http://sandbox.mkt.local", Transport: sandbox.Transport{Handler: sandbox.NewServer(store)},
		Credential: market.Credential{AccessKeyID: id, AccessKeySecret: secret}})
	types := []string{"SAAS", "API", "IMAGE", "SERVICE"}
	for i := 0; i < 1000; i++ {
		name := fmt.Sprintf("Product %04d", i)
		in := market.ProductInput{Type: types[i%4], Name: &name}
		if types[i%4] == "API" {
			prefix := fmt.Sprintf("api-%04d", i)
			in.ApiPrefix = &prefix
		}
		if _, err := c.CreateProduct(context.Background(), in, ""); err != nil {
			b.Fatal(err)
		}
	}
	store.Close()

	env := []string{"HOME=" + dir, "PATH=/usr/bin:/bin", "MKT_SANDBOX_DIR=" + sbx}
	for _, mode := range []struct {
		name string
		args []string
	}{{"table", []string{"product", "list"}}, {"json", []string{"product", "list", "-o", "json"}}} {
		b.Run(mode.name, func(b *testing.B) {
			var out bytes.Buffer
			run := func() time.Duration {
				out.Reset()
				cmd := exec.Command(mkt, mode.args...)
				cmd.Env = env
				cmd.Stdout = &out
				start := time.Now()
				if err := cmd.Run(); err != nil {
					b.Fatalf("%v: %v", mode.args, err)
				}
				return time.Since(start)
			}
			run() // warm the page cache
			if n := strings.Count(out.String(), "\n"); mode.name == "table" && n != 1000 {
				b.Fatalf("listed %d products, want 1000", n)
			}
			var total time.Duration
			b.ResetTimer()
			for b.Loop() {
				total += run()
			}
			b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "ms/op")
		})
	}
}
