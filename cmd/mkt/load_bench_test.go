package main

import (
	"bufio"
	"context"
	"encoding/base64"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mkt-cli/mkt/internal/market"
)

// servedSandbox starts the release binary's `mkt sandbox serve` (its own process) and returns
// a client factory for it and the server's pid.
func servedSandbox(b *testing.B, extra ...string) (newClient func() *market.Client, pid int) {
	b.Helper()
	goBin, err := exec.LookPath("go")
	if err != nil {
		b.Skip("go not on PATH")
	}
	dir := b.TempDir()
	bin := filepath.Join(dir, "mkt")
	wd, _ := os.Getwd()
	buildBinary(b, goBin, bin, wd)
	serve := exec.Command(bin, append([]string{"sandbox", "serve", "--addr", "127.0.0.1:0", "--quiet"}, extra...)...)
	serve.Env = []string{"HOME=" + dir, "PATH=/usr/bin:/bin", "MKT_SANDBOX_DIR=" + filepath.Join(dir, "sandbox")}
	if p := os.Getenv("MKT_BENCH_SERVE_CPUPROFILE"); p != "" { // profile the server: docs/performance.md
		serve.Env = append(serve.Env, "MKT_CPUPROFILE="+p)
	}
	stdout, _ := serve.StdoutPipe()
	if err := serve.Start(); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		_ = serve.Process.Signal(os.Interrupt)
		_ = serve.Wait()
	})
	vars := map[string]string{}
	sc := bufio.NewScanner(stdout)
	for len(vars) < 3 && sc.Scan() {
		if k, v, ok := strings.Cut(strings.TrimPrefix(sc.Text(), "export "), "="); ok {
			vars[k] = v
		}
	}
	go func() {
		for sc.Scan() {
		}
	}()
	transport := &http.Transport{MaxIdleConns: 256, MaxIdleConnsPerHost: 256}
	return func() *market.Client {
		return market.New(market.Options{Endpoint: vars["MKT_ENDPOINT"], Transport: transport,
			Credential: market.Credential{AccessKeyID: vars["MKT_ACCESS_KEY_ID"], AccessKeySecret: vars["MKT_ACCESS_KEY_SECRET"]},
			Retry:      market.RetryPolicy{MaxAttempts: 1}})
	}, serve.Process.Pid
}

// load sends b.N requests from clients goroutines and reports requests per second and the
// 99th-percentile latency. Any failed request fails the benchmark.
func load(b *testing.B, clients int, newClient func() *market.Client, send func(c *market.Client, i int64) error) {
	b.Helper()
	var next atomic.Int64
	lat := make([][]time.Duration, clients)
	var wg sync.WaitGroup
	var failed atomic.Pointer[error]
	b.ResetTimer()
	start := time.Now()
	for w := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := newClient()
			for {
				i := next.Add(1)
				if i > int64(b.N) {
					return
				}
				t0 := time.Now()
				if err := send(c, i); err != nil {
					failed.CompareAndSwap(nil, &err)
					return
				}
				lat[w] = append(lat[w], time.Since(t0))
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	b.StopTimer()
	if err := failed.Load(); err != nil {
		b.Fatal(*err)
	}
	all := slices.Concat(lat...)
	slices.Sort(all)
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "req/s")
	b.ReportMetric(float64(all[len(all)*99/100].Microseconds())/1000, "p99-ms")
}

// BenchmarkServeLoad drives `mkt sandbox serve` (a separate process) with signed requests from
// 8 and 32 concurrent clients in the benchmark's process: reads (DescribeProducts, a page of 10
// of 50 products), small writes (UploadFile, 1 KiB, a ClientToken each) and product creation
// (CreateProduct), and uploads from 256 clients at once, none of which may fail. Targets (2 cores, load generator on the same cores): ≥ 3,000 reads/s and
// ≥ 1,500 writes/s at 8 and 32 clients, p99 ≤ 50 ms.
//
//	go test ./cmd/mkt -run '^$' -bench ServeLoad -benchtime 20000x
func BenchmarkServeLoad(b *testing.B) {
	newClient, pid := servedSandbox(b)
	if os.Getenv("MKT_BENCH_IDLE_RSS") != "" {
		// After all cells: the server's resident memory right after the load and after 70 s
		// idle (memory must be returned once the load is over).
		defer func() {
			after := vmRSS(pid)
			time.Sleep(70 * time.Second)
			b.Logf("sandbox serve VmRSS: %d MiB after the load, %d MiB after 70 s idle", after>>10, vmRSS(pid)>>10)
		}()
	}
	ctx := context.Background()
	seed := newClient()
	for i := range 50 {
		name := fmt.Sprintf("Seed %02d", i)
		if _, err := seed.CreateProduct(ctx, market.ProductInput{Type: "SAAS", Name: &name}, ""); err != nil {
			b.Fatal(err)
		}
	}
	content := base64.StdEncoding.EncodeToString([]byte(strings.Repeat("mkt load test line\n", 54)))
	var run atomic.Int64
	for _, clients := range []int{8, 32, 256} {
		if clients == 256 { // contention: every write must still land (no "database is locked")
			b.Run("uploads-256", func(b *testing.B) {
				r := run.Add(1)
				load(b, clients, newClient, func(c *market.Client, i int64) error {
					return c.Call(ctx, market.Request{Action: "UploadFile", ClientToken: fmt.Sprintf("load-%d-%d", r, i),
						Form: url.Values{"FileName": {"load.txt"}, "Content": {content}}}, nil)
				})
			})
			continue
		}
		b.Run(fmt.Sprintf("reads-%d", clients), func(b *testing.B) {
			load(b, clients, newClient, func(c *market.Client, i int64) error {
				return c.Call(ctx, market.Request{Action: "DescribeProducts", Query: url.Values{"PageSize": {"10"}}}, nil)
			})
		})
		b.Run(fmt.Sprintf("uploads-%d", clients), func(b *testing.B) {
			r := run.Add(1)
			load(b, clients, newClient, func(c *market.Client, i int64) error {
				return c.Call(ctx, market.Request{Action: "UploadFile", ClientToken: fmt.Sprintf("load-%d-%d", r, i),
					Form: url.Values{"FileName": {"load.txt"}, "Content": {content}}}, nil)
			})
		})
		b.Run(fmt.Sprintf("creates-%d", clients), func(b *testing.B) {
			r := run.Add(1)
			load(b, clients, newClient, func(c *market.Client, i int64) error {
				name := fmt.Sprintf("Load %d-%d", r, i)
				_, err := c.CreateProduct(ctx, market.ProductInput{Type: "SAAS", Name: &name}, fmt.Sprintf("load-%d-%d", r, i))
				return err
			})
		})
	}
}

// vmRSS is a process's resident memory in KiB, from /proc (0 when unknown).
func vmRSS(pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			var kib int64
			fmt.Sscan(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), &kib)
			return kib
		}
	}
	return 0
}
